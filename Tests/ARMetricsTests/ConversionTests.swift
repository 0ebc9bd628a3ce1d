import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Each item converted on its own, half away from zero, at the as-of rate; cross rates rounded once.
struct ConversionTests {
    /// At 2026-03-31: E10 10.00 EUR; U1–U3 0.01 USD each; UC 0.03 USD credit note; Y1 1000 JPY.
    /// USD has two rows on 2026-03-31 (0.4 then 0.5: the later wins); JPY 0.00612.
    func ledger() throws -> MetricEngine {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-03-01", "0.9")
        f.rate(.usd, "2026-03-31", "0.4")
        f.rate(.usd, "2026-03-31", "0.5")
        f.rate(.usd, "2026-04-01", "2")
        f.rate(LedgerFixture.jpy, "2026-03-01", "0.00612")
        try f.invoice("E10", issue: "2026-03-02", due: "2026-04-01", amount: 1_000)
        for k in 1...3 { try f.invoice("U\(k)", entity: "E2", issue: "2026-03-05", due: "2026-04-05", amount: 1, currency: .usd) }
        try f.creditNote("UC", entity: "E2", issue: "2026-03-06", amount: 3, currency: .usd)
        try f.invoice("Y1", issue: "2026-03-07", due: "2026-04-07", amount: 1_000, currency: LedgerFixture.jpy)
        return f.engine(asOf: "2026-04-30")
    }

    @Test func convertsEachItemThenSums() throws {
        let e = try ledger()
        // 1000 + 3 × round(0.5) − round(1.5) + 1000 × 0.00612 × 100 = 1000 + 3 − 2 + 612.
        #expect(try e.value(.ar, at: "2026-03-31") == .money(1_613))
        let byCurrency = try e.byDimension(.ar, .currency, at: "2026-03-31")
        #expect(byCurrency.map(\.0) == ["EUR", "JPY", "USD"])
        // Converting the USD sum (0 cents) would give 0; per item gives 3 − 2.
        #expect(byCurrency.map(\.1) == [.money(1_000), .money(612), .money(1)])
    }

    @Test func otherOutputCurrencyUsesTheCrossRateRoundedOnce() throws {
        // To USD at 0.5: EUR 1000 → 2000; USD unchanged (3 − 3); JPY 1000 × 0.00612 / 0.5 = 12.24 USD.
        #expect(try ledger().value(MetricRequest(.ar), at: "2026-03-31", currency: .usd) == .money(3_224))
        // Sales in (2026-02-28, 2026-03-31] at issue-date rates, to USD at 0.9:
        // EUR 1000 / 0.9 = 1111.1 → 1111; USD 3 − 3; JPY 1000 × 0.00612 / 0.9 = 6.8 USD → 680.
        #expect(try ledger().value(MetricRequest(.sales), at: "2026-03-31", currency: .usd) == .money(1_791))
    }

    @Test func salesConvertAtTheirOwnDate() throws {
        // EUR 1000; USD 3 × round(0.9) − round(2.7) = 3 − 3; JPY 612.
        #expect(try ledger().value(.sales, at: "2026-03-31") == .money(1_612))
    }

    @Test func missingRateIsAnError() throws {
        let error = #expect(throws: MetricError.self) {
            try ledger().value(MetricRequest(.ar), at: "2026-03-31", currency: LedgerFixture.gbp)
        }
        #expect(error?.description == "no GBP rate on or before 2026-03-31: add one to fx_rates")
    }
}

/// Unallocated cash belongs to the given entity, else to the customer's entity with most documents.
struct UnallocatedCashTests {
    @Test func entityResolution() throws {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-01-01", "1")
        try f.invoice("X1", "C3", entity: "E2", issue: "2026-01-02", due: "2026-06-01", amount: 100)
        try f.invoice("X2", "C3", entity: "E2", issue: "2026-01-02", due: "2026-06-01", amount: 100)
        try f.invoice("X3", "C3", entity: "E1", issue: "2026-01-02", due: "2026-06-01", amount: 100)
        try f.invoice("Y1", "C4", entity: "E2", issue: "2026-01-02", due: "2026-06-01", amount: 100)
        try f.invoice("Y2", "C4", entity: "E1", issue: "2026-01-02", due: "2026-06-01", amount: 100)
        try f.pay("Q3", "C3", to: nil, on: "2026-02-01", amount: 7)       // most documents: E2
        try f.pay("Q4", "C4", to: nil, on: "2026-02-01", amount: 11)      // tie: smallest id, E1
        try f.pay("Q5", "C5", to: nil, entity: "E2", on: "2026-02-01", amount: 13)   // given
        try f.pay("Q6", "C6", to: nil, on: "2026-02-01", amount: 17)      // no document, no entity
        let e = f.engine(asOf: "2026-03-01")
        let byEntity = try e.byDimension(.ar, .entity, at: "2026-03-01")
        #expect(byEntity.map(\.0) == ["E1", "E2", nil])
        #expect(byEntity.map(\.1) == [.money(189), .money(280), .money(-17)])
        // Cash on account is open from its payment date, due that day.
        #expect(try e.value(.ar, at: "2026-01-31") == .money(500))
        let items = try e.items(asOf: d("2026-03-01"), filter: .compare(.dimension(.type), .eq, .string("unallocated")), currency: nil)
        #expect(items.ids == ["Q3", "Q4", "Q5", "Q6"])
        #expect(items.daysPastDue == [28, 28, 28, 28])
        #expect(items.entities == ["E2", "E1", "E2", nil])
    }
}

