import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Amounts near the 64-bit limits (issue 16, item 1): every query gives a figure or a clear
/// `overflow` error, never a trap (a trap would end the test process).
struct OverflowTests {
    static let overflow = "does not fit in 64-bit minor units (about ±9.2 × 10^18): the ledger holds amounts too large to add up; "
        + "check its largest amounts ('arlens inspect') or narrow the query"

    /// Two invoices of 50,000,000,000,000,000.00 EUR (5 × 10^18 cents each: each fits, their sum does not).
    static func twoHugeInvoices() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.customer("C1", region: "EMEA")
        try f.customer("C2", region: "AMER")
        f.rate(.usd, "2026-01-01", "0.8")
        try f.invoice("H1", "C1", issue: "2026-01-10", due: "2026-02-09", amount: 5_000_000_000_000_000_000)
        try f.invoice("H2", "C2", issue: "2026-01-20", due: "2026-03-20", amount: 5_000_000_000_000_000_000)
        try f.invoice("S1", "C2", issue: "2026-02-01", due: "2026-03-03", amount: 12_345)
        try f.pay("P1", "C2", to: "S1", on: "2026-02-15", amount: 12_345)
        try f.promise("R1", "C1", document: "H1", made: "2026-02-10", promised: "2026-04-15", amount: 1_000)
        return f.engine(asOf: "2026-03-31")
    }

    static let everyMetric: [MetricRequest] = MetricKind.allCases.map { MetricRequest($0) }

    @Test func sumsBeyond64BitsAreAClearError() throws {
        let e = try Self.twoHugeInvoices()
        for kind in [MetricKind.ar, .current, .overdue, .overdueRate, .sales, .dso, .cei] {
            let request = MetricRequest(kind, period: .months(3))
            let error = #expect(throws: MetricError.self, "\(kind)") { try e.value(request, at: "2026-03-31") }
            #expect(error?.code == "overflow")
            #expect(error?.message.hasSuffix(Self.overflow) == true, "\(error?.message ?? "")")
        }
        // Each customer's own figures fit.
        let byCustomer = try e.byDimension(.ar, .customer, at: "2026-03-31")
        #expect(byCustomer.map(\.1) == [.money(5_000_000_000_000_000_000), .money(5_000_000_000_000_000_000)])
        #expect(try e.value(MetricRequest(.ar), at: "2026-03-31", filter: .compare(.dimension(.region), .eq, .string("EMEA")))
            == .money(5_000_000_000_000_000_000))
    }

    /// Every metric, by every kind of path (one date, the sweep, date by date), with and without
    /// groups, the forecast, items and a backtest: a figure or `overflow`.
    @Test func noPathTraps() throws {
        let e = try Self.twoHugeInvoices()
        let months = ["2026-01-31", "2026-02-28", "2026-03-31"].map(d)
        var outcomes: [String: String] = [:]
        func attempt(_ label: String, _ body: () throws -> Void) {
            do {
                try body()
                outcomes[label] = "ok"
            } catch let error as MetricError {
                #expect(error.code == "overflow", "\(label): \(error)")
                outcomes[label] = error.code
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
        for metric in Self.everyMetric {
            for dimensions in [[], [Dimension.customer]] {
                attempt("\(metric.kind) by \(dimensions)") { _ = try e.run(MetricQuery(metrics: [metric], dimensions: dimensions, dates: [d("2026-03-31")])) }
                attempt("\(metric.kind) series by \(dimensions)") { _ = try e.run(MetricQuery(metrics: [metric], dimensions: dimensions, dates: months)) }
                attempt("\(metric.kind) filtered series by \(dimensions)") {
                    _ = try e.run(MetricQuery(metrics: [metric], dimensions: dimensions, filter: .compare(.dpd, .gt, .integer(-400)), dates: months))
                }
            }
        }
        attempt("forecast") { _ = try e.forecast(ForecastQuery(asOf: d("2026-03-31"))) }
        attempt("forecast by customer") { _ = try e.forecast(ForecastQuery(dimensions: [.customer], asOf: d("2026-03-31"))) }
        attempt("items") {
            let items = try e.items(asOf: d("2026-03-31"), filter: nil, currency: .usd,
                                    order: [ItemSortKey(field: .open, descending: true)], limit: 2, predictingPayDates: true)
            #expect(items.ids == ["H1", "H2"])
        }
        attempt("backtest") { _ = try Backtest.run(ledger: e.ledger, cutOff: d("2026-02-28"), weeks: 4) }
        #expect(outcomes["ar by []"] == "overflow")
        #expect(outcomes["ar series by []"] == "overflow")
        #expect(outcomes["ar filtered series by []"] == "overflow")
        #expect(outcomes["ar by [customer]"] == "ok")
        // The long forecast shows each period's total, never a sum over periods: H1 and H2 fall in
        // different periods, so every figure it shows fits.
        #expect(outcomes["forecast"] == "ok")
        #expect(outcomes["forecast by customer"] == "ok")
        #expect(outcomes["items"] == "ok")
    }

    /// 92,233,720,368,547,758.07 EUR (Int64.max cents) beside ordinary items: the total does not
    /// fit, the item alone does, and converting it to a currency with more units per euro does not.
    @Test func largestAmountBesideOthers() throws {
        var f = try LedgerFixture()
        try f.invoice("N1", issue: "2026-01-05", amount: 10_000)
        try f.invoice("MAX", "C2", issue: "2026-01-10", amount: Int64.max)
        f.rate(.usd, "2026-01-01", "0.8")
        let e = f.engine(asOf: "2026-03-31")
        let error = #expect(throws: MetricError.self) { try e.value(MetricRequest(.ar), at: "2026-03-31") }
        #expect(error?.code == "overflow")
        #expect(try e.value(MetricRequest(.ar), at: "2026-03-31", filter: .compare(.id, .eq, .string("MAX"))) == .money(.max))
        let inUSD = #expect(throws: MetricError.self) {
            try e.value(MetricRequest(.ar), at: "2026-03-31", filter: .compare(.id, .eq, .string("MAX")), currency: .usd)
        }
        #expect(inUSD?.message == "a converted amount " + Self.overflow)
    }

    /// 9,223,372,036,854,775,807 JPY (no minor digits): it fits in euros, not in yen with the rest.
    @Test func largestYenAmount() throws {
        var f = try LedgerFixture()
        try f.invoice("E", issue: "2026-01-05", amount: 10_000)
        f.rate(LedgerFixture.jpy, "2026-01-01", "0.0062")
        try f.invoice("Y", "C2", issue: "2026-01-10", amount: Int64.max, currency: LedgerFixture.jpy)
        let e = f.engine(asOf: "2026-03-31")
        // 9223372036854775807 × 0.0062 × 100 cents = 5,718,490,662,849,961,000.34 → 5718490662849960999 cents (half away from zero).
        let expected = (Int128(Int64.max) * 62 + 50) / 100 + 10_000
        #expect(try e.value(MetricRequest(.ar), at: "2026-03-31") == .money(Int64(expected)))
        let error = #expect(throws: MetricError.self) { try e.value(MetricRequest(.ar), at: "2026-03-31", currency: LedgerFixture.jpy) }
        #expect(error?.code == "overflow")
    }

    /// The bound follows the output currency: euros that fit may not fit as yen.
    @Test func boundsDependOnTheTarget() throws {
        var f = try LedgerFixture()
        f.rate(LedgerFixture.jpy, "2026-01-01", "0.004")   // 1 EUR = 250 JPY: 2.5 yen per cent
        try f.invoice("A", issue: "2026-01-05", amount: 2_000_000_000_000_000_000)
        try f.invoice("Y", issue: "2026-01-05", amount: 1_000, currency: LedgerFixture.jpy)
        let ledger = f.builder.finish(asOf: d("2026-03-31"))
        let bounds = AmountBounds(ledger), yen = try #require(ledger.currencyIndex(of: "JPY"))
        #expect(bounds.openAmountsFit)
        #expect(bounds.sumsFit(to: .eur, index: ledger.currencyIndex(of: "EUR")!, currencies: ledger.currencies))
        #expect(!bounds.sumsFit(to: LedgerFixture.jpy, index: yen, currencies: ledger.currencies))
        #expect(!bounds.sumsFit(to: .usd, index: -1, currencies: ledger.currencies))   // no USD rate: checked
        let e = MetricEngine(ledger: ledger)
        #expect(try e.value(MetricRequest(.ar), at: "2026-03-31", currency: LedgerFixture.jpy) == .money(5_000_000_000_000_001_000))
    }

    /// Sums the bound cannot vouch for but that fit are exact on the checked loops.
    @Test func checkedLoopsGiveTheExactFigure() throws {
        var f = try LedgerFixture()
        try f.invoice("A", "C1", issue: "2026-01-05", amount: 3_000_000_000_000_000_000)
        try f.invoice("B", "C2", issue: "2026-01-06", amount: 3_000_000_000_000_000_000)
        let e = f.engine(asOf: "2026-03-31")
        #expect(!AmountBounds(e.ledger).sumsFit(to: .eur, index: 0, currencies: e.ledger.currencies))
        #expect(try e.value(MetricRequest(.ar), at: "2026-03-31") == .money(6_000_000_000_000_000_000))
        let series = try e.run(MetricQuery(metrics: [MetricRequest(.ar)], dates: ["2026-01-05", "2026-01-31"].map(d)))
        #expect(series.rows.map(\.values) == [[.money(3_000_000_000_000_000_000)], [.money(6_000_000_000_000_000_000)]])
    }

    /// The checked loops give the unchecked loops' figures: one huge yen invoice puts the whole
    /// ledger on the checked loops; filtered out, every figure equals the ledger's without it.
    @Test(arguments: [1, 2] as [UInt64])
    func checkedAndUncheckedLoopsAgree(seed: UInt64) throws {
        let plain = MetricEngine(ledger: try OracleTests.randomLedger(seed: seed))
        let huge = MetricEngine(ledger: try OracleTests.randomLedger(seed: seed) { f in
            try f.invoice("HUGE", "C1", issue: "2025-02-01", amount: Int64.max, currency: LedgerFixture.jpy)
        })
        #expect(AmountBounds(plain.ledger).openAmountsFit && !AmountBounds(huge.ledger).openAmountsFit)
        let notHuge = ItemPredicate.not(.compare(.id, .eq, .string("HUGE")))
        let dates = (0..<6).map { d("2025-10-31").adding(months: $0).endOfMonth }
        let metrics = [MetricRequest(.ar), MetricRequest(.overdue), MetricRequest(.aging), MetricRequest(.sales),
                       MetricRequest(.dso, dsoMethod: .countback)]
        for dimensions in [[], [Dimension.region], [.currency, .customer]] {
            for query in [MetricQuery(metrics: metrics, dimensions: dimensions, filter: notHuge, dates: dates),
                          MetricQuery(metrics: metrics, dimensions: dimensions, filter: notHuge, dates: [dates[5]])] {
                #expect(try huge.run(query) == plain.run(query))
            }
        }
        // Without a filter the sweep runs; compared on the currencies the huge invoice is not in.
        let euros = MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.aging)], dimensions: [.currency], dates: dates)
        #expect(try huge.run(euros).rows.filter { $0.keys != ["JPY"] } == plain.run(euros).rows.filter { $0.keys != ["JPY"] })
    }

    /// Allocations and write-offs that take an open amount beyond 64 bits.
    @Test func openAmountsBeyond64Bits() throws {
        var f = try LedgerFixture()
        try f.invoice("I", issue: "2026-01-05", amount: 10)
        try f.pay("P1", to: "I", on: "2026-01-06", amount: Int64.max)
        try f.pay("P2", to: "I", on: "2026-01-07", amount: Int64.max)
        let e = f.engine(asOf: "2026-03-31")
        let error = #expect(throws: MetricError.self) { try e.value(MetricRequest(.ar), at: "2026-03-31") }
        #expect(error?.code == "overflow")
        #expect(try e.value(MetricRequest(.ar), at: "2026-01-05") == .money(10))
        _ = try? e.forecast(ForecastQuery(asOf: d("2026-03-31")))
        _ = try? e.predictedPayDates(asOf: d("2026-03-31"), documents: [0])
        _ = try? e.run(MetricQuery(metrics: [MetricRequest(.ar)], dates: ["2026-01-31", "2026-02-28"].map(d)))
    }
}
