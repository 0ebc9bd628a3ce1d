import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// A series of balances takes the one-pass sweep; it must agree with the date-by-date frames.
struct SeriesTests {
    /// A filter that keeps every item, so that the query takes the date-by-date path.
    let everything = ItemPredicate.or(.disputed, .not(.disputed))

    func engine() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.customer("C1", region: "EMEA")
        try f.customer("C2", region: "AMER")
        try f.customer("C3")
        f.rate(.usd, "2026-01-01", "0.5")
        f.rate(.usd, "2026-02-01", "0.75")
        f.rate(.usd, "2026-03-01", "0.9")
        try f.invoice("I1", issue: "2026-01-05", due: "2026-02-04", amount: 100_001)
        try f.pay("P1", to: "I1", on: "2026-02-10", amount: 50_000)
        try f.pay("P1b", to: "I1", on: "2026-03-10", amount: 50_001)
        try f.invoice("I2", "C2", entity: "E2", issue: "2026-01-20", due: "2026-01-25", amount: 3, currency: .usd)
        try f.invoice("I3", "C2", entity: "E2", issue: "2026-01-20", due: "2026-04-25", amount: 5, currency: .usd)
        try f.writeOff("I3", on: "2026-02-15", amount: 2)
        try f.creditNote("N1", "C3", issue: "2026-02-01", amount: 7_000)
        try f.pay("PN", "C3", to: "N1", on: "2026-03-15", amount: 7_000)
        try f.pay("U1", "C2", to: nil, on: "2026-01-31", amount: 1, currency: .usd)
        try f.invoice("I4", "C3", issue: "2025-11-01", due: "2025-12-01", amount: 9_999)
        return f.engine(asOf: "2026-04-30")
    }

    let dates = ["2026-01-01", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"].map(d)

    @Test func sweepMatchesDateByDate() throws {
        let e = try engine()
        let metrics = [MetricRequest(.ar), MetricRequest(.current), MetricRequest(.overdue), MetricRequest(.overdueRate),
                       MetricRequest(.count), MetricRequest(.aging), MetricRequest(.aging, aging: AgingSpec(basis: .issueDate, bounds: [45])),
                       MetricRequest(.dso), MetricRequest(.dso, dsoMethod: .countback), MetricRequest(.sales), MetricRequest(.daysToPay),
                       MetricRequest(.writeOffs), MetricRequest(.add)]
        for dimensions in [[], [Dimension.region], [.customer, .currency], [.type, .entity]] {
            let swept = try e.run(MetricQuery(metrics: metrics, dimensions: dimensions, dates: dates))
            let framed = try e.run(MetricQuery(metrics: metrics, dimensions: dimensions, filter: everything, dates: dates))
            #expect(swept == framed)
        }
    }

    @Test func sweepFiguresByHand() throws {
        let table = try engine().run(MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.count)], dates: dates))
        // 01-01: I4 9999. 01-31: + I1 100001 + I2 3×0.5 → 2 + I3 5×0.5 → 3 − U1 0.5 → 1 (half away from zero).
        // 02-28 (0.75): I1 50001, I2 2, I3 2, N1 −7000, U1 −1, I4 9999.
        // 03-31 (0.9): I1 0, I2 3, I3 3, N1 0, U1 −1, I4 9999. 04-30: the same.
        #expect(table.rows.map { $0.values[0] } == [.money(9_999), .money(110_004), .money(53_003), .money(10_004), .money(10_004)])
        #expect(table.rows.map { $0.values[1] } == [.count(1), .count(5), .count(6), .count(4), .count(4)])
    }
}
