/// Everything needed to read one source file into one interchange table: where it is, how its
/// text is written, and how its columns become the table's columns.
struct SourceSpec: Sendable {
    var table: TargetTable
    /// Path relative to the snapshot folder, or the table name in a SQLite file.
    var file: String
    /// Whether a missing file stops the import (only `invoices` by default).
    var isRequired: Bool
    var format = SourceFormat()
    /// Target column → source column, for columns whose names differ.
    var renames: [String: String] = [:]
    /// Target column → a value used for every row.
    var constants: [String: String] = [:]
    /// Target column → where its constant is in the mapping (`line 12: 'tables.invoices[0].constants.currency': `).
    var constantOrigins: [String: String] = [:]
    /// The mapping file's name, for errors about the mapping found while binding a header.
    var mappingName = ""
    /// Target column → (source value → interchange value); unlisted values pass through.
    var valueMaps: [String: [String: String]] = [:]
    /// Target column → a suffix removed from its values when present (`.0` of ids exported as numbers).
    var strippedSuffixes: [String: String] = [:]
    /// Source columns dropped instead of kept as extra attributes.
    var ignored: Set<String> = []
    /// Identifier column → its normalisation, the mapping's for every table.
    var normalization: [String: IdentifierNormalization] = [:]
    var derive = DeriveSpec()

    /// The interchange layout: `<table>.csv` with the interchange column names.
    static func interchange(_ table: TargetTable, format: SourceFormat) -> SourceSpec {
        SourceSpec(table: table, file: table.fileName, isRequired: table == .invoices, format: format)
    }
}

/// How a source writes its text, dates and amounts.
struct SourceFormat: Sendable {
    var separator = UInt8(ascii: ",")
    var quote = UInt8(ascii: "\"")
    var encoding = TextEncoding.utf8
    var dates = DateFormat.iso
    var amounts = AmountFormat.plain
    /// Invoice rows with a negative amount become credit notes of the positive amount.
    var negativeIsCreditNote = false
}

/// Rows an invoice source implies besides its documents.
struct DeriveSpec: Sendable {
    /// Customers from the distinct customer ids; customer column (or extra attribute name) → source column.
    var customers: [String: String]?
    /// Entities from the distinct entity ids (currency: the first document's); `name` → source column.
    var entities: [String: String]?
    var payments: DerivedPayments?
    var disputes: DerivedDisputes?

    var isEmpty: Bool { customers == nil && entities == nil && payments == nil && disputes == nil }
}

/// A settled (cleared) date on an invoice row implies a payment of the whole amount on that date.
struct DerivedPayments: Sendable {
    var dateColumn: String
    var idPrefix = "PAY-"
}

/// A disputed flag on an invoice row implies a dispute on the whole open amount.
struct DerivedDisputes: Sendable {
    var flagColumn: String
    /// Flag value → whether it means disputed; `nil` uses yes/no, true/false, y/n, 1/0, x/empty.
    var values: [String: Bool]?
    /// Source columns of the opening date, the earliest of them (`opened: [DueDate, SettledDate]`);
    /// empty: the invoice's issue date.
    var openedColumns: [String] = []
    /// Source column of the resolution date; `nil`: never resolved.
    var resolvedColumn: String?
    var idPrefix = "DSP-"

    /// Whether `value` flags a dispute; `nil` when it is not a known flag value.
    func isDisputed(_ value: String) -> Bool? {
        if let values { return values[value] }
        switch value.lowercased() {
        case "yes", "y", "true", "1", "x": return true
        case "no", "n", "false", "0", "": return false
        default: return nil
        }
    }
}
