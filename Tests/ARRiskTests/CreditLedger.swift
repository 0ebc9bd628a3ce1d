import ARCore
import ARMetrics
import ARQuery
import ARRisk
import ARStore

/// A hand-built ledger whose exposure figures are worked out by hand (EUR reporting; GBP at
/// 1.2 EUR from 2026-01-01 and 1.25 from 2026-03-01; as of 2026-03-31; nothing paid).
///
/// C1 is rated 'AA' and C4 'B' (the customers file's extra column `rating`).
///
/// | customer | group | entity | limit | insured | open |
/// |---|---|---|---|---|---|
/// | C1 | G1 | FR01 EUR | 1000.00 | 600.00 | 1200.00 EUR |
/// | C2 | G1 | UK01 GBP | 500.00 | — | 400.00 GBP |
/// | G1 | — | (none) | 2500.00 | 1000.00 | — (the group's own row) |
/// | C3 | G2 | FR01 EUR | 300.00 | — | 100.00 EUR |
/// | C4 | G2 | UK01 GBP | 200.00 | 100.00 | 250.00 GBP |
/// | C5 | — | FR01 EUR | — | — | 50.00 EUR |
enum CreditLedger {
    static let asOf = Day(iso: "2026-03-31")!
    static let gbp = Currency(code: "GBP")!

    /// - Parameters:
    ///   - asOf: the snapshot's date.
    ///   - laterInvoice: adds I6, 250.00 EUR to C3 issued 2026-03-01 (C3 then exceeds its limit).
    static func make(asOf: Day = asOf, laterInvoice: Bool = false) throws -> Ledger {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "FR01", currency: .eur))
        try b.add(EntityRecord(id: "UK01", currency: gbp))
        b.add(FXRateRecord(day: Day(iso: "2026-01-01")!, currency: gbp, rate: ExactRate("1.2")!))
        b.add(FXRateRecord(day: Day(iso: "2026-03-01")!, currency: gbp, rate: ExactRate("1.25")!))
        try b.add(CustomerRecord(id: "C1", group: "G1", region: "EMEA", creditLimit: "1000.00", insuredLimit: "600.00",
                                 extras: [(name: "rating", value: "AA")]))
        try b.add(CustomerRecord(id: "C2", group: "G1", region: "UK", creditLimit: "500.00"))
        try b.add(CustomerRecord(id: "G1", creditLimit: "2500.00", insuredLimit: "1000.00"))
        try b.add(CustomerRecord(id: "C3", group: "G2", region: "EMEA", creditLimit: "300"))
        try b.add(CustomerRecord(id: "C4", group: "G2", region: "UK", creditLimit: "200.00", insuredLimit: "100.00",
                                 extras: [(name: "rating", value: "B")]))
        try b.add(CustomerRecord(id: "C5", region: "EMEA"))
        let invoices: [(String, String, String, Int64, Currency)] = [
            ("I1", "FR01", "C1", 1200_00, .eur), ("I2", "UK01", "C2", 400_00, gbp), ("I3", "FR01", "C3", 100_00, .eur),
            ("I4", "UK01", "C4", 250_00, gbp), ("I5", "FR01", "C5", 50_00, .eur),
        ] + (laterInvoice ? [("I6", "FR01", "C3", 250_00, .eur)] : [])
        for (id, entity, customer, amount, currency) in invoices {
            let issue = Day(iso: id == "I6" ? "2026-03-01" : "2026-01-15")!
            _ = try b.add(DocumentRecord(id: id, entityID: entity, customerID: customer, issue: issue,
                                         due: issue.adding(days: 30), amount: amount, currency: currency))
        }
        return b.finish(asOf: asOf)
    }

    /// The metric table of the first statement of `text`.
    static func table(_ text: String, runner: QueryRunner) throws -> MetricTable {
        guard case let .table(_, _, metrics?) = try runner.run(text)[0] else { throw CreditLedgerError.noTable }
        return metrics
    }

    enum CreditLedgerError: Error { case noTable }
}
