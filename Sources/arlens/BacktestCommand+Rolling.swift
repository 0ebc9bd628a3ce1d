import ARCore
import ARMetrics
import ARStore
import ArgumentParser

extension RollingBacktest.Step: ExpressibleByArgument {}

extension BacktestCommand {
    /// `--cut-offs FROM:TO` as two days, FROM on or before TO.
    static func range(_ text: String) throws -> ClosedRange<Day> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let from = Day(iso: parts[0]), let to = Day(iso: parts[1]) else {
            throw ValidationError("--cut-offs takes FROM:TO, two real YYYY-MM-DD days such as 2025-11-02:2026-08-02; found '\(text)'")
        }
        guard from <= to else {
            throw ValidationError("--cut-offs \(text) runs backwards: give the earlier date first, \(to.iso):\(from.iso)")
        }
        return from...to
    }

    /// Replays `snapshot` at every cut-off of `range` and prints the summary.
    func runRolling(_ snapshot: Ledger, range: ClosedRange<Day>) throws {
        try Self.check(range.lowerBound, option: "--cut-offs FROM", in: snapshot)
        try Self.check(range.upperBound, option: "--cut-offs TO", in: snapshot)
        let report: RollingBacktestReport
        do {
            report = try RollingBacktest.run(ledger: snapshot, from: range.lowerBound, to: range.upperBound,
                                             every: every ?? .week, weeks: weeks)
        } catch let error as MetricError {
            throw CommandFailure(error.message)
        }
        try printReport(report, rendered: report.rendered)
    }
}
