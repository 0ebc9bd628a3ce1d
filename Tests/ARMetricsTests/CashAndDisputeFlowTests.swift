import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Collections, the invoices cleared counted one by one, and disputes opened or resolved in a
/// period, on a hand-built ledger whose figures are worked out below.
///
/// As of 2026-06-30 in EUR; USD is worth 0.90 EUR until 06-19, 0.80 from 06-20. The month is
/// `(05-31, 06-30]`.
///
/// | item | issued | due | payments | cleared | days to pay | days late |
/// |---|---|---|---|---|---|---|
/// | I1 100.00 EUR | 04-01 | 05-01 | 60.00 on 05-15, 40.00 on 06-10 | 06-10 | 70 | 40 |
/// | I2 200.00 EUR | 05-20 | 06-19 | 200.00 on 06-15 | 06-15 | 26 | 0 |
/// | I3 50.00 USD | 05-01 | 05-31 | 50.00 USD on 06-20 (40.00 EUR) | 06-20 | 50 | 20 |
/// | CN1 credit note 30.00 EUR | 05-10 | | refund of 30.00 on 06-25 | | | |
/// | U1 cash on account 10.00 EUR | 06-28 | | | | | |
///
/// Collections in June: 40.00 + 200.00 + 40.00 − 30.00 (the refund) + 10.00 = 260.00.
/// AR(05-31): 40.00 + 200.00 + 45.00 (50 USD at 0.90) − 30.00 = 255.00.
struct CashAndDisputeFlowTests {
    static let usd = Currency.usd

    static func engine() throws -> MetricEngine {
        var f = try LedgerFixture()
        f.rate(usd, "2026-01-01", "0.90")
        f.rate(usd, "2026-06-20", "0.80")
        try f.invoice("I1", issue: "2026-04-01", due: "2026-05-01", amount: 100_00)
        try f.invoice("I2", "C2", issue: "2026-05-20", due: "2026-06-19", amount: 200_00)
        try f.invoice("I3", "C3", entity: "E2", issue: "2026-05-01", due: "2026-05-31", amount: 50_00, currency: usd)
        try f.creditNote("CN1", issue: "2026-05-10", amount: 30_00)
        try f.pay("P1", to: "I1", on: "2026-05-15", amount: 60_00)
        try f.pay("P2", to: "I1", on: "2026-06-10", amount: 40_00)
        try f.pay("P3", "C2", to: "I2", on: "2026-06-15", amount: 200_00)
        try f.pay("P4", "C3", to: "I3", on: "2026-06-20", amount: 50_00, currency: usd)
        try f.pay("R1", to: "CN1", on: "2026-06-25", amount: 30_00)
        try f.pay("U1", "C2", to: nil, entity: "E1", on: "2026-06-28", amount: 10_00)
        // D1 opened before the month, resolved in it; D2 without amount: I2's open 200.00 on 06-01;
        // D3 of 20.00 USD at 06-02's 0.90: 18.00.
        try f.dispute("D1", "I1", opened: "2026-05-20", resolved: "2026-06-05", reason: "price")
        try f.dispute("D2", "I2", opened: "2026-06-01", reason: "quality")
        try f.dispute("D3", "I3", opened: "2026-06-02", amount: 20_00, reason: "price")
        return f.engine(asOf: "2026-06-30")
    }

    @Test func collectionsCountEveryPaymentRowAtItsOwnRateAndRefundsNegative() throws {
        let engine = try Self.engine()
        #expect(try engine.value(.collections, at: "2026-06-30") == .money(260_00))
        #expect(try engine.value(MetricRequest(.collections, period: .months(2)), at: "2026-06-30") == .money(320_00))
        #expect(try engine.byDimension(.collections, .entity, at: "2026-06-30").map { "\($0.0 ?? "-") \($0.1)" }
            == ["E1 money(22000)", "E2 money(4000)"])
        #expect(try engine.byDimension(.collections, .type, at: "2026-06-30").map { "\($0.0 ?? "-") \($0.1)" }.sorted()
            == ["credit_note money(-3000)", "invoice money(28000)", "unallocated money(1000)"])
    }

    @Test func collectionsRateIsCollectedOverTheOpeningBalance() throws {
        let engine = try Self.engine()
        #expect(close(try engine.value(.collectionsRate, at: "2026-06-30").ratio, 260.0 / 255.0))
    }

    @Test func collectionsInASeriesEqualEachDateOnItsOwn() throws {
        let engine = try Self.engine()
        let query = MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.collections)],
                                dates: [d("2026-05-31"), d("2026-06-30")])
        #expect(EvaluationStrategy(for: query) == .sweep)
        let table = try engine.run(query)
        #expect(table.rows.map(\.values[1]) == [try engine.value(.collections, at: "2026-05-31"), .money(260_00)])
        #expect(try engine.value(.collections, at: "2026-05-31") == .money(60_00))
    }

    @Test func unweightedDaysCountEachInvoiceOnce() throws {
        let engine = try Self.engine()
        #expect(close(try engine.value(MetricRequest(.daysLate, weighted: false), at: "2026-06-30").days, 20))
        #expect(close(try engine.value(MetricRequest(.daysToPay, weighted: false), at: "2026-06-30").days, 146.0 / 3))
        // Weighted by 100.00, 200.00 and 45.00 (50 USD at I3's issue-date rate).
        #expect(close(try engine.value(.daysLate, at: "2026-06-30").days, (100.0 * 40 + 45 * 20) / 345))
        #expect(close(try engine.value(.paidLateRate, at: "2026-06-30").ratio, 2.0 / 3))
        #expect(close(try engine.value(.paidOnTimeRate, at: "2026-06-30").ratio, 1.0 / 3))
        #expect(MetricColumns.columns(for: MetricRequest(.daysLate, weighted: false)).map(\.name) == ["days_late(weighted: false)"])
    }

    @Test func disputesOpenedAndResolvedInThePeriod() throws {
        let engine = try Self.engine()
        #expect(try engine.value(.disputesOpened, at: "2026-06-30") == .count(2))
        #expect(try engine.value(.disputesResolved, at: "2026-06-30") == .count(1))
        #expect(try engine.value(.disputedOpened, at: "2026-06-30") == .money(218_00))
        #expect(try engine.byDimension(.disputesOpened, .disputeReason, at: "2026-06-30").map { "\($0.0 ?? "-") \($0.1)" }
            == ["price count(1)", "quality count(1)"])
        #expect(try engine.value(MetricRequest(.disputesOpened, period: .months(2)), at: "2026-06-30") == .count(3))
    }
}
