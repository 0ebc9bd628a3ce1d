import ARCore
import ARStore

/// The backtest on a rolling forecasting origin ("time series cross-validation", Hyndman &
/// Athanasopoulos, FPP3 §5.10): one snapshot replayed with ``Backtest/run(ledger:cutOff:weeks:filter:)``
/// at every cut-off of a range, then summarised per method.
///
/// ```swift
/// let report = try RollingBacktest.run(ledger: ledger, from: Day(iso: "2012-01-08")!,
///                                      to: Day(iso: "2013-10-13")!, every: .week, weeks: 13)
/// print(report.rendered)
/// ```
public enum RollingBacktest {
    /// How far apart the cut-offs are.
    public enum Step: String, Sendable, Codable, CaseIterable {
        /// Every day: each weekday equally often, so the length of week 1 after the cut-off
        /// (the rest of the cut-off's Monday week) does not favour one method.
        case day
        /// Every 7 days from the first cut-off, so each cut-off falls on its weekday.
        case week
        /// Every month end in the range (the first is the end of the first cut-off's month).
        case month
    }

    /// The cut-offs of `from...to`: every day for `.day`; `from`, `from + 7`, … for `.week`;
    /// every month end on or after `from` and on or before `to` for `.month`. Empty when `from`
    /// is after `to`.
    public static func cutOffs(from: Day, to: Day, every step: Step) -> [Day] {
        var days: [Day] = []
        var day = step == .month ? from.endOfMonth : from
        while day <= to {
            days.append(day)
            switch step {
            case .day: day = day.adding(days: 1)
            case .week: day = day.adding(days: 7)
            case .month: day = day.adding(days: 1).endOfMonth
            }
        }
        return days
    }

    /// Replays `ledger` at every cut-off of `from...to` and scores the three methods.
    ///
    /// A cut-off whose actuals are incomplete (the ledger's as-of date falls before the end of
    /// its last week) or that has no collections within the weeks is listed in
    /// ``RollingBacktestReport/skipped`` with the reason, not scored.
    /// - Parameter cancellation: polled while it works (``MetricEngine/cancellable(by:)``), between and within cut-offs.
    /// - Throws: ``MetricError`` when `from` is after `to`, `to` is after the as-of date, no cut-off
    ///   falls in the range, `weeks` is below 1, or an amount has no rate at a cut-off.
    /// - Complexity: the item rows are laid out once; each cut-off then costs one backtest.
    public static func run(ledger: Ledger, from: Day, to: Day, every step: Step = .week, weeks: Int = 13,
                           filter: ItemPredicate? = nil, cancellation: CancellationToken = .never) throws -> RollingBacktestReport {
        guard from <= to else {
            throw MetricError(code: "bad_query", message: "the cut-offs run from \(from.iso) to \(to.iso), backwards: "
                + "give the earlier date first")
        }
        let days = cutOffs(from: from, to: to, every: step)
        guard let last = days.last else {
            throw MetricError(code: "bad_query", message: "no month end falls between \(from.iso) and \(to.iso): "
                + "widen the range to include one, or take weekly cut-offs")
        }
        let engine = MetricEngine(ledger: ledger).cancellable(by: cancellation)
        try engine.check([last])
        var scored: [RollingBacktestReport.CutOff] = []
        var skipped: [RollingBacktestReport.Skipped] = []
        var currency = ledger.snapshot.reportingCurrency.code
        for day in days {
            let report = try Backtest.run(engine: engine, cutOff: day, weeks: weeks, filter: filter)
            currency = report.currency
            if !report.actualsComplete {
                skipped.append(.init(asOf: report.asOf, reason: .actualsIncomplete))
            } else if report.actual.allSatisfy({ $0 == 0 }) {
                skipped.append(.init(asOf: report.asOf, reason: .noCollections))
            } else {
                scored.append(RollingBacktestReport.CutOff(report))
            }
        }
        return RollingBacktestReport(from: from.iso, to: to.iso, every: step, weeks: weeks, currency: currency,
                                     cutOffs: scored, skipped: skipped)
    }
}
