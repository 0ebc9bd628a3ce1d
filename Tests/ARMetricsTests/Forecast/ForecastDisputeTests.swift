import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Dispute delay: mean resolved − opened of same-reason disputes resolved in (d − 365, d], else
/// all reasons, else 0, rounded half up; the longest of an item's open disputes.
struct ForecastDisputeTests {
    /// As of 2026-06-03, no payment history (delay 0), every open item due 2026-06-01 (so
    /// expected on d before the dispute delay). Resolved in the window (on D6): price 10 and 15
    /// days (12.5 → 13), quality 40; all reasons (10 + 15 + 40) / 3 = 21.7 → 22. A price dispute
    /// resolved on d − 365 (153 days) is outside the window.
    func ledger() throws -> MetricEngine {
        var f = try LedgerFixture()
        for id in ["D1", "D2", "D3", "D4", "D5", "D6"] {
            try f.invoice(id, issue: "2024-12-01", due: "2026-06-01", amount: 1_000)
        }
        try f.dispute("R1", "D6", opened: "2026-01-01", resolved: "2026-01-11", reason: "price")
        try f.dispute("R2", "D6", opened: "2026-02-01", resolved: "2026-02-16", reason: "price")
        try f.dispute("R3", "D6", opened: "2026-03-01", resolved: "2026-04-10", reason: "quality")
        try f.dispute("R4", "D6", opened: "2025-01-01", resolved: "2025-06-03", reason: "price")
        try f.dispute("O1", "D1", opened: "2026-05-01", reason: "price")
        try f.dispute("O2", "D2", opened: "2026-05-01", reason: "delivery")
        try f.dispute("O3a", "D3", opened: "2026-05-01", reason: "price")
        try f.dispute("O3b", "D3", opened: "2026-05-02", amount: 10, reason: "quality")
        try f.dispute("O4", "D4", opened: "2026-05-01")
        try f.dispute("O5", "D5", opened: "2026-05-01", reason: "price")
        try f.promise("P5", document: "D5", made: "2026-06-01", promised: "2026-06-20", amount: 1_000)
        return f.engine(asOf: "2026-06-03")
    }

    @Test func sameReasonThenAllReasonsLongestWins() throws {
        #expect(try ledger().predicted(["D1", "D2", "D3", "D4", "D5", "D6"], at: "2026-06-03") == [
            "2026-06-16", // price: 13
            "2026-06-25", // delivery never resolved: all reasons, 22
            "2026-07-13", // price and quality open: the longer, 40
            "2026-06-25", // no reason: all reasons, 22
            "2026-06-20", // promise rules come first
            "2026-06-03", // its disputes are resolved
        ])
    }

    /// The `dispute` part holds the whole open amount of every item in open dispute (D3's
    /// quality dispute is for 0.10 only; D5 is promised but still disputed); D6, whose disputes
    /// are resolved, borrows the ledger's delay (no history) and is expected on d, in week 1.
    @Test func disputePartHoldsWholeOpenAmount() throws {
        let table = try ledger().forecast(ForecastQuery(granularity: .weekly, periods: 2, asOf: d("2026-06-03")))
        #expect(table.rows.count == 1)
        #expect(table.rows[0].periods == [ForecastAmounts(noHistory: 1_000), ForecastAmounts()])
        #expect(table.rows[0].later == ForecastAmounts(dispute: 5_000))
        #expect(table.rows[0].total == 6_000)
    }

    @Test func noResolvedDisputeMeansNoDelay() throws {
        var f = try LedgerFixture()
        try f.invoice("D1", issue: "2026-05-01", due: "2026-06-01", amount: 1_000)
        try f.dispute("O1", "D1", opened: "2026-05-01", reason: "price")
        #expect(try f.engine(asOf: "2026-06-03").predicted(["D1"], at: "2026-06-03") == ["2026-06-03"])
    }
}
