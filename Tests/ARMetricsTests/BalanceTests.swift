import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// AR, current, overdue, aging, counts: one hand-computed ledger at 2026-03-31.
struct BalanceTests {
    /// Open at 2026-03-31 (EUR cents): I1 65000 (dpd 59), I2 50000 (not due), I3 20000 (dpd 136),
    /// CN1 −8000 (dpd 11), P9 cash −1500 (dpd 150); I4 and CN2 are zero items; I5 is not issued yet.
    func ledger() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.customer("C1", region: "EMEA")
        try f.customer("C2", region: "AMER")
        try f.invoice("I1", issue: "2026-01-01", due: "2026-01-31", amount: 100_000)
        try f.pay("P1", to: "I1", on: "2026-02-15", amount: 30_000)
        try f.pay("P2", to: "I1", on: "2026-04-05", amount: 20_000)
        try f.writeOff("I1", on: "2026-03-10", amount: 5_000)
        try f.invoice("I2", issue: "2026-03-01", due: "2026-04-30", amount: 50_000)
        try f.invoice("I3", "C2", issue: "2025-10-01", due: "2025-11-15", amount: 20_000)
        try f.invoice("I4", "C2", issue: "2026-01-01", due: "2026-01-31", amount: 30_000)
        try f.pay("P3", "C2", to: "I4", on: "2026-02-10", amount: 30_000)
        try f.invoice("I5", issue: "2026-04-10", due: "2026-05-10", amount: 10_000)
        try f.creditNote("CN1", issue: "2026-03-20", amount: 8_000)
        try f.creditNote("CN2", "C2", issue: "2026-02-01", amount: 4_000)
        try f.pay("P4", "C2", to: "CN2", on: "2026-02-20", amount: 4_000)
        try f.pay("P9", "C2", to: nil, on: "2025-11-01", amount: 1_500)
        return f.engine(asOf: "2026-04-30")
    }

    @Test func balancesAtOneDate() throws {
        let e = try ledger()
        #expect(try e.value(.ar, at: "2026-03-31") == .money(125_500))
        #expect(try e.value(.current, at: "2026-03-31") == .money(50_000))
        #expect(try e.value(.overdue, at: "2026-03-31") == .money(75_500))
        #expect(close(try e.value(.overdueRate, at: "2026-03-31").ratio, 75_500.0 / 125_500.0))
        #expect(try e.value(.count, at: "2026-03-31") == .count(5))
        #expect(try e.value(.customers, at: "2026-03-31") == .count(2))
    }

    @Test func agingByDueDateHasNegativeBuckets() throws {
        let table = try ledger().run(MetricQuery(metrics: [MetricRequest(.aging)], dates: [d("2026-03-31")]))
        #expect(table.columns.map(\.name) == ["not due", "1-30", "31-60", "61-90", "91-120", "120+"])
        #expect(table.rows[0].values == [.money(50_000), .money(-8_000), .money(65_000), .money(0), .money(0), .money(18_500)])
    }

    @Test func agingByIssueDateAndCustomBounds() throws {
        let e = try ledger()
        let byIssue = try e.run(MetricQuery(metrics: [MetricRequest(.aging, aging: AgingSpec(basis: .issueDate))], dates: [d("2026-03-31")]))
        #expect(byIssue.columns.map(\.name) == ["0-30", "31-60", "61-90", "91-120", "120+"])
        #expect(byIssue.rows[0].values == [.money(42_000), .money(0), .money(65_000), .money(0), .money(18_500)])
        let custom = try e.run(MetricQuery(metrics: [MetricRequest(.aging, aging: AgingSpec(bounds: [60]))], dates: [d("2026-03-31")]))
        #expect(custom.columns.map(\.name) == ["not due", "1-60", "60+"])
        #expect(custom.rows[0].values == [.money(50_000), .money(57_000), .money(18_500)])
    }

    @Test func breakdownsAddUpToTheTotal() throws {
        let e = try ledger()
        let byCustomer = try e.byDimension(.ar, .customer, at: "2026-03-31")
        #expect(byCustomer.map(\.0) == ["C1", "C2"])
        #expect(byCustomer.map(\.1) == [.money(107_000), .money(18_500)])
        let byType = try e.byDimension(.ar, .type, at: "2026-03-31")
        #expect(byType.map(\.0) == ["credit_note", "invoice", "unallocated"])
        #expect(byType.map(\.1) == [.money(-8_000), .money(135_000), .money(-1_500)])
        let byBucket = try e.byDimension(.ar, .bucket, at: "2026-03-31")
        #expect(byBucket.map(\.0) == ["not due", "1-30", "31-60", "120+"])
        let byMonth = try e.byDimension(.ar, .issueMonth, at: "2026-03-31")
        #expect(byMonth.map(\.0) == ["2025-10", "2025-11", "2026-01", "2026-03"])
        #expect(byMonth.map(\.1) == [.money(20_000), .money(-1_500), .money(65_000), .money(42_000)])
    }

    @Test func seriesRecomputesEveryDate() throws {
        let table = try ledger().run(MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.count)],
                                                 dates: [d("2026-02-28"), d("2026-03-31"), d("2026-04-30")]))
        #expect(table.isSeries)
        #expect(table.rows.map(\.date) == [d("2026-02-28"), d("2026-03-31"), d("2026-04-30")])
        #expect(table.rows.map { $0.values[0] } == [.money(88_500), .money(125_500), .money(115_500)])
        #expect(table.rows.map { $0.values[1] } == [.count(3), .count(5), .count(6)])
    }

    @Test func seriesByDimensionSortsByKeyThenDate() throws {
        let table = try ledger().run(MetricQuery(metrics: [MetricRequest(.ar)], dimensions: [.region],
                                                 dates: [d("2026-02-28"), d("2026-03-31")]))
        #expect(table.rows.map(\.keys) == [["AMER"], ["AMER"], ["EMEA"], ["EMEA"]])
        #expect(table.rows.map { $0.values[0] } == [.money(18_500), .money(18_500), .money(70_000), .money(107_000)])
    }

    @Test func dateAfterAsOfIsAnError() throws {
        #expect(throws: MetricError.self) { try ledger().value(.ar, at: "2026-05-01") }
        do {
            _ = try ledger().value(.ar, at: "2026-05-01")
        } catch let error as MetricError {
            #expect(error.description == "date 2026-05-01 is after the snapshot's as_of 2026-04-30: ask for a date on or before it")
        }
    }

    @Test func filterSelectsItemsAtTheAsOfDate() throws {
        let e = try ledger()
        let overdue30 = ItemPredicate.compare(.dpd, .gt, .integer(30))
        #expect(try e.value(MetricRequest(.ar), at: "2026-03-31", filter: overdue30) == .money(83_500))
        let emea = ItemPredicate.and(.compare(.dimension(.region), .eq, .string("EMEA")), .not(.compare(.open, .lt, .integer(0))))
        #expect(try e.value(MetricRequest(.ar), at: "2026-03-31", filter: emea) == .money(115_000))
        let ids = ItemPredicate.isIn(.id, [.string("I3"), .string("P9")])
        #expect(try e.value(MetricRequest(.count), at: "2026-03-31", filter: ids) == .count(2))
    }

    @Test func itemsListsOpenItemsOnly() throws {
        let items = try ledger().items(asOf: d("2026-03-31"), filter: nil, currency: nil)
        #expect(items.ids == ["I1", "I2", "I3", "CN1", "P9"])
        #expect(items.open == [65_000, 50_000, 20_000, -8_000, -1_500])
        #expect(items.amounts == [100_000, 50_000, 20_000, -8_000, -1_500])
        #expect(items.buckets == ["31-60", "not due", "120+", "1-30", "120+"])
        #expect(items.daysPastDue == [59, -30, 136, 11, 150])
        #expect(items.types == ["invoice", "invoice", "invoice", "credit_note", "unallocated"])
        #expect(items[4].entity == "E1")
        #expect(items.selecting([2, 0]).ids == ["I3", "I1"])
    }
}
