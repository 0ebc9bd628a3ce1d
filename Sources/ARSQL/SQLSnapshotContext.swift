import ARCore
import ARStore

/// What the compiled SQL cannot easily discover on its own: the default as-of date, the reporting
/// currency, the minor digits of each currency, and which optional columns the tables have.
public struct SQLSnapshotContext: Sendable, Equatable {
    /// The as-of date used when a query names none (the snapshot's `as_of`).
    public var asOf: Day
    /// The currency the `fx_rates` table converts to.
    public var reportingCurrency: Currency
    /// Every currency the tables use, with its minor digits.
    public var currencies: [Currency]
    /// Column names of each interchange table present (`invoices` → `[invoice_id, …]`).
    /// A table missing here is treated as having every column of interchange.md; an optional
    /// column missing from a listed table reads as empty.
    public var columns: [String: [String]]
    /// The rows the query may read (``Perimeter``); the SQL reads the tables through it.
    public var perimeter: Perimeter

    public init(asOf: Day, reportingCurrency: Currency, currencies: [Currency], columns: [String: [String]] = [:],
                perimeter: Perimeter = .everything) {
        self.asOf = asOf
        self.reportingCurrency = reportingCurrency
        self.currencies = currencies
        self.columns = columns
        self.perimeter = perimeter
    }

    /// Whether `table` has `column` (assumed so when the table's columns are not listed).
    public func has(_ table: String, _ column: String) -> Bool {
        guard let names = columns[table] else { return SQLSnapshotContext.standardColumns[table]?.contains(column) ?? false }
        return names.contains(column)
    }

    /// The columns of `table` beyond the interchange layout (extra attributes).
    public func extraColumns(of table: String) -> [String] {
        let standard = SQLSnapshotContext.standardColumns[table] ?? []
        return (columns[table] ?? []).filter { !standard.contains($0) }
    }

    /// The columns interchange.md names, per table.
    public static let standardColumns: [String: [String]] = [
        "entities": ["entity_id", "name", "currency", "country"],
        "customers": ["customer_id", "name", "customer_group", "segment", "region", "country", "sales_rep",
                      "payment_terms_days", "credit_limit", "insured_limit"],
        "invoices": ["invoice_id", "entity_id", "customer_id", "type", "issue_date", "due_date", "amount", "currency"],
        "payments": ["payment_id", "customer_id", "invoice_id", "entity_id", "payment_date", "amount", "currency"],
        "disputes": ["dispute_id", "invoice_id", "opened_date", "resolved_date", "amount", "reason"],
        "promises": ["promise_id", "customer_id", "invoice_id", "made_date", "promised_date", "amount", "currency"],
        "write_offs": ["invoice_id", "write_off_date", "amount", "reason"],
        "fx_rates": ["date", "currency", "rate"],
        "snapshot": ["as_of", "reporting_currency", "source"],
        "dunning": ["action_id", "customer_id", "invoice_id", "action_date", "level", "channel"],
    ]
}
