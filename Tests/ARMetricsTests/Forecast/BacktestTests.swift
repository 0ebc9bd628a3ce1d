import ARCore
import ARStore
import Foundation
import Testing
@testable import ARMetrics

/// A tiny backtest computed by hand: cut-off Wednesday 2026-06-03, 2 weeks (06-01…06-07,
/// 06-08…06-14). H's only cleared invoice was 7 days late, so its delay and the ledger's are 7.
struct BacktestTests {
    /// Open at the cut-off: T1 100.00 due 06-01; T2 200.00 due 06-05, promised for 06-04;
    /// T3 40.00 due 06-10. After it: T1 paid 06-09 (week 2); T2 50.00 on 06-04 (week 1) and
    /// 150.00 on 06-20 (after week 2); T3 paid 06-12 (week 2).
    func fixture(withActuals: Bool) throws -> LedgerFixture {
        var f = try LedgerFixture()
        try f.invoice("HP", "H", issue: "2026-01-01", due: "2026-01-31", amount: 10_000)
        try f.pay("PHP", "H", to: "HP", on: "2026-02-07", amount: 10_000)
        try f.invoice("T1", "H", issue: "2026-05-01", due: "2026-06-01", amount: 10_000)
        try f.invoice("T2", "H", issue: "2026-05-01", due: "2026-06-05", amount: 20_000)
        try f.invoice("T3", "H", issue: "2026-05-01", due: "2026-06-10", amount: 4_000)
        try f.promise("PT2", "H", document: "T2", made: "2026-06-01", promised: "2026-06-04", amount: 20_000)
        if withActuals {
            try f.pay("A1", "H", to: "T1", on: "2026-06-09", amount: 10_000)
            try f.pay("A2", "H", to: "T2", on: "2026-06-04", amount: 5_000)
            try f.pay("A3", "H", to: "T2", on: "2026-06-20", amount: 15_000)
            try f.pay("A4", "H", to: "T3", on: "2026-06-12", amount: 4_000)
        }
        return f
    }

    /// Actual: week 1 50.00, week 2 140.00. Forecasts (week 1, week 2, later):
    /// ARLens T2 06-04, T1 06-08, T3 06-17 → 200, 100, 40: WAPE (150 + 40) / 190 = 1;
    /// due date T1 06-03, T2 06-05, T3 06-10 → 300, 40, 0: WAPE (250 + 100) / 190 = 1.8421;
    /// ledger delay T1 06-08, T2 06-12, T3 06-17 → 0, 300, 40: WAPE (50 + 160) / 190 = 1.1053.
    /// MAE over T1 (settled 06-09, weight 100) and T3 (06-12, weight 40); T2 is not settled in time:
    /// ARLens (100×1 + 40×5) / 140 = 2.1429; due date (100×6 + 40×2) / 140 = 4.8571; ledger 2.1429.
    @Test func wapeAndMaeByHand() throws {
        let f = try fixture(withActuals: true)
        let ledger = f.builder.finish(asOf: d("2026-06-30"))
        let report = try Backtest.run(ledger: ledger, cutOff: d("2026-06-03"), weeks: 2)
        #expect(report.weekStarts == ["2026-06-01", "2026-06-08"])
        #expect(report.actual == [5_000, 14_000])
        #expect(report.openAtAsOf == 34_000)
        #expect(report.settledInvoices == 2)
        #expect(report.settledOpenAmount == 14_000)
        #expect(report.methods.map(\.absoluteError) == [19_000, 35_000, 21_000])
        #expect(report.actualsComplete)
        let arlens = try #require(report.method("arlens"))
        #expect(arlens.forecast == [20_000, 10_000])
        #expect(arlens.later == 4_000)
        #expect(close(arlens.wape, 1))
        #expect(arlens.weeklyWAPE[0] == 3 && close(arlens.weeklyWAPE[1], 4.0 / 14))
        #expect(close(arlens.maeDays, 300.0 / 140))
        let due = try #require(report.method("due_date"))
        #expect(due.forecast == [30_000, 4_000])
        #expect(close(due.wape, 35.0 / 19))
        #expect(close(due.maeDays, 680.0 / 140))
        let ledgerDelay = try #require(report.method("due_date_plus_ledger_delay"))
        #expect(ledgerDelay.forecast == [0, 30_000])
        #expect(close(ledgerDelay.wape, 21.0 / 19))
        #expect(close(ledgerDelay.maeDays, 300.0 / 140))
    }