/// Disputed AR capped per invoice; open disputes counted one by one; resolution days.
struct DisputeTests {
    func ledger() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.invoice("J1", issue: "2026-01-01", due: "2026-01-31", amount: 100_000)
        try f.dispute("D1", "J1", opened: "2026-02-01", amount: 30_000, reason: "price")
        try f.dispute("D2", "J1", opened: "2026-02-05", amount: 90_000, reason: "quality")
        try f.invoice("J2", issue: "2026-01-01", due: "2026-01-31", amount: 50_000)
        try f.pay("P2", to: "J2", on: "2026-02-01", amount: 20_000)
        try f.dispute("D3", "J2", opened: "2026-02-02", amount: 10_000, reason: "price")
        try f.dispute("D4", "J2", opened: "2026-02-03")
        try f.invoice("J3", issue: "2026-01-01", due: "2026-01-31", amount: 40_000)
        try f.dispute("D5", "J3", opened: "2026-01-10", resolved: "2026-03-10", amount: 15_000, reason: "price")
        try f.dispute("D6", "J3", opened: "2026-04-02", amount: 15_000, reason: "price")
        try f.dispute("D9", "J3", opened: "2026-02-01", resolved: "2026-03-31", reason: "quality")
        try f.invoice("J4", issue: "2026-01-01", due: "2026-01-31", amount: 20_000)
        try f.dispute("D7", "J4", opened: "2026-03-01", resolved: "2026-04-15", amount: 5_000, reason: "quality")
        try f.invoice("J5", issue: "2026-01-01", due: "2026-01-31", amount: 10_000)
        try f.pay("P5", to: "J5", on: "2026-02-01", amount: 10_000)
        try f.dispute("D8", "J5", opened: "2026-02-10", reason: "price")
        return f.engine(asOf: "2026-04-30")
    }

    @Test func disputedARIsCappedPerInvoice() throws {
        // J1 min(30k + 90k, 100k); J2 whole open 30k (D4 has no amount); J3 none open; J4 5k; J5 not open.
        #expect(try ledger().value(.disputed, at: "2026-03-31") == .money(135_000))
        let byReason = try ledger().byDimension(.disputed, .disputeReason, at: "2026-03-31")
        #expect(byReason.map(\.0) == ["price", "quality", nil])
        #expect(byReason.map(\.1) == [.money(130_000), .money(5_000), .money(0)])
        let filtered = try ledger().value(MetricRequest(.ar), at: "2026-03-31", filter: .disputed)
        #expect(filtered == .money(150_000))
    }

    @Test func openDisputesCountOneByOne() throws {
        #expect(try ledger().value(.openDisputes, at: "2026-03-31") == .count(6))
        let byReason = try ledger().byDimension(.openDisputes, .disputeReason, at: "2026-03-31")
        #expect(byReason.map(\.0) == ["price", "quality", nil])
        #expect(byReason.map(\.1) == [.count(3), .count(2), .count(1)])
    }

    @Test func resolutionDaysAverageTheResolvedDisputes() throws {
        // D5 59 days, D9 58 days, both resolved in (2026-02-28, 2026-03-31].
        #expect(close(try ledger().value(.disputeDays, at: "2026-03-31").days, 58.5))
        let byReason = try ledger().byDimension(.disputeDays, .disputeReason, at: "2026-03-31")
        #expect(byReason.map(\.0) == ["price", "quality"])
        #expect(byReason.map(\.1) == [.days(59), .days(58)])
        #expect(try ledger().value(.disputeDays, at: "2026-02-28") == .missing)
    }
}

/// The precomputed flow factors agree with a direct cross-rate look-up on every day.
struct FlowRatesTests {
    @Test func agreeWithDirectLookUp() throws {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-03-01", "0.9")
        f.rate(.usd, "2026-03-31", "0.4")
        f.rate(.usd, "2026-03-31", "0.5")
        f.rate(LedgerFixture.jpy, "2026-03-10", "0.00612")
        f.rate(LedgerFixture.jpy, "2026-03-20", "0.0061")
        try f.invoice("U", entity: "E2", issue: "2026-03-05", due: "2026-04-05", amount: 12_345, currency: .usd)
        try f.invoice("Y", issue: "2026-03-12", due: "2026-04-07", amount: 98_765, currency: LedgerFixture.jpy)
        try f.invoice("E", issue: "2026-03-12", due: "2026-04-07", amount: 55_555)
        let ledger = f.builder.finish(asOf: d("2026-04-30"))
        let book = RateBook(ledger: ledger)
        for target in [Currency.eur, .usd, LedgerFixture.jpy] {
            let flows = FlowRates(book: book, target: book.target(target))
            for day in d("2026-02-25").rawValue...d("2026-04-05").rawValue {
                for c in 0..<Int32(ledger.currencies.count) {
                    let direct = try? book.cross(from: c, to: book.target(target), on: day).apply(1_234_567)
                    let precomputed = try? flows.convert(1_234_567, currency: c, on: day)
                    #expect(direct == precomputed, "\(ledger.currencies[Int(c)]) to \(target) on \(Day(rawValue: day))")
                }
            }
        }
    }
}
