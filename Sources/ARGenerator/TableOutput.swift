/// One table of the snapshot being written: a CSV file or an SQLite table.
protocol TableOutput: AnyObject {
    /// Appends one row; `nil` or empty fields are written empty (CSV) or NULL (SQLite).
    func write(_ fields: [String?]) throws
    /// Flushes what is buffered.
    func finish() throws
    /// Rows written so far.
    var rowCount: Int { get }
}

/// The tables of the interchange layout and their columns, in the order they are written.
enum InterchangeTable: String, CaseIterable {
    case entities, customers, invoices, payments, disputes, promises
    case writeOffs = "write_offs"
    case fxRates = "fx_rates"
    case dunning

    var columns: [String] {
        switch self {
        case .entities: ["entity_id", "name", "currency", "country"]
        case .customers:
            ["customer_id", "name", "customer_group", "segment", "region", "country", "sales_rep",
             "payment_terms_days", "credit_limit", "insured_limit"]
        case .invoices: ["invoice_id", "entity_id", "customer_id", "type", "issue_date", "due_date", "amount", "currency"]
        case .payments: ["payment_id", "customer_id", "invoice_id", "entity_id", "payment_date", "amount", "currency"]
        case .disputes: ["dispute_id", "invoice_id", "opened_date", "resolved_date", "amount", "reason"]
        case .promises: ["promise_id", "customer_id", "invoice_id", "made_date", "promised_date", "amount", "currency"]
        case .writeOffs: ["invoice_id", "write_off_date", "amount", "reason"]
        case .fxRates: ["date", "currency", "rate"]
        case .dunning: ["action_id", "customer_id", "invoice_id", "action_date", "level", "channel"]
        }
    }

    /// Columns stored as SQLite INTEGER; every other column is TEXT (amounts stay exact decimals).
    var integerColumns: Set<String> { ["payment_terms_days", "level"] }

    var fileName: String { rawValue + ".csv" }
}
