import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Bucketing and lines of the forecast table, as of Wednesday 2026-06-03 (week 1 runs from
/// Monday 06-01 to Sunday 06-07).
struct ForecastTableTests {
    /// Delay 0 everywhere (H paid on its due date). C1: W1 10.00 overdue (→ d), W2 20.00 due
    /// Sunday 06-07, W3 40.00 due Monday 06-08, W4 80.00 due 06-15 (disputed), W6 100.00 with
    /// 25.00 paid due 06-14, a credit note and cash on account (not forecast), W5 issued after d.
    /// H: W7 16.00 due 06-20 (H has history). C2: W8 32.00 due 07-01.
    func ledger() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.customer("C1", region: "North")
        try f.customer("C2", region: "South")
        try f.customer("H", region: "North")
        try f.invoice("HP", "H", issue: "2026-01-01", due: "2026-01-31", amount: 500)
        try f.pay("PHP", "H", to: "HP", on: "2026-01-31", amount: 500)
        try f.invoice("W1", issue: "2026-04-01", due: "2026-05-20", amount: 1_000)
        try f.invoice("W2", issue: "2026-05-01", due: "2026-06-07", amount: 2_000)
        try f.invoice("W3", issue: "2026-05-01", due: "2026-06-08", amount: 4_000)
        try f.invoice("W4", issue: "2026-05-01", due: "2026-06-15", amount: 8_000)
        try f.dispute("X4", "W4", opened: "2026-05-20", reason: "price")
        try f.invoice("W5", issue: "2026-06-10", due: "2026-06-12", amount: 64_000)
        try f.invoice("W6", issue: "2026-05-01", due: "2026-06-14", amount: 10_000)
        try f.pay("P6", to: "W6", on: "2026-05-15", amount: 2_500)
        try f.creditNote("CN", issue: "2026-05-10", amount: 500)
        try f.pay("U", to: nil, on: "2026-05-11", amount: 300)
        try f.invoice("W7", "H", issue: "2026-05-01", due: "2026-06-20", amount: 1_600)
        try f.invoice("W8", "C2", issue: "2026-05-01", due: "2026-07-01", amount: 3_200)
        return f.engine(asOf: "2026-06-30")
    }

    @Test func mondayWeeksWeekOneContainsAsOfThenLater() throws {
        let t = try ledger().forecast(ForecastQuery(granularity: .weekly, periods: 2, asOf: d("2026-06-03")))
        #expect(t.periodStarts == [d("2026-06-01"), d("2026-06-08")])
        #expect(t.laterStart == d("2026-06-15"))
        #expect(t.periodLabels == ["2026-06-01", "2026-06-08"])
        #expect(t.rows.count == 1)
        let row = t.rows[0]
        #expect(row.periods.map(\.total) == [3_000, 11_500])
        #expect(row.later.total == 12_800)
        #expect(row.total == 27_300)
    }

    /// Each item counts under one rule: W4 is disputed (C1 has no history either), W7's
    /// customer H has its own history, the rest of C1 and C2 borrow the ledger's delay.
    @Test func rulePartsSplitEachPeriodAndAddUp() throws {
        let row = try ledger().forecast(ForecastQuery(granularity: .weekly, periods: 2, asOf: d("2026-06-03"))).rows[0]
        #expect(row.periods == [ForecastAmounts(noHistory: 3_000), ForecastAmounts(noHistory: 11_500)])
        #expect(row.later == ForecastAmounts(behaviour: 1_600, dispute: 8_000, noHistory: 3_200))
        #expect(row.parts == ForecastAmounts(behaviour: 1_600, dispute: 8_000, noHistory: 17_700))
        #expect(row.parts.total == row.total)
    }

    @Test func negativeItemsAreNotForecast() throws {
        let e = try ledger()
        #expect(try e.predicted(["CN", "W5", "HP", "W1"], at: "2026-06-03") == ["-", "-", "-", "2026-06-03"])
    }

    @Test func monthsStartOnTheFirst() throws {
        let t = try ledger().forecast(ForecastQuery(granularity: .monthly, periods: 1, asOf: d("2026-06-03")))
        #expect(t.periodStarts == [d("2026-06-01")])
        #expect(t.periodLabels == ["2026-06"])
        #expect(t.rows[0].periods.map(\.total) == [24_100])
        #expect(t.rows[0].later.total == 3_200)
    }

    @Test func groupsAddUpAndFilterOnlyChoosesItems() throws {
        let e = try ledger()
        let t = try e.forecast(ForecastQuery(granularity: .weekly, periods: 2, dimensions: [.customer], asOf: d("2026-06-03")))
        #expect(t.rows.map(\.keys) == [["C1"], ["C2"], ["H"]])
        #expect(t.rows.map { $0.periods.map(\.total) } == [[3_000, 11_500], [0, 0], [0, 0]])
        #expect(t.rows.map(\.later.total) == [8_000, 3_200, 1_600])
        #expect(t.rows.map(\.parts.noHistory) == [14_500, 3_200, 0])
        let north = try e.forecast(ForecastQuery(granularity: .weekly, periods: 2, dimensions: [.region],
                                                 filter: .compare(.dimension(.region), .eq, .string("North")), asOf: d("2026-06-03")))
        #expect(north.rows.map(\.keys) == [["North"]])
        #expect(north.rows[0].total == 22_500 + 1_600)
        #expect(north.rendered == """
            week        region  promise  behaviour  dispute  no_history   total
            2026-06-01  North      0.00       0.00     0.00       30.00   30.00
            2026-06-08  North      0.00       0.00     0.00      115.00  115.00
            later       North      0.00      16.00    80.00        0.00   96.00
            """)
    }

    @Test func otherCurrencyConvertsEachItemAtTheAsOfRate() throws {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-06-01", "0.3")
        for k in 1...3 { try f.invoice("E\(k)", issue: "2026-05-01", due: "2026-06-01", amount: 1) }
        let t = try f.engine(asOf: "2026-06-03").forecast(ForecastQuery(periods: 1, asOf: d("2026-06-03"), currency: .usd))
        // Each 0.01 EUR is 0.0333 USD → 0.03; the sum is 0.09 (converting 0.03 EUR at once would give 0.10).
        #expect(t.currency == .usd)
        #expect(t.rows[0].periods.map(\.total) == [9])
    }

    @Test func rejectsZeroPeriodsAndDatesAfterAsOf() throws {
        let e = try ledger()
        #expect(throws: MetricError.self) { try e.forecast(ForecastQuery(periods: 0, asOf: d("2026-06-03"))) }
        #expect(throws: MetricError.self) { try e.forecast(ForecastQuery(periods: 4, asOf: d("2026-07-01"))) }
    }
}
