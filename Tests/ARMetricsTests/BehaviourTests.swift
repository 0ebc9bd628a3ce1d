import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Days to pay, days late, write-offs and bad-debt rate at 2026-02-28.
struct BehaviourTests {
    func ledger() throws -> MetricEngine {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-01-01", "0.8")
        f.rate(.usd, "2026-02-01", "0.9")
        try f.invoice("K1", issue: "2026-01-01", due: "2026-01-31", amount: 100_000)
        try f.pay("P1a", to: "K1", on: "2026-01-20", amount: 40_000)
        try f.pay("P1b", to: "K1", on: "2026-02-10", amount: 60_000)
        try f.invoice("K2", entity: "E2", issue: "2026-01-15", due: "2026-02-14", amount: 100_000, currency: .usd)
        try f.pay("P2", to: "K2", on: "2026-02-05", amount: 100_000, currency: .usd)
        try f.invoice("K3", issue: "2026-01-10", due: "2026-02-09", amount: 50_000)
        try f.pay("P3", to: "K3", on: "2026-02-20", amount: 30_000)
        try f.writeOff("K3", on: "2026-02-21", amount: 20_000)
        try f.invoice("K4", issue: "2025-12-01", due: "2025-12-31", amount: 20_000)
        try f.pay("P4", to: "K4", on: "2026-01-15", amount: 20_000)
        try f.creditNote("K5", issue: "2026-02-01", amount: 5_000)
        try f.pay("P5", to: "K5", on: "2026-02-15", amount: 5_000)
        try f.invoice("K6", issue: "2026-02-01", due: "2026-02-10", amount: 10_000)
        try f.pay("P6a", to: "K6", on: "2026-02-10", amount: 5_000)
        try f.pay("P6b", to: "K6", on: "2026-02-10", amount: 5_000)
        try f.invoice("K7", issue: "2026-02-01", due: "2026-02-11", amount: 10_000)
        try f.pay("P7", to: "K7", on: "2026-02-21", amount: 15_000)
        try f.invoice("K8", entity: "E2", issue: "2026-01-05", due: "2026-02-04", amount: 30_000, currency: .usd)
        try f.writeOff("K8", on: "2026-02-25", amount: 10_000)
        return f.engine(asOf: "2026-02-28")
    }

    @Test func daysToPayAndDaysLateAreAmountWeighted() throws {
        let e = try ledger()
        // Cleared in (2026-01-28, 2026-02-28]: K1 (40 days, 10 late, weight 100,000), K2 (21, 0,
        // weight 100,000 USD at the issue-date 0.8), K6 (9, 0, 10,000), K7 (20, 10, 10,000).
        // K3 is not cleared (write-offs do not clear), K4 cleared before the period, K5 is a credit note.
        #expect(close(try e.value(.daysToPay, at: "2026-02-28").days, 5_970_000.0 / 200_000.0))
        #expect(close(try e.value(.daysLate, at: "2026-02-28").days, 1_100_000.0 / 200_000.0))
        // Over (2025-12-27, 2026-01-27] only K4 cleared: 45 days to pay, 15 late.
        #expect(try e.value(.daysToPay, at: "2026-01-27") == .days(45))
        #expect(try e.value(.daysLate, at: "2026-01-27") == .days(15))
        #expect(try e.value(.daysToPay, at: "2025-12-31") == .missing)
    }

    @Test func writeOffsAndBadDebtRate() throws {
        let e = try ledger()
        // 200.00 EUR + 100.00 USD at the write-off date's 0.9.
        #expect(try e.value(.writeOffs, at: "2026-02-28") == .money(29_000))
        // Sales over 12 months: 100,000 + 80,000 + 50,000 + 20,000 − 5,000 + 10,000 + 10,000 + 24,000.
        #expect(try e.value(MetricRequest(.sales, period: .months(12)), at: "2026-02-28") == .money(289_000))
        #expect(close(try e.value(.badDebtRate, at: "2026-02-28").ratio, 29_000.0 / 289_000.0))
        #expect(close(try e.value(MetricRequest(.badDebtRate, period: .months(1)), at: "2026-02-28").ratio, 29_000.0 / 15_000.0))
    }

