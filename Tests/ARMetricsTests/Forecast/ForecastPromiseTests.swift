import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Promise rules of the forecast, as of 2026-06-03 in ledgers without payment history (delay 0).
struct ForecastPromiseTests {
    @Test func invoicePromiseLatestMadeWinsThenLaterPromisedDate() throws {
        var f = try LedgerFixture()
        for id in ["I1", "I2", "I4", "I5"] { try f.invoice(id, issue: "2026-05-01", due: "2026-06-05", amount: 10_000) }
        try f.promise("P1", document: "I1", made: "2026-05-20", promised: "2026-06-20", amount: 10_000)
        try f.promise("P2", document: "I1", made: "2026-05-25", promised: "2026-06-15", amount: 1)
        try f.promise("P3", document: "I2", made: "2026-05-25", promised: "2026-06-15", amount: 10_000)
        try f.promise("P4", document: "I2", made: "2026-05-25", promised: "2026-06-18", amount: 10_000)
        // Promised before d: broken, ignored. Made after d: not known at d, ignored.
        try f.promise("P7", document: "I4", made: "2026-05-01", promised: "2026-06-02", amount: 10_000)
        try f.promise("P8", document: "I4", made: "2026-06-04", promised: "2026-06-30", amount: 10_000)
        try f.promise("P9", document: "I5", made: "2026-06-01", promised: "2026-06-03", amount: 10_000)
        let e = f.engine(asOf: "2026-06-30")
        #expect(try e.predicted(["I1", "I2", "I4", "I5"], at: "2026-06-03") == ["2026-06-15", "2026-06-18", "2026-06-05", "2026-06-03"])
    }

    /// Pool of C2 (due date, then id): A 100.00 (06-01), B 50.00 (06-05), C 30.00 (06-05),
    /// D 20.00 (06-10); E is covered by its own promise and stays out of the pool.
    /// X (promised 06-12, 170.00) takes A and B (150.00); C would make 180.00 > 170.00, so X
    /// stops there, although D would still fit. Y (promised 06-20, made earlier, 30.00) comes
    /// second and takes C; D (50.00 in all) does not fit, so D keeps its due date.
    @Test func accountPromisesTakeFromTheFrontAndStopAtTheFirstMisfit() throws {
        var f = try LedgerFixture()
        try f.customer("C2")
        try f.invoice("A", "C2", issue: "2026-05-01", due: "2026-06-01", amount: 10_000)
        try f.invoice("C", "C2", issue: "2026-05-01", due: "2026-06-05", amount: 3_000)
        try f.invoice("B", "C2", issue: "2026-05-01", due: "2026-06-05", amount: 5_000)
        try f.invoice("D", "C2", issue: "2026-05-01", due: "2026-06-10", amount: 2_000)
        try f.invoice("E", "C2", issue: "2026-04-01", due: "2026-05-01", amount: 9_999)
        try f.promise("PE", "C2", document: "E", made: "2026-05-30", promised: "2026-06-25", amount: 9_999)
        try f.promise("Y", "C2", made: "2026-05-01", promised: "2026-06-20", amount: 3_000)
        try f.promise("X", "C2", made: "2026-05-30", promised: "2026-06-12", amount: 17_000)
        let e = f.engine(asOf: "2026-06-03")
        #expect(try e.predicted(["A", "B", "C", "D", "E"], at: "2026-06-03")
            == ["2026-06-12", "2026-06-12", "2026-06-20", "2026-06-10", "2026-06-25"])
        // In the forecast, A, B, C and E count under `promise`; D, unpromised and without
        // history, under `no_history`. Weeks from Monday 06-01: D and A+B in week 2, C in week 3.
        let t = try e.forecast(ForecastQuery(granularity: .weekly, periods: 3, asOf: d("2026-06-03")))
        #expect(t.rows[0].periods == [ForecastAmounts(), ForecastAmounts(promise: 15_000, noHistory: 2_000),
                                      ForecastAmounts(promise: 3_000)])
        #expect(t.rows[0].later == ForecastAmounts(promise: 9_999))
    }

    /// A partly paid item counts for its open amount: A is 100.00 with 60.00 paid, so 40.00
    /// plus B 60.00 fit a 100.00 promise.
    @Test func poolUsesOpenAmounts() throws {
        var f = try LedgerFixture()
        try f.invoice("A", issue: "2026-05-01", due: "2026-06-01", amount: 10_000)
        try f.pay("PA", to: "A", on: "2026-05-20", amount: 6_000)
        try f.invoice("B", issue: "2026-05-01", due: "2026-06-02", amount: 6_000)
        try f.promise("X", made: "2026-06-01", promised: "2026-06-09", amount: 10_000)
        #expect(try f.engine(asOf: "2026-06-03").predicted(["A", "B"], at: "2026-06-03") == ["2026-06-09", "2026-06-09"])
    }

    /// C3's pool mixes EUR (M1 100.00) and USD (M2 100.00 USD = 50.00 EUR at 0.5): both are
    /// compared in EUR at d, 150.00 ≤ 150.00, so the EUR 150.00 promise covers both (in the
    /// items' own units, 200.00 would not fit).
    @Test func mixedCurrencyPoolComparesInReportingCurrency() throws {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-01-01", "0.5")
        try f.invoice("M1", "C3", issue: "2026-05-01", due: "2026-06-01", amount: 10_000)
        try f.invoice("M2", "C3", entity: "E2", issue: "2026-05-01", due: "2026-06-02", amount: 10_000, currency: .usd)
        try f.promise("Z", "C3", made: "2026-06-01", promised: "2026-06-15", amount: 15_000, currency: .eur)
        #expect(try f.engine(asOf: "2026-06-03").predicted(["M1", "M2"], at: "2026-06-03") == ["2026-06-15", "2026-06-15"])
    }

    /// Same currency throughout: a USD promise of 150.00 on two USD 100.00 items compares in
    /// USD and covers only the first.
    @Test func singleCurrencyPoolComparesInPromiseCurrency() throws {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-01-01", "0.5")
        try f.invoice("M1", "C3", entity: "E2", issue: "2026-05-01", due: "2026-06-01", amount: 10_000, currency: .usd)
        try f.invoice("M2", "C3", entity: "E2", issue: "2026-05-01", due: "2026-06-02", amount: 10_000, currency: .usd)
        try f.promise("Z", "C3", made: "2026-06-01", promised: "2026-06-15", amount: 15_000)
        #expect(try f.engine(asOf: "2026-06-03").predicted(["M1", "M2"], at: "2026-06-03") == ["2026-06-15", "2026-06-03"])
    }
}
