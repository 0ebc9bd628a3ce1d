import ARCore
import ARImport
import ARStore
import ArgumentParser
import Foundation

/// `arlens import`: reads a snapshot, reconciles it, and adds it to a store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a snapshot (CSV folder or SQLite file) into a store, reconciling every row.",
        discussion: """
        Rows that cannot be read go to STORE/rejects-<snapshot>.csv with file, line, reason and raw text;
        the report reconciles rows and amounts read = loaded + rejected, per file. Importing the same
        snapshot twice does not add it twice.
        Examples:
          arlens import datasets/sample --into store
          arlens import export.csv --mapping datasets/mappings/ibm-wa-accounts-receivable.yaml --into store
        """
    )

    @Argument(help: "A CSV folder, a SQLite file, or (with --mapping) one of the exported files.")
    var source: String

    @Option(name: .long, help: "A YAML mapping file for a layout other than the interchange one.")
    var mapping: String?

    @Option(name: .long, help: "The store folder to add the snapshot to (created when missing).")
    var into: String

    @Option(name: .long, help: "The snapshot's as-of (extraction) date, YYYY-MM-DD; wins over snapshot.json and the mapping.")
    var asOf: String?

    @Option(name: .long, help: "The reporting currency (ISO 4217); wins over snapshot.json and the mapping.")
    var reportingCurrency: String?

    @Flag(name: .long, help: "Print the import report as JSON on standard output (every other line goes to standard error).")
    var json = false

    /// The command line's snapshot settings, checked.
    func importOptions() throws -> ImportOptions {
        var options = ImportOptions()
        if let asOf {
            guard let day = Day(iso: asOf) else {
                throw CommandFailure("--as-of '\(asOf)' is not a date\nhelp: write it as YYYY-MM-DD, e.g. --as-of 2026-03-31")
            }
            options.asOf = day
        }
        if let reportingCurrency {
            guard let currency = Currency(code: reportingCurrency) else {
                throw CommandFailure("--reporting-currency '\(reportingCurrency)' is not an ISO 4217 code\nhelp: write it as EUR, USD …")
            }
            options.reportingCurrency = currency
        }
        return options
    }

    /// A human line: standard output, or standard error when standard output carries JSON.
    private func say(_ text: String) {
        if json { Terminal.error(text) } else { print(text) }
    }

    func run() throws {
        let mappingFile = try mapping.map { try MappingFile.load(from: URL(fileURLWithPath: $0)) }
        let result = try SnapshotImporter.load(from: URL(fileURLWithPath: source), mapping: mappingFile,
                                               options: try importOptions(), progress: ImportProgressView.report)
        Terminal.clearStatus()
        if result.loadedNoDocument {
            Terminal.error(result.report.rendered.trimmingCharacters(in: .newlines))
            throw CommandFailure(Self.refusal(result, source: source))
        }
        let store = try SnapshotStore(at: URL(fileURLWithPath: into))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let reportJSON = try encoder.encode(result.report)
        let (outcome, rejectsPath) = try add(result, to: store, report: reportJSON)
        if json {
            print(String(decoding: reportJSON, as: UTF8.self))
            for notice in result.report.notices { Terminal.error("warning: " + notice) }
        } else {
            print(result.report.rendered, terminator: result.report.rendered.hasSuffix("\n") ? "" : "\n")
        }
        switch outcome {
        case let .added(entry): say("added snapshot \(entry.id) (as of \(entry.asOf.iso)) to \(into)")
        case let .alreadyPresent(entry): say("snapshot \(entry.id) is already in \(into): nothing added")
        }
        if let rejectsPath {
            say("\(result.rejects.count) rejected rows and \(result.flags.count) warnings written to \(rejectsPath)")
        }
        if !result.report.isReconciled { throw CommandFailure("the import does not reconcile: see the report above") }
    }

    /// Adds the snapshot with its rejects file, which is staged (written and flushed) first: a full
    /// disk stops the import before the snapshot is committed. Returns where the rejects went.
    private func add(_ result: ImportResult, to store: SnapshotStore, report: Data) throws -> (AddOutcome, String?) {
        let hasRejects = !result.rejects.isEmpty || !result.flags.isEmpty
        let staged = hasRejects ? try StagedFile(result.rejectsCSV, beside: store.url.appendingPathComponent("rejects.csv")) : nil
        let outcome: AddOutcome
        do { outcome = try store.add(result.ledger, source: source, report: report) } catch {
            staged?.discard()
            throw error
        }
        guard let staged else { return (outcome, nil) }
        let url = store.url.appendingPathComponent("rejects-\(outcome.entry.id).csv")
        try staged.commit(as: url)
        return (outcome, url.path)
    }

    /// Why an import that loaded no invoice or credit note is refused: the reject reasons, by count.
    static func refusal(_ result: ImportResult, source: String) -> String {
        var reasons: [String: Int] = [:]
        for reject in result.rejects where reject.table == "invoices" { reasons[reject.reason, default: 0] += 1 }
        let read = result.report.files.filter { $0.table == "invoices" }.reduce(0) { $0 + $1.rowsRead }
        let why = reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var text = read == 0
            ? "nothing to import from '\(source)': it holds no invoice rows"
            : "nothing to import from '\(source)': all \(read) invoice rows were rejected (\(why))"
        if let first = result.rejects.first(where: { $0.table == "invoices" }) {
            text += "\nfirst: \(first.file):\(first.line): \(first.reason): \(first.message)"
        }
        return text + "\nhelp: no snapshot was added; fix the rows (or the mapping) and import again"
    }
}
