import ARCore
import ARStore
import Foundation

/// Reads a snapshot into a ``Ledger``: a folder of CSV files or a SQLite file in the interchange
/// layout, or any other layout described by a ``MappingFile``.
///
/// ```swift
/// let result = try SnapshotImporter.load(from: URL(fileURLWithPath: "snapshots/2026-03-31"))
/// print(result.report.rendered)
/// try result.writeRejects(to: URL(fileURLWithPath: "rejects.csv"))
/// ```
public enum SnapshotImporter {
    /// Loads a snapshot, rejecting bad rows one by one and reconciling every file.
    ///
    /// - Parameters:
    ///   - source: a CSV folder, or a `.sqlite` / `.sqlite3` / `.db` file. With a mapping, a CSV
    ///     file stands for the folder that holds it.
    ///   - mapping: how another layout maps onto the interchange tables; `nil`: the interchange layout.
    ///   - progress: called about every 65,536 rows and at the end of each file.
    /// - Throws: ``ImportError`` for what stops the whole load: a missing required file or column,
    ///   an unreadable file, a bad snapshot.json.
    ///   - options: the command line's as-of date and reporting currency, winning over the rest.
    public static func load(from source: URL, mapping: MappingFile? = nil, options: ImportOptions = ImportOptions(),
                            progress: (@Sendable (ImportProgress) -> Void)? = nil) throws -> ImportResult {
        let plan = mapping ?? MappingFile(name: "")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
            throw ImportError(file: source.path, message: "no such file or folder: give a snapshot folder or a SQLite file")
        }
        if isFolder.boolValue { return try loadFolder(source, plan: plan, options: options, progress: progress) }
        // A mapping names its files: a CSV given directly stands for the folder that holds it.
        if mapping != nil, ["csv", "txt", "tsv"].contains(source.pathExtension.lowercased()) {
            return try loadFolder(source.deletingLastPathComponent(), plan: plan, options: options, progress: progress)
        }
        guard ["sqlite", "sqlite3", "db"].contains(source.pathExtension.lowercased()) else {
            throw ImportError(file: source.lastPathComponent,
                              message: "not a snapshot: give the folder holding the CSV files, or a .sqlite/.db file")
        }
        return try loadSQLite(source, plan: plan, options: options, progress: progress)
    }

    private static func loadFolder(_ folder: URL, plan: MappingFile, options: ImportOptions,
                                   progress: (@Sendable (ImportProgress) -> Void)?) throws(ImportError) -> ImportResult {
        var settings = SnapshotSettings()
        try settings.readJSON(in: folder)
        try settings.override(with: plan, options: options, folder: folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try run(plan: plan, settings: settings, progress: progress, names: names) { spec throws(ImportError) -> CSVSource? in
            let url = folder.appendingPathComponent(spec.file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                guard spec.isRequired else { return nil }
                throw ImportError(file: spec.file, message: "required file is missing from \(folder.path): "
                    + (spec.table == .invoices ? "a snapshot needs its invoices" : "add it or set 'required: false' in the mapping"))
            }
            let reader = try CSVReader(url: url, separator: spec.format.separator, quote: spec.format.quote, encoding: spec.format.encoding)
            return try CSVSource(reader: reader)
        }
    }

    private static func loadSQLite(_ file: URL, plan: MappingFile, options: ImportOptions,
                                   progress: (@Sendable (ImportProgress) -> Void)?) throws(ImportError) -> ImportResult {
        let database = try SQLiteDatabase(path: file.path, name: file.lastPathComponent)
        let tables: Set<String>
        do { tables = try database.tableNames() } catch {
            throw ImportError(file: file.lastPathComponent, message: "is not a readable SQLite database: give a SQLite snapshot or a CSV folder")
        }
        var settings = SnapshotSettings()
        if tables.contains("snapshot") { try settings.readTable(SQLiteTableSource(database: database, table: "snapshot")) }
        try settings.override(with: plan, options: options, folder: file.deletingLastPathComponent())
        return try run(plan: plan, settings: settings, progress: progress, names: tables.sorted()) { spec throws(ImportError) -> SQLiteTableSource? in
            let table = spec.file.hasSuffix(".csv") ? String(spec.file.dropLast(4)) : spec.file
            guard tables.contains(table) else {
                guard spec.isRequired else { return nil }
                throw ImportError(file: file.lastPathComponent, message: "required table \(quoted(table)) is missing: add it to the database")
            }
            return try SQLiteTableSource(database: database, table: table)
        }
    }

    /// Loads every table in order from the sources `open` gives.
    private static func run<S: RowSource>(plan: MappingFile, settings: SnapshotSettings,
                                          progress: (@Sendable (ImportProgress) -> Void)?, names: [String],
                                          open: (SourceSpec) throws(ImportError) -> S?) throws(ImportError) -> ImportResult {
        let reporting = settings.reportingCurrency ?? .eur
        var session = ImportSession(builder: LedgerBuilder(reportingCurrency: reporting, source: settings.source), progress: progress)
        for table in TargetTable.allCases {
            if table == .fxRates, !plan.inlineRates.isEmpty {
                var line = ImportReport.FileReport(file: plan.name, table: "fx_rates (inline)")
                for rate in plan.inlineRates {
                    session.builder.add(rate)
                    line.count(loaded: true, .none)
                }
                session.reports.append(line)
            }
            for pattern in plan.sources(for: table) {
                let specs = pattern.expanded(in: names)
                if specs.isEmpty, pattern.isRequired {
                    throw ImportError(file: pattern.file, message: "no file matches the pattern: check the name in the mapping")
                }
                for spec in specs {
                    guard let source = try open(spec) else { continue }
                    try session.load(source, spec: spec)
                }
            }
        }
        var notices: [String] = []
        var asOf = settings.asOf, origin = settings.asOfOrigin
        if asOf == nil, let inferred = session.builder.latestTransactionDate {
            asOf = inferred
            origin = "inferred"
            notices.append(AsOfNote.inferredNotice(inferred))
        }
        session.attributes.apply(to: &session.builder)
        let ledger = session.builder.finish(asOf: asOf)
        var report = ImportReport(files: session.reports, asOf: ledger.snapshot.asOf.iso, reportingCurrency: reporting.code,
                                  flags: session.flags)
        report.asOfOrigin = origin
        report.notices = notices
        report.mergedIDs = IdentifierNormalization.columns.compactMap { session.identifierTallies[$0]?.merged }
        return ImportResult(ledger: ledger, report: report, rejects: session.rejects, flags: session.flags)
    }
}
