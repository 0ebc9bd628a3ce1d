import ARCore

/// Why a row cannot enter the ledger. Each case names the offending value; the importer turns it
/// into a reject with the file and line.
public enum LedgerBuildError: Error, Equatable, Sendable, CustomStringConvertible {
    case duplicateID(table: String, id: String)
    case unknownEntity(String)
    case unknownCustomer(String)
    case unknownDocument(String)
    /// A payment, write-off or dispute amount in another currency than its document's.
    case currencyMismatch(documentID: String, documentCurrency: String, found: String)
    case missingDueDate(documentID: String)
    /// A currency other than the reporting one with no rate on or before the row's date.
    case noRate(currency: String, day: Day)
    /// A negative or zero amount where the interchange format wants a positive one.
    case nonPositiveAmount(Int64)
    /// An amount beyond ±``MinorUnits/maximumMagnitude`` minor units.
    case amountOutOfRange(Int64)
    /// A dispute whose resolution date is before its opening date.
    case resolvedBeforeOpened(disputeID: String, opened: Day, resolved: Day)
    /// Write-offs of a document adding up to more than its amount (formatted with the currency).
    case writeOffExceedsAmount(documentID: String, amount: String, writtenOff: String)
    /// Payment rows consuming a credit note beyond its amount (the note netted twice).
    case creditNoteOverconsumed(documentID: String, amount: String, consumed: String)

    /// A stable short code for reject files and reports.
    public var code: String {
        switch self {
        case .duplicateID: "duplicate_id"
        case .unknownEntity: "unknown_entity"
        case .unknownCustomer: "unknown_customer"
        case .unknownDocument: "unknown_invoice"
        case .currencyMismatch: "currency_mismatch"
        case .missingDueDate: "missing_field"
        case .noRate: "no_fx_rate"
        case .nonPositiveAmount, .amountOutOfRange: "bad_amount"
        case .resolvedBeforeOpened: "resolved_before_opened"
        case .writeOffExceedsAmount: "write_off_exceeds_amount"
        case .creditNoteOverconsumed: "credit_note_overconsumed"
        }
    }

    public var description: String {
        switch self {
        case let .duplicateID(table, id): "duplicate \(table) id \(quoted(id))"
        case let .unknownEntity(id): "unknown entity \(quoted(id)): add it to entities"
        case let .unknownCustomer(id): "unknown customer \(quoted(id)): add it to customers"
        case let .unknownDocument(id): "unknown invoice \(quoted(id)): no invoice or credit note has that id"
        case let .currencyMismatch(doc, expected, found):
            "currency \(quoted(found)) differs from invoice \(quoted(doc)) in \(quoted(expected))"
        case let .missingDueDate(doc): "invoice \(quoted(doc)) has no due_date"
        case let .noRate(currency, day): "no \(quoted(currency)) rate on or before \(day.iso): add one to fx_rates"
        case let .nonPositiveAmount(amount): "amount \(amount) (minor units) is not positive"
        case let .amountOutOfRange(amount):
            "amount \(amount) (minor units) is out of range: amounts are limited to ±\(MinorUnits.maximumMagnitude) minor units"
        case let .resolvedBeforeOpened(id, opened, resolved):
            "dispute \(quoted(id)) is resolved on \(resolved.iso), before it opened on \(opened.iso): check the two dates"
        case let .writeOffExceedsAmount(doc, amount, writtenOff):
            "write-offs of \(quoted(doc)) would reach \(writtenOff), more than its amount \(amount)"
        case let .creditNoteOverconsumed(doc, amount, consumed):
            "credit note \(quoted(doc)) of \(amount) would be consumed \(consumed): a note is netted once, up to its amount"
        }
    }
}

/// An id or code from the source in single quotes, escaped and cut (ids can be anything a file holds).
func quoted(_ text: String) -> String {
    "'" + DisplayText.excerpt(text) + "'"
}
