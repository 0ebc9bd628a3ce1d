import ARSQL
import ARCore
import ARMetrics
import ARQuery
import Foundation

/// The small two-entity, two-currency ledger the SQL tests compute by hand (as of 2026-03-31;
/// USD rates 0.9 from 2026-01-01, then on 2026-03-01 two rows, 0.85 then 0.8: the later wins).
///
/// Open items at 2026-03-31, EUR minor units:
///
/// | item | entity | customer | open | dpd | bucket |
/// |---|---|---|---|---|---|
/// | I1 invoice 1000.00 − P1 400.00 | FR01 | C1 | 60000 | 50 | 31-60 |
/// | I2 invoice 500.00 | FR01 | C1 | 50000 | −4 | not due |
/// | CN1 credit note 100.00 | FR01 | C1 | −10000 | 21 | 1-30 |
/// | I3 invoice 333.33 USD × 0.8 = 266.664 | US01 | C2 | 26666 | 14 | 1-30 |
/// | I5 invoice 250.00 − write-off 50.00 | FR01 | C3 | 20000 | 137 | 120+ |
/// | P3 unallocated 50.00 (C1 → FR01) | FR01 | C1 | −5000 | 11 | 1-30 |
/// | P4 unallocated 10.01 USD × 0.8 = 8.008 (C2 → US01) | US01 | C2 | −801 | 6 | 1-30 |
///
/// I4 (200.00 USD) was paid in full on 2026-03-10 and is not an open item.
enum SQLTestLedger {
    static let asOf = Day(iso: "2026-03-31")!

    static func make() throws -> SQLiteTestSnapshot {
        let s = try SQLiteTestSnapshot(extraColumns: ["customers": ["tier"], "invoices": ["project"]])
        try s.insert("snapshot", ["as_of": "2026-03-31", "reporting_currency": "EUR"])
        try s.insert("entities", ["entity_id": "FR01", "currency": "EUR", "country": "FR"])
        try s.insert("entities", ["entity_id": "US01", "currency": "USD", "country": "US"])
        try s.insert("customers", ["customer_id": "C1", "customer_group": "G1", "segment": "SMB", "region": "EMEA",
                                   "country": "FR", "tier": "gold"])
        try s.insert("customers", ["customer_id": "C2", "customer_group": "G1", "segment": "KEY", "region": "AMER", "country": "US"])
        try s.insert("customers", ["customer_id": "C3", "segment": "SMB", "region": "EMEA", "country": "FR", "tier": ""])
        try s.insert("fx_rates", ["date": "2026-01-01", "currency": "USD", "rate": "0.9"])
        try s.insert("fx_rates", ["date": "2026-03-01", "currency": "USD", "rate": "0.85"])
        try s.insert("fx_rates", ["date": "2026-03-01", "currency": "USD", "rate": "0.8"])
        try invoice(s, "I1", "FR01", "C1", "2026-01-10", "2026-02-09", "1000.00", "EUR", project: "alpha")
        try invoice(s, "I2", "FR01", "C1", "2026-03-05", "2026-04-04", "500", "EUR", project: "beta")
        try s.insert("invoices", ["invoice_id": "CN1", "entity_id": "FR01", "customer_id": "C1", "type": "credit_note",
                                  "issue_date": "2026-03-10", "due_date": "", "amount": "100.00", "currency": "EUR"])
        try invoice(s, "I3", "US01", "C2", "2026-02-15", "2026-03-17", "333.33", "USD")
        try invoice(s, "I4", "US01", "C2", "2026-01-20", "2026-02-19", "200.00", "USD")
        try invoice(s, "I5", "FR01", "C3", "2025-10-15", "2025-11-14", "250.0", "EUR")
        try payment(s, "P1", "C1", "I1", "2026-02-20", "400.00", "EUR")
        try payment(s, "P2", "C2", "I4", "2026-03-10", "200.00", "USD")
        try payment(s, "P3", "C1", "", "2026-03-20", "50.00", "EUR")
        try payment(s, "P4", "C2", "", "2026-03-25", "10.01", "USD")
        try s.insert("write_offs", ["invoice_id": "I5", "write_off_date": "2026-02-28", "amount": "50.00", "reason": "insolvency"])
        try s.insert("disputes", ["dispute_id": "D1", "invoice_id": "I1", "opened_date": "2026-03-01", "resolved_date": "",
                                  "amount": "100.00", "reason": "price"])
        try s.insert("disputes", ["dispute_id": "D2", "invoice_id": "I3", "opened_date": "2026-03-05",
                                  "resolved_date": "2026-03-15", "reason": "quality"])
        try s.insert("disputes", ["dispute_id": "D3", "invoice_id": "I5", "opened_date": "2026-03-20", "reason": "delivery"])
        try promise(s, "PR1", "C1", "I1", "2026-03-01", "2026-03-10", "100.00", nil)
        try promise(s, "PR2", "C2", "", "2026-03-01", "2026-03-12", "150.00", "USD")
        try promise(s, "PR3", "C1", "", "2026-03-15", "2026-03-30", "60.00", nil)
        try promise(s, "PR4", "C1", "", "2026-03-15", "2026-04-05", "60.00", nil)
        return s
    }

    private static func invoice(_ s: SQLiteTestSnapshot, _ id: String, _ entity: String, _ customer: String, _ issue: String,
                                _ due: String, _ amount: String, _ currency: String, project: String? = nil) throws {
        var row = ["invoice_id": id, "entity_id": entity, "customer_id": customer, "type": "invoice",
                   "issue_date": issue, "due_date": due, "amount": amount, "currency": currency]
        row["project"] = project
        try s.insert("invoices", row)
    }

    private static func payment(_ s: SQLiteTestSnapshot, _ id: String, _ customer: String, _ invoice: String, _ day: String,
                                _ amount: String, _ currency: String) throws {
        try s.insert("payments", ["payment_id": id, "customer_id": customer, "invoice_id": invoice, "payment_date": day,
                                  "amount": amount, "currency": currency])
    }

    private static func promise(_ s: SQLiteTestSnapshot, _ id: String, _ customer: String, _ invoice: String, _ made: String,
                                _ promised: String, _ amount: String, _ currency: String?) throws {
        var row = ["promise_id": id, "customer_id": customer, "invoice_id": invoice, "made_date": made,
                   "promised_date": promised, "amount": amount]
        row["currency"] = currency
        try s.insert("promises", row)
    }

    /// Compiles and runs `query` on `snapshot`.
    static func rows(_ snapshot: SQLiteTestSnapshot, _ query: MetricQuery) throws -> [[String?]] {
        let context = try SQLSnapshotContext.read(from: snapshot.url)
        let sql = try SQLCompiler.compile(query, snapshot: context)
        return try SQLCompiler.run(sql, on: snapshot.url)
    }

    /// One row of `metrics` at the as-of date, no dimensions.
    static func totals(_ metrics: [MetricRequest], filter: ItemPredicate? = nil) throws -> [String?] {
        let snapshot = try make()
        let rows = try rows(snapshot, MetricQuery(metrics: metrics, filter: filter, dates: [asOf]))
        guard rows.count == 1 else { throw TestSnapshotError("expected one row, got \(rows)") }
        return rows[0]
    }
}