    @Test func overpaidInvoiceIsANegativeItem() throws {
        let items = try ledger().items(asOf: d("2026-02-28"), filter: .compare(.id, .eq, .string("K7")), currency: nil)
        #expect(items.open == [-5_000])
    }
}

/// Promise kept rate at 2026-03-31 over (2026-02-28, 2026-03-31].
struct PromiseTests {
    func ledger() throws -> MetricEngine {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-03-01", "0.9")
        for id in ["L1", "L2", "L3"] { try f.invoice(id, issue: "2026-02-01", due: "2026-03-03", amount: 50_000) }
        for id in ["L4", "L5"] { try f.invoice(id, issue: "2026-02-01", due: "2026-03-03", amount: 10_000) }
        try f.creditNote("N1", issue: "2026-02-01", amount: 50_000)
        try f.pay("P1a", to: "L1", on: "2026-03-05", amount: 30_000)
        try f.pay("P1b", to: "L1", on: "2026-03-10", amount: 20_000)
        try f.pay("P2a", to: "L2", on: "2026-03-08", amount: 40_000)
        try f.pay("P2b", to: "L2", on: "2026-03-12", amount: 10_000)
        try f.pay("PC", to: nil, on: "2026-03-16", amount: 10_000)
        try f.pay("PN", to: "N1", on: "2026-03-17", amount: 50_000)
        try f.pay("P3", to: "L3", on: "2026-03-18", amount: 10_000)
        try f.pay("P4", "C2", to: "L4", on: "2026-03-20", amount: 10_000)
        try f.pay("P7", "C3", to: nil, on: "2026-03-05", amount: 10_000)
        try f.promise("PR1", document: "L1", made: "2026-03-01", promised: "2026-03-10", amount: 50_000)
        try f.promise("PR2", document: "L2", made: "2026-03-01", promised: "2026-03-10", amount: 50_000)
        try f.promise("PR3", made: "2026-03-15", promised: "2026-03-20", amount: 25_000, currency: .eur)
        try f.promise("PR4", document: "L4", made: "2026-03-01", promised: "2026-03-25", amount: 10_000)
        try f.promise("PR5", document: "L5", made: "2026-03-20", promised: "2026-03-30", amount: 10_000)
        try f.promise("PR6", document: "L1", made: "2026-02-10", promised: "2026-02-20", amount: 100)
        try f.promise("PR7", "C3", made: "2026-03-01", promised: "2026-03-06", amount: 11_000, currency: .usd)
        return f.engine(asOf: "2026-03-31")
    }

    @Test func keptRateCountsPromises() throws {
        // Kept: PR1 (paid in full by the promised date), PR4 (paid by another customer), PR7
        // (100.00 EUR is 111.11 USD). Not kept: PR2 (last 100.00 two days late), PR3 (the credit
        // note's row does not count: 200.00 of 250.00), PR5 (unpaid). PR6 is outside the period.
        #expect(close(try ledger().value(.promiseKeptRate, at: "2026-03-31").ratio, 0.5))
        // Two grace days: PR2 is kept; PR5's window ends 2026-04-01, after the date: pending.
        #expect(close(try ledger().value(MetricRequest(.promiseKeptRate, graceDays: 2), at: "2026-03-31").ratio, 0.8))
    }

    @Test func promisesFollowTheirInvoiceOrCustomer() throws {
        let rows = try ledger().byDimension(.promiseKeptRate, .customer, at: "2026-03-31")
        #expect(rows.map(\.0) == ["C1", "C3"])
        #expect(rows.map(\.1) == [.ratio(0.4), .ratio(1)])
        let byEntity = try ledger().byDimension(.promiseKeptRate, .entity, at: "2026-03-31")
        #expect(byEntity.map(\.0) == ["E1", nil])
        #expect(byEntity.map(\.1) == [.ratio(0.5), .ratio(0.5)])
    }
}