    /// A snapshot taken at the cut-off and a later one as actuals give the same report.
    @Test func twoSnapshotsMatchTheReplay() throws {
        let snapshot = try fixture(withActuals: false).builder.finish(asOf: d("2026-06-03"))
        let actuals = try fixture(withActuals: true).builder.finish(asOf: d("2026-06-30"))
        let pair = try Backtest.run(snapshot: snapshot, actuals: actuals, weeks: 2)
        let replay = try Backtest.run(ledger: actuals, cutOff: d("2026-06-03"), weeks: 2)
        #expect(pair == replay)
        #expect(try Backtest.run(snapshot: snapshot, actuals: actuals).weeks == 13)
        #expect(throws: MetricError.self) { try Backtest.run(snapshot: actuals, actuals: snapshot) }
    }

    @Test func perimeterFilterAndShortActuals() throws {
        let ledger = try fixture(withActuals: true).builder.finish(asOf: d("2026-06-30"))
        let report = try Backtest.run(ledger: ledger, cutOff: d("2026-06-03"), weeks: 5,
                                      filter: .compare(.id, .eq, .string("T1")))
        #expect(report.openAtAsOf == 10_000)
        #expect(report.actual == [0, 10_000, 0, 0, 0])
        #expect(!report.actualsComplete)
    }

    /// Negative items are not forecast and stay out of the backtest: a credit note (−30.00) and an
    /// invoice overpaid before the cut-off (20.00, 25.00 paid: −5.00 open), even when a payment
    /// after the cut-off is allocated to the overpaid one. OP cleared 7 days late, like HP, so
    /// the delays stay 7 and the figures are those of the fixture alone (`wapeAndMaeByHand`).
    @Test func negativeItemsAreNeitherForecastNorCollected() throws {
        var f = try fixture(withActuals: true)
        try f.creditNote("CN", "H", issue: "2026-05-10", amount: 3_000)
        try f.invoice("OP", "H", issue: "2026-05-01", due: "2026-05-08", amount: 2_000)
        try f.pay("POP", "H", to: "OP", on: "2026-05-15", amount: 2_500)
        try f.pay("POP2", "H", to: "OP", on: "2026-06-05", amount: 1_000)
        let ledger = f.builder.finish(asOf: d("2026-06-30"))
        #expect(try MetricEngine(ledger: ledger).predicted(["CN", "OP", "T1"], at: "2026-06-03") == ["-", "-", "2026-06-08"])
        let report = try Backtest.run(ledger: ledger, cutOff: d("2026-06-03"), weeks: 2)
        #expect(report.openAtAsOf == 34_000)
        #expect(report.actual == [5_000, 14_000])
        #expect(report.methods.map(\.forecast) == [[20_000, 10_000], [30_000, 4_000], [0, 30_000]])
        #expect(report.methods.map(\.later) == [4_000, 0, 4_000])
    }

    /// Payment rows are converted at the as-of rate, not their own date's: 100.00 USD paid on
    /// 06-09 when USD is 2 EUR counts as 50.00 EUR (the rate at 06-03 is 0.5).
    @Test func actualsUseTheAsOfRate() throws {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-01-01", "0.5")
        f.rate(.usd, "2026-06-05", "2")
        try f.invoice("U1", entity: "E2", issue: "2026-05-01", due: "2026-06-08", amount: 10_000, currency: .usd)
        try f.pay("PU1", to: "U1", on: "2026-06-09", amount: 10_000, currency: .usd)
        let report = try Backtest.run(ledger: f.builder.finish(asOf: d("2026-06-30")), cutOff: d("2026-06-03"), weeks: 2)
        #expect(report.actual == [0, 5_000])
        #expect(report.method("arlens")?.forecast == [0, 5_000])
        #expect(report.method("arlens")?.wape == 0)
        #expect(report.method("arlens")?.maeDays == 1)
    }

    @Test func reportEncodesAsJSONAndRenders() throws {
        let ledger = try fixture(withActuals: true).builder.finish(asOf: d("2026-06-30"))
        let report = try Backtest.run(ledger: ledger, cutOff: d("2026-06-03"), weeks: 2)
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(BacktestReport.self, from: data) == report)
        let text = report.rendered
        #expect(text.contains("2026-06-08"))
        #expect(text.contains("100.0 %"))
        #expect(text.contains("184.2 %"))
        #expect(text.contains("2.14"))
    }
}
