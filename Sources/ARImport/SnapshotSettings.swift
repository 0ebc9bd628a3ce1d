import ARCore
import Foundation

/// What a snapshot says about itself: snapshot.json in a folder, the `snapshot` table in SQLite,
/// overridden field by field by a mapping's `snapshot:` section.
struct SnapshotSettings {
    var asOf: Day?
    /// Where ``asOf`` came from, for the report (`snapshot.json`, `mapping 'x.yaml'`, `--as-of` …).
    var asOfOrigin: String?
    var reportingCurrency: Currency?
    var source: String?

    /// Applies the fields present in `fields` (`as_of`, `reporting_currency`, `source`).
    mutating func read(_ fields: [String: String], file: String) throws(ImportError) {
        if let text = fields["as_of"], !text.isEmpty {
            guard let day = Day(iso: text) else {
                throw ImportError(file: file, message: "as_of \(quoted(text)) is not a YYYY-MM-DD date: write it as 2026-03-31")
            }
            asOf = day
            asOfOrigin = file
        }
        if let code = fields["reporting_currency"], !code.isEmpty {
            guard let currency = Currency(code: code) else {
                throw ImportError(file: file, message: "reporting_currency \(quoted(code)) is not an ISO 4217 code: write it as EUR, USD …")
            }
            reportingCurrency = currency
        }
        if let text = fields["source"], !text.isEmpty { source = text }
    }

    /// Reads snapshot.json when the folder has one.
    mutating func readJSON(in folder: URL) throws(ImportError) {
        let url = folder.appendingPathComponent("snapshot.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return }
        guard let object = try? JSONSerialization.jsonObject(with: data), let dictionary = object as? [String: Any] else {
            throw ImportError(file: "snapshot.json", message: "not a JSON object: write {\"as_of\": \"2026-03-31\", \"reporting_currency\": \"EUR\"}")
        }
        var fields: [String: String] = [:]
        for (key, value) in dictionary {
            guard let text = value as? String else {
                throw ImportError(file: "snapshot.json", message: "\(quoted(key)) must be a string in double quotes")
            }
            fields[key] = text
        }
        try read(fields, file: "snapshot.json")
    }

    /// Reads the first row of the `snapshot` table.
    mutating func readTable(_ source: SQLiteTableSource) throws(ImportError) {
        var row = RowBuffer()
        guard try source.next(into: &row) == .row else { return }
        var fields: [String: String] = [:]
        for (i, name) in source.header.enumerated() { fields[name] = row.string(i) }
        try read(fields, file: "snapshot (table)")
    }

    /// The mapping's inline settings (or the note it names) win over the snapshot's own, and the
    /// command line's over both.
    mutating func override(with mapping: MappingFile, options: ImportOptions, folder: URL) throws(ImportError) {
        if let note = mapping.asOfNote {
            asOf = try note.read(in: folder)
            asOfOrigin = "note file \(quoted(note.file))"
        }
        if let day = mapping.asOf {
            asOf = day
            asOfOrigin = "mapping \(quoted(mapping.name))"
        }
        if let currency = mapping.reportingCurrency { reportingCurrency = currency }
        if let text = mapping.sourceName { source = text }
        if let day = options.asOf {
            asOf = day
            asOfOrigin = "--as-of"
        }
        if let currency = options.reportingCurrency { reportingCurrency = currency }
    }
}
