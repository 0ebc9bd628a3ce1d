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
        case .nonPositiveAmount: "bad_amount"
        }
    }

    public var description: String {
        switch self {
        case let .duplicateID(table, id): "duplicate \(table) id '\(id)'"
        case let .unknownEntity(id): "unknown entity '\(id)': add it to entities"
        case let .unknownCustomer(id): "unknown customer '\(id)': add it to customers"
        case let .unknownDocument(id): "unknown invoice '\(id)': no invoice or credit note has that id"
        case let .currencyMismatch(doc, expected, found):
            "currency '\(found)' differs from invoice '\(doc)' in '\(expected)'"
        case let .missingDueDate(doc): "invoice '\(doc)' has no due_date"
        case let .noRate(currency, day): "no '\(currency)' rate on or before \(day.iso): add one to fx_rates"
        case let .nonPositiveAmount(amount): "amount \(amount) (minor units) is not positive"
        }
    }
}
