import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Bucket bounds, the first day of penalties, and promise windows at their edges.
struct BoundaryTests {
    @Test func bucketBounds() throws {
        var f = try LedgerFixture()
        let asOf = d("2026-06-30")
        let dpds = [0, 1, 30, 31, 60, 61, 90, 91, 120, 121]
        for dpd in dpds {
            let due = asOf.adding(days: -dpd)
            try f.invoice("B\(dpd)", issue: due.adding(days: -10).iso, due: due.iso, amount: 100 + Int64(dpd))
        }
        let e = f.engine(asOf: "2026-06-30")
        let items = try e.items(asOf: asOf, filter: nil, currency: nil)
        #expect(items.buckets == ["not due", "1-30", "1-30", "31-60", "31-60", "61-90", "61-90", "91-120", "91-120", "120+"])
        let aging = try e.run(MetricQuery(metrics: [MetricRequest(.aging)], dates: [asOf])).rows[0].values
        let expected: [MetricValue] = [.money(100), .money(231), .money(291), .money(351), .money(411), .money(221)]
        #expect(aging == expected)
        // Penalties start the day after the due date: the dpd-0 invoice has none.
        let penalties = try e.run(MetricQuery(metrics: [MetricRequest(.penalties)], filter: .compare(.dpd, .le, .integer(1)),
                                              dates: [asOf])).rows[0].values
        // B1: 101 × 10.15 % × 1 / 365 = 0.028 cents, plus 40.00.
        #expect(penalties == [.money(4_000)])
    }

    @Test func promiseWindowIncludesBothEnds() throws {
        var f = try LedgerFixture()
        try f.invoice("W1", issue: "2026-03-01", due: "2026-03-31", amount: 10_000)
        try f.invoice("W2", issue: "2026-03-01", due: "2026-03-31", amount: 10_000)
        try f.pay("A1", to: "W1", on: "2026-04-01", amount: 5_000)    // on made_date
        try f.pay("A2", to: "W1", on: "2026-04-10", amount: 5_000)    // on promised_date
        try f.pay("A3", to: "W2", on: "2026-03-31", amount: 5_000)    // the day before made_date
        try f.pay("A4", to: "W2", on: "2026-04-10", amount: 5_000)
        try f.promise("PW1", document: "W1", made: "2026-04-01", promised: "2026-04-10", amount: 10_000)
        try f.promise("PW2", document: "W2", made: "2026-04-01", promised: "2026-04-10", amount: 10_000)
        let e = f.engine(asOf: "2026-04-30")
        let table = try e.run(MetricQuery(metrics: [MetricRequest(.promiseKeptRate)], dimensions: [.customer], dates: [d("2026-04-30")]))
        #expect(table.rows[0].values == [.ratio(0.5)])
        // On the promised date itself the window has ended: counted, not pending.
        #expect(try e.value(.promiseKeptRate, at: "2026-04-10") == .ratio(0.5))
        #expect(try e.value(.promiseKeptRate, at: "2026-04-09") == .missing)
    }
}
