import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Sales, DSO (standard and count-back), best possible DSO, ADD and CEI.
struct DSOTests {
    /// At 2026-05-31: AR 300,000 EUR; monthly sales 100,000 (May), 80,000 (April), 150,000 (March).
    func countBackLedger() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.invoice("M3", issue: "2026-03-15", due: "2026-04-14", amount: 15_000_000)
        try f.pay("P3", to: "M3", on: "2026-04-15", amount: 3_000_000)
        try f.invoice("M4", issue: "2026-04-15", due: "2026-05-15", amount: 8_000_000)
        try f.invoice("M5", issue: "2026-05-15", due: "2026-06-14", amount: 10_000_000)
        return f.engine(asOf: "2026-05-31")
    }

    @Test func countBackWorkedExample() throws {
        let e = try countBackLedger()
        #expect(try e.value(.ar, at: "2026-05-31") == .money(30_000_000))
        // 31 (May) + 30 (April) + 120/150 × 31 (March) = 85.8.
        let dso = try e.value(MetricRequest(.dso, dsoMethod: .countback), at: "2026-05-31")
        #expect(close(dso.days, 85.8))
    }

    @Test func standardDSOBestPossibleAndADD() throws {
        let e = try countBackLedger()
        // Sales over (2026-03-02, 2026-05-31] = 330,000; current AR 100,000.
        #expect(try e.value(MetricRequest(.sales, period: .days(90)), at: "2026-05-31") == .money(33_000_000))
        #expect(try e.value(.sales, at: "2026-05-31") == .money(10_000_000))
        #expect(close(try e.value(.dso, at: "2026-05-31").days, 300.0 / 330.0 * 90))
        #expect(close(try e.value(.bpdso, at: "2026-05-31").days, 100.0 / 330.0 * 90))
        #expect(close(try e.value(.add, at: "2026-05-31").days, 200.0 / 330.0 * 90))
        #expect(close(try e.value(MetricRequest(.dso, period: .months(2)), at: "2026-05-31").days, 300.0 / 180.0 * 61))
    }

    @Test func countBackStopsAtANonPositiveMonth() throws {
        var f = try LedgerFixture()
        try f.invoice("N0", issue: "2026-01-10", due: "2026-02-09", amount: 5_000_000)
        try f.creditNote("N2", issue: "2026-04-10", amount: 1_000_000)
        try f.invoice("N1", issue: "2026-05-10", due: "2026-06-09", amount: 15_000_000)
        let e = f.engine(asOf: "2026-05-31")
        // r = 190,000: May takes 150,000 (31 days); April's net sales are −10,000: stop.
        #expect(close(try e.value(MetricRequest(.dso, dsoMethod: .countback), at: "2026-05-31").days, 31))
    }

    @Test func countBackStopsAfter24Months() throws {
        var f = try LedgerFixture()
        try f.invoice("OLD", issue: "2024-01-10", due: "2024-02-09", amount: 100_000)
        var month = d("2024-06-15")
        for k in 0..<24 {
            try f.invoice("S\(k)", issue: month.iso, due: month.adding(days: 30).iso, amount: 1_000)
            month = month.adding(months: 1)
        }
        let e = f.engine(asOf: "2026-05-31")
        // (2024-05-31, 2026-05-31] is 730 days.
        #expect(close(try e.value(MetricRequest(.dso, dsoMethod: .countback), at: "2026-05-31").days, 730))
    }

    @Test func zeroSalesGiveMissingRatios() throws {
        var f = try LedgerFixture()
        try f.invoice("Z1", issue: "2025-01-10", due: "2025-02-09", amount: 1_000)
        let e = f.engine(asOf: "2026-05-31")
        #expect(try e.value(.dso, at: "2026-05-31") == .missing)
        #expect(try e.value(.badDebtRate, at: "2026-05-31") == .missing)
        #expect(close(try e.value(MetricRequest(.dso, dsoMethod: .countback), at: "2026-05-31").days, 0))
    }

    /// AR(2026-02-28) 130,000; sales in March 50,000; AR(2026-03-31) 120,000 of which 50,000 current.
    func ceiLedger() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.invoice("A0", issue: "2025-12-01", due: "2025-12-31", amount: 3_000_000)
        try f.invoice("A1", issue: "2026-01-15", due: "2026-02-14", amount: 10_000_000)
        try f.pay("P1", to: "A1", on: "2026-03-20", amount: 6_000_000)
        try f.invoice("A2", issue: "2026-03-10", due: "2026-04-09", amount: 5_000_000)
        return f.engine(asOf: "2026-03-31")
    }

    @Test func ceiCreditResearchFoundationForm() throws {
        let e = try ceiLedger()
        // (130 + 50 − 120) / (130 + 50 − 50) × 100.
        #expect(close(try e.value(.cei, at: "2026-03-31").percent, 60.0 / 130.0 * 100))
        // Three months: AR(2025-12-31) 30,000, sales 150,000 / 3: (30 + 50 − 120) / (30 + 50 − 50) × 100.
        #expect(close(try e.value(MetricRequest(.cei, period: .months(3)), at: "2026-03-31").percent, -40.0 / 30.0 * 100))
        // 90 days from 2026-03-31 is 2025-12-31 and counts as 3 months of 30 days.
        #expect(close(try e.value(MetricRequest(.cei, period: .days(90)), at: "2026-03-31").percent, -40.0 / 30.0 * 100))
    }

    @Test func ceiSeriesRecomputesEachStart() throws {
        let table = try ceiLedger().run(MetricQuery(metrics: [MetricRequest(.cei)], dates: [d("2026-02-28"), d("2026-03-31")]))
        // 2026-02-28: AR(2026-01-28) 130,000, no sales, AR 130,000 all overdue: (130 − 130) / 130 = 0.
        #expect(close(table.rows[0].values[0].percent, 0))
        #expect(close(table.rows[1].values[0].percent, 60.0 / 130.0 * 100))
    }
}
