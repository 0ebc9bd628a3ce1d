import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Late-payment penalties under EU, French and UK rules, rounded once per invoice.
struct PenaltyTests {
    /// At 2026-03-31: Q1 10,000.00 EUR 60 days late; Q2 not due; Q3 a credit note; Q4 500.00
    /// EUR 10 days late and disputed.
    func euroLedger() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.invoice("Q1", issue: "2025-12-31", due: "2026-01-30", amount: 1_000_000)
        try f.invoice("Q2", issue: "2026-03-15", due: "2026-04-15", amount: 100_000)
        try f.creditNote("Q3", issue: "2026-01-01", amount: 5_000)
        try f.invoice("Q4", issue: "2026-02-19", due: "2026-03-21", amount: 50_000)
        try f.dispute("DQ", "Q4", opened: "2026-03-22")
        return f.engine(asOf: "2026-03-31")
    }

    @Test func euDirective() throws {
        // Q1: 1,000,000 × 10.15 % × 60 / 365 + 4000 = 20684.93; Q4: 50,000 × 10.15 % × 10 / 365 + 4000 = 4139.04.
        #expect(try euroLedger().value(MetricRequest(.penalties), at: "2026-03-31") == .money(20_685 + 4_139))
    }

    @Test func frenchRules() throws {
        // 12.15 %: 23972.60 and 4166.44.
        #expect(try euroLedger().value(MetricRequest(.penalties, penalties: .france), at: "2026-03-31") == .money(23_973 + 4_166))
    }

    @Test func actual360() throws {
        var rules = PenaltyRules.eu
        rules.dayCountBasis = 360
        // 20916.67 and 4140.97.
        #expect(try euroLedger().value(MetricRequest(.penalties, penalties: rules), at: "2026-03-31") == .money(20_917 + 4_141))
    }

    @Test func zeroDayCountIsAnError() throws {
        var rules = PenaltyRules.eu
        rules.dayCountBasis = 0
        let error = #expect(throws: MetricError.self) { try euroLedger().value(MetricRequest(.penalties, penalties: rules), at: "2026-03-31") }
        #expect(error?.description == "penalty day count 0 is not positive: use 365 or 360")
    }

    @Test func ukTiersByOpenAmountInPounds() throws {
        var f = try LedgerFixture(reporting: LedgerFixture.gbp)
        f.rate(.eur, "2026-01-01", "0.85")
        let gbp = LedgerFixture.gbp
        try f.invoice("R1", issue: "2026-01-30", due: "2026-03-01", amount: 50_000, currency: gbp)
        try f.invoice("R2", issue: "2026-01-30", due: "2026-03-01", amount: 500_000, currency: gbp)
        try f.invoice("R3", issue: "2026-01-30", due: "2026-03-01", amount: 1_000_000, currency: gbp)
        try f.invoice("R6", issue: "2026-01-30", due: "2026-03-01", amount: 100_000, currency: gbp)
        try f.invoice("R5", issue: "2026-01-30", due: "2026-03-01", amount: 100_000, currency: .eur)
        let e = f.engine(asOf: "2026-03-31")
        // 12.25 %, 30 days: R1 503.42 + 40; R2 5034.25 + 70; R3 10068.49 + 100; R6 (exactly 1,000)
        // 1006.85 + 70; R5 is 850.00 GBP, so 855.82 + 40 (it would be 70 in euros).
        let table = try e.run(MetricQuery(metrics: [MetricRequest(.penalties, penalties: .uk)], dimensions: [.currency], dates: [d("2026-03-31")]))
        #expect(table.rows.map(\.keys) == [["EUR"], ["GBP"]])
        #expect(table.rows.map { $0.values[0] } == [.money(4_856), .money(4_503 + 12_034 + 20_068 + 8_007)])
    }

    @Test func ukRulesNeedAPoundRateOnlyWhenSomethingIsOverdue() throws {
        // A euro ledger with no GBP rate: nothing overdue at 2026-01-15 owes nothing under UK rules;
        // at 2026-03-31 Q1 is overdue, its fixed sum is in pounds, and the missing rate is an error.
        var f = try LedgerFixture()
        try f.invoice("Q1", issue: "2025-12-31", due: "2026-01-30", amount: 1_000_000)
        let e = f.engine(asOf: "2026-03-31")
        #expect(try e.value(MetricRequest(.penalties, penalties: .uk), at: "2026-01-15") == .money(0))
        let error = #expect(throws: MetricError.self) { try e.value(MetricRequest(.penalties, penalties: .uk), at: "2026-03-31") }
        #expect(error?.description.contains("GBP") == true)
    }

    @Test func fixedSumConvertedExactlyAndRoundedOnce() throws {
        var f = try LedgerFixture(reporting: .usd)
        f.rate(.eur, "2026-01-01", "1.08737")
        try f.invoice("S1", entity: "E2", issue: "2026-01-30", due: "2026-03-01", amount: 100_000, currency: .usd)
        let e = f.engine(asOf: "2026-03-31")
        // 834.2466 + 40 × 1.08737 (4349.48) = 5183.7266 → 5184 (rounding the fixed sum first gives 5183).
        #expect(try e.value(MetricRequest(.penalties), at: "2026-03-31") == .money(5_184))
    }
}
