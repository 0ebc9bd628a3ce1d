import ARCore
import ARStore
import Foundation
import Yams

/// A YAML file that says how a snapshot in another layout maps onto the interchange tables:
/// which files feed which table, column renames, constants, value maps, date and number formats,
/// rows implied by other rows, and inline snapshot settings and FX rates. See docs/import.md.
///
/// ```yaml
/// snapshot: {reporting_currency: USD}
/// tables:
///   invoices:
///     - file: export.csv
///       separator: ";"
///       date_format: dd/mm/yyyy
///       decimal: ","
///       columns: {invoice_id: DocNo, customer_id: Debtor, issue_date: DocDate, due_date: NetDue, amount: Gross}
///       constants: {entity_id: FR01, currency: EUR}
/// ```
public struct MappingFile: Sendable {
    /// The file the mapping was read from, for error messages.
    public var name: String
    var asOf: Day?
    /// The export's own note that gives the as-of date (`snapshot.as_of_from`).
    var asOfNote: AsOfNote?
    var reportingCurrency: Currency?
    var sourceName: String?
    var defaults = SourceFormat()
    var inlineRates: [FXRateRecord] = []
    /// Identifier column → how its values are normalised in every table (`normalize:`).
    var normalization: [String: IdentifierNormalization] = [:]
    /// Sources per table; a table absent here is read from its interchange file when present.
    var tables: [TargetTable: [SourceSpec]] = [:]

    /// Reads and checks a mapping file.
    /// - Throws: ``ImportError`` naming the file, the line and the key at fault.
    public static func load(from url: URL) throws -> MappingFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ImportError(file: url.path, message: "cannot read the mapping file: check the path")
        }
        return try parse(String(decoding: data, as: UTF8.self), name: url.lastPathComponent)
    }

    /// Parses mapping text; `name` is used in error messages.
    public static func parse(_ text: String, name: String) throws -> MappingFile {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            // Yams prints a snippet under its message: keep the one line that says where and what.
            let lines = DisplayText.excerpt("\(error)".split(separator: "\n").prefix(2).joined(separator: " "), limit: 200)
            throw ImportError(file: name, message: "not valid YAML: \(lines)")
        }
        var mapping = MappingFile(name: name)
        guard let root else { return mapping }
        let top = YAMLReader(node: root, path: "", file: name)
        for (key, value) in try top.entries(allowed: ["snapshot", "defaults", "fx_rates", "normalize", "tables"]) {
            switch key {
            case "snapshot": try mapping.readSnapshot(value)
            case "defaults": mapping.defaults = try readFormat(value, base: SourceFormat(), strict: true)
            case "fx_rates": try mapping.readRates(value)
            case "normalize": mapping.normalization = try readNormalization(value)
            default: break
            }
        }
        if let tables = top.child("tables") {
            for (key, value) in try tables.entries(allowed: TargetTable.allCases.map(\.rawValue)) {
                let table = TargetTable(rawValue: key)!
                mapping.tables[table] = try value.items().map { item throws(ImportError) in
                    try mapping.readSource(item, table: table)
                }
            }
        }
        return mapping
    }

    /// The sources of `table`: the mapping's, else the interchange file.
    func sources(for table: TargetTable) -> [SourceSpec] {
        var specs = tables[table] ?? [.interchange(table, format: defaults)]
        for k in specs.indices { specs[k].normalization = normalization }
        return specs
    }

    private mutating func readSnapshot(_ node: YAMLReader) throws(ImportError) {
        for (key, value) in try node.entries(allowed: ["as_of", "as_of_from", "reporting_currency", "source"]) {
            if key == "as_of_from" {
                asOfNote = try Self.readNote(value)
                continue
            }
            let text = try value.string()
            switch key {
            case "as_of":
                guard let day = Day(iso: text) else { throw value.fail("\(quoted(text)) is not a YYYY-MM-DD date") }
                asOf = day
            case "reporting_currency":
                guard let currency = Currency(code: text) else { throw value.fail("\(quoted(text)) is not an ISO 4217 currency") }
                reportingCurrency = currency
            default: sourceName = text
            }
        }
    }

    private static func readNote(_ node: YAMLReader) throws(ImportError) -> AsOfNote {
        let fields = try node.stringMap(allowedKeys: ["file", "key", "date_format"])
        guard let file = fields["file"], let key = fields["key"] else {
            throw node.fail("needs 'file:' (the export's note) and 'key:' (the key holding the extraction date)")
        }
        guard SourceSpec.staysInsideFolder(file) else { throw node.fail("expected a file inside the snapshot folder, found \(quoted(file))") }
        var note = AsOfNote(file: file, key: key, origin: node.location)
        if let pattern = fields["date_format"] {
            guard let dates = DateFormat(pattern: pattern) else { throw node.fail("unknown date format \(quoted(pattern)): use iso, dd.mm.yyyy …") }
            note.dates = dates
        }
        return note
    }

    private mutating func readRates(_ node: YAMLReader) throws(ImportError) {
        for item in try node.items() {
            let fields = try item.stringMap(allowedKeys: ["date", "currency", "rate"])
            guard let dateText = fields["date"], let day = Day(iso: dateText) else { throw item.fail("needs 'date: YYYY-MM-DD'") }
            guard let code = fields["currency"], let currency = Currency(code: code) else { throw item.fail("needs 'currency' with an ISO 4217 code") }
            guard let rateText = fields["rate"], let rate = ExactRate(rateText) else { throw item.fail("needs 'rate' as a plain decimal such as 0.7454") }
            inlineRates.append(FXRateRecord(day: day, currency: currency, rate: rate))
        }
    }

    static let formatKeys = ["separator", "quote", "encoding", "date_format", "decimal", "thousands", "negative_amounts"]
    static let sourceKeys = formatKeys + ["file", "required", "columns", "constants", "values", "strip_suffix", "ignore", "derive"]
}
