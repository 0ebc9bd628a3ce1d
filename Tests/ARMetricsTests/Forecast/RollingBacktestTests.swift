import ARCore
import ARStore
import Foundation
import Testing
@testable import ARMetrics

/// A rolling backtest computed by hand: one-week backtests at the Wednesdays 2026-06-03, 06-10,
/// 06-17 and 06-24 of a ledger as of Saturday 2026-06-27.
struct RollingBacktestTests {
    /// History: H's HP 100.00 paid 7 days late, G's GP 300.00 paid on time; so at 06-03 H's
    /// delay is 7, G's 0 and the ledger's (100×7 + 300×0) / 400 = 1.75 → 2.
    /// T1 (H) 200.00 due 05-30 paid 06-05 (6 late); T2 (G) 100.00 due 06-06 paid 06-13;
    /// T3 (H) 50.00 due 06-10 paid 06-16; T4 (G) 80.00 due 06-30 paid 06-26.
    func ledger() throws -> Ledger {
        var f = try LedgerFixture()
        try f.invoice("HP", "H", issue: "2026-01-01", due: "2026-01-31", amount: 10_000)
        try f.pay("PHP", "H", to: "HP", on: "2026-02-07", amount: 10_000)
        try f.invoice("GP", "G", issue: "2026-01-01", due: "2026-01-31", amount: 30_000)
        try f.pay("PGP", "G", to: "GP", on: "2026-01-31", amount: 30_000)
        try f.invoice("T1", "H", issue: "2026-05-01", due: "2026-05-30", amount: 20_000)
        try f.pay("P1", "H", to: "T1", on: "2026-06-05", amount: 20_000)
        try f.invoice("T2", "G", issue: "2026-05-01", due: "2026-06-06", amount: 10_000)
        try f.pay("P2", "G", to: "T2", on: "2026-06-13", amount: 10_000)
        try f.invoice("T3", "H", issue: "2026-05-01", due: "2026-06-10", amount: 5_000)
        try f.pay("P3", "H", to: "T3", on: "2026-06-16", amount: 5_000)
        try f.invoice("T4", "G", issue: "2026-06-01", due: "2026-06-30", amount: 8_000)
        try f.pay("P4", "G", to: "T4", on: "2026-06-26", amount: 8_000)
        return f.builder.finish(asOf: d("2026-06-27"))
    }

