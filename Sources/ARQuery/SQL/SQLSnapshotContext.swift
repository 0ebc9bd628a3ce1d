import ARCore
import Foundation

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

    public init(asOf: Day, reportingCurrency: Currency, currencies: [Currency], columns: [String: [String]] = [:]) {
        self.asOf = asOf
        self.reportingCurrency = reportingCurrency
        self.currencies = currencies
        self.columns = columns
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

    /// Reads the context from a SQLite snapshot file: its `snapshot` row (else the latest date of
    /// the tables and EUR), the currencies its tables use, and each table's columns.
    /// - Throws: ``SQLRunError`` when the file cannot be read or names an unknown currency.
    public static func read(from sqliteFile: URL) throws -> SQLSnapshotContext {
        var columns: [String: [String]] = [:]
        for table in standardColumns.keys {
            let rows = try SQLCompiler.run("SELECT name FROM pragma_table_info('\(table)')", on: sqliteFile)
            if !rows.isEmpty { columns[table] = rows.compactMap { $0.first ?? nil } }
        }
        var reporting = Currency.eur
        var asOf: Day?
        if columns["snapshot"] != nil {
            let row = try SQLCompiler.run("SELECT as_of, reporting_currency FROM snapshot LIMIT 1", on: sqliteFile).first
            if let text = row?[0] { asOf = Day(iso: text) }
            if let code = row?[1], !code.isEmpty {
                guard let c = Currency(code: code) else { throw SQLRunError("snapshot: unknown reporting currency '\(code)'") }
                reporting = c
            }
        }
        let codes = try SQLCompiler.run(currencyQuery(columns), on: sqliteFile).compactMap { $0.first ?? nil }
        var currencies = [reporting]
        for code in codes where !code.isEmpty {
            guard let c = Currency(code: code) else { throw SQLRunError("unknown currency '\(code)': use an ISO 4217 code") }
            if !currencies.contains(c) { currencies.append(c) }
        }
        if asOf == nil {
            let latest = try SQLCompiler.run(latestDateQuery(columns), on: sqliteFile).first?.first ?? nil
            asOf = latest.flatMap { Day(iso: $0) }
        }
        return SQLSnapshotContext(asOf: asOf ?? Day(rawValue: 0), reportingCurrency: reporting,
                                  currencies: currencies, columns: columns)
    }

    private static func currencyQuery(_ columns: [String: [String]]) -> String {
        let sources = ["invoices", "payments", "fx_rates", "entities", "promises"]
            .filter { columns[$0]?.contains("currency") ?? false }
            .map { "SELECT currency FROM \($0)" }
        return sources.isEmpty ? "SELECT NULL WHERE 0" : sources.joined(separator: " UNION ")
    }

    private static func latestDateQuery(_ columns: [String: [String]]) -> String {
        let dated = [("invoices", "issue_date"), ("invoices", "due_date"), ("payments", "payment_date"),
                     ("disputes", "opened_date"), ("disputes", "resolved_date"), ("promises", "made_date"),
                     ("write_offs", "write_off_date"), ("dunning", "action_date")]
        let parts = dated.filter { columns[$0.0]?.contains($0.1) ?? false }
            .map { "SELECT max(NULLIF(\($0.1), '')) AS d FROM \($0.0)" }
        return parts.isEmpty ? "SELECT NULL" : "SELECT max(d) FROM (\(parts.joined(separator: " UNION ALL ")))"
    }
}