    /// 06-03 (collected after it within week 06-01…06-07: T1 200.00 on 06-05):
    /// ARLens T1 06-06, T2 06-06 → 300.00, error 100.00, WAPE 0.5; MAE on T1 |06-06 − 06-05| = 1.
    /// Due date T1 06-03, T2 06-06 → 300.00, WAPE 0.5; MAE 2. Ledger T1 06-03, T2 06-08 (later)
    /// → 200.00, WAPE 0; MAE 2.
    /// 06-10 (T1 has cleared 6 late: H (700 + 1200) / 300 → 6, ledger 1900 / 600 → 3; collected
    /// T2 100.00 on 06-13): ARLens T2 06-10, T3 06-16 (later) → 100.00, WAPE 0; due date and
    /// ledger T2 06-10, T3 06-10 or 06-13 → 150.00, WAPE 0.5; MAE on T2 3 days for all three.
    /// 06-17: only T4 is open and nothing is paid in its week: skipped. 06-24: the week ends on
    /// 06-28, after the ledger: skipped.
    @Test func poolsTwoCutOffsAndSkipsTwo() throws {
        let report = try RollingBacktest.run(ledger: ledger(), from: d("2026-06-03"), to: d("2026-06-24"), every: .week, weeks: 1)
        #expect(report.cutOffs.map(\.asOf) == ["2026-06-03", "2026-06-10"])
        #expect(report.cutOffs.map(\.actual) == [20_000, 10_000])
        #expect(report.cutOffs.map(\.settledOpenAmount) == [20_000, 10_000])
        #expect(report.cutOffs[0].methods.map(\.absoluteError) == [10_000, 10_000, 0])
        #expect(report.cutOffs[1].methods.map(\.absoluteError) == [0, 5_000, 5_000])
        #expect(report.cutOffs[0].methods.map(\.maeDays) == [1, 2, 2])
        #expect(report.cutOffs[1].methods.map(\.maeDays) == [3, 3, 3])
        #expect(report.skipped == [.init(asOf: "2026-06-17", reason: .noCollections),
                                   .init(asOf: "2026-06-24", reason: .actualsIncomplete)])

        let arlens = try #require(report.method("arlens"))
        let due = try #require(report.method("due_date"))
        let ledgerDelay = try #require(report.method("due_date_plus_ledger_delay"))
        // Pooled: (100 + 0) / 300, (100 + 50) / 300, (0 + 50) / 300; means: (0.5 + 0) / 2 …
        #expect(close(arlens.pooledWAPE, 1.0 / 3) && close(due.pooledWAPE, 0.5) && close(ledgerDelay.pooledWAPE, 1.0 / 6))
        #expect(close(arlens.meanWAPE, 0.25) && close(due.meanWAPE, 0.5) && close(ledgerDelay.meanWAPE, 0.25))
        // MAE: means (1 + 3) / 2 and (2 + 3) / 2; pooled (200×1 + 100×3) / 300 and (200×2 + 100×3) / 300.
        #expect(close(arlens.meanMAEDays, 2) && close(due.meanMAEDays, 2.5) && close(ledgerDelay.meanMAEDays, 2.5))
        #expect(close(arlens.pooledMAEDays, 5.0 / 3) && close(due.pooledMAEDays, 7.0 / 3) && close(ledgerDelay.pooledMAEDays, 7.0 / 3))
        // Best WAPE: the ledger baseline at 06-03, ARLens at 06-10. Best MAE: ARLens at 06-03; 06-10 is a three-way tie.
        #expect(report.methods.map(\.bestWAPE) == [1, 0, 1])
        #expect(report.methods.map(\.bestMAE) == [1, 0, 0])
        #expect(report.tiedWAPE == 0 && report.tiedMAE == 1 && report.cutOffsWithMAE == 2)
    }

    /// One cut-off of two weeks: each week's pooled WAPE is that week's WAPE (`BacktestTests`,
    /// actual 50.00 then 140.00): ARLens 150/50 and 40/140, due date 250/50 and 100/140,
    /// ledger delay 50/50 and 160/140.
    @Test func pooledWAPEByWeekOfOneCutOffIsItsWeeklyWAPE() throws {
        let ledger = try BacktestTests().fixture(withActuals: true).builder.finish(asOf: d("2026-06-30"))
        let report = try RollingBacktest.run(ledger: ledger, from: d("2026-06-03"), to: d("2026-06-03"), weeks: 2)
        #expect(report.cutOffs.map(\.weeklyActual) == [[5_000, 14_000]])
        #expect(report.cutOffs[0].methods.map(\.weeklyAbsoluteError) == [[15_000, 4_000], [25_000, 10_000], [5_000, 16_000]])
        let expected: [[Double?]] = [[3, 4.0 / 14], [5, 10.0 / 14], [1, 16.0 / 14]]
        #expect(report.methods.map(\.pooledWAPEByWeek) == expected)
    }

    /// Each scored cut-off carries exactly the figures of the single backtest at that date.
    @Test func reusesTheSingleBacktest() throws {
        let ledger = try ledger()
        let report = try RollingBacktest.run(ledger: ledger, from: d("2026-06-03"), to: d("2026-06-10"), weeks: 1)
        for cut in report.cutOffs {
            let single = try Backtest.run(ledger: ledger, cutOff: d(cut.asOf), weeks: 1)
            #expect(cut == RollingBacktestReport.CutOff(single))
            #expect(cut.methods.map(\.wape) == single.methods.map { $0.wape ?? -1 })
        }
    }

    @Test func cutOffsEveryDayEveryWeekFromTheFirstOrEveryMonthEnd() {
        #expect(RollingBacktest.cutOffs(from: d("2026-02-27"), to: d("2026-03-02"), every: .day).map(\.iso)
            == ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"])
        #expect(RollingBacktest.cutOffs(from: d("2026-06-03"), to: d("2026-06-24"), every: .week).map(\.iso)
            == ["2026-06-03", "2026-06-10", "2026-06-17", "2026-06-24"])
        #expect(RollingBacktest.cutOffs(from: d("2026-06-03"), to: d("2026-06-23"), every: .week).count == 3)
        #expect(RollingBacktest.cutOffs(from: d("2024-01-31"), to: d("2024-04-29"), every: .month).map(\.iso)
            == ["2024-01-31", "2024-02-29", "2024-03-31"])
        #expect(RollingBacktest.cutOffs(from: d("2026-06-10"), to: d("2026-06-03"), every: .week).isEmpty)
    }

    @Test func rejectsBackwardsEmptyAndLateRanges() throws {
        let ledger = try ledger()
        func message(_ from: String, _ to: String, _ step: RollingBacktest.Step = .week, weeks: Int = 1) -> String? {
            do {
                _ = try RollingBacktest.run(ledger: ledger, from: d(from), to: d(to), every: step, weeks: weeks)
                return nil
            } catch let error as MetricError { return error.message } catch { return "\(error)" }
        }
        #expect(message("2026-06-10", "2026-06-03")?.contains("give the earlier date first") == true)
        #expect(message("2026-06-02", "2026-06-20", .month)?.contains("no month end falls between 2026-06-02 and 2026-06-20") == true)
        #expect(message("2026-06-03", "2026-07-01")?.contains("2026-06-27") == true)
        #expect(message("2026-06-03", "2026-06-10", weeks: 0)?.contains("at least one week") == true)
    }

    @Test func encodesAsJSONAndRenders() throws {
        let report = try RollingBacktest.run(ledger: ledger(), from: d("2026-06-03"), to: d("2026-06-24"), weeks: 1)
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(RollingBacktestReport.self, from: data) == report)
        #expect(String(decoding: data, as: UTF8.self).contains("\"reason\":\"actuals_incomplete\""))
        let lines = report.rendered.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("rolling backtest: 2 weekly cut-offs scored from 2026-06-03 to 2026-06-24, 2 skipped"))
        #expect(lines.contains { $0.hasPrefix("2026-06-03") && $0.contains("50.0 % / 1.00") && $0.contains("0.0 % / 2.00") })
        #expect(lines.contains("skipped 2026-06-17: nothing collected within the weeks"))
        #expect(lines.contains("skipped 2026-06-24: the ledger ends before the last week"))
        #expect(lines.contains { $0.hasPrefix("pooled WAPE") && $0.contains("33.3 %") && $0.contains("16.7 %") })
        #expect(lines.contains { $0.hasPrefix("  week 1") && $0.contains("33.3 %") })
        #expect(lines.contains { $0.hasPrefix("pooled MAE days") && $0.contains("1.67") && $0.contains("2.33") })
        #expect(lines.contains { $0.hasPrefix("best MAE") && $0.contains("1 of 2") })
    }
}
