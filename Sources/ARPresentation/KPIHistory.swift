import ARCore
import ARMetrics
import ARQuery

/// KPI tiles compare now with last month and show a sparkline: a one-row statement charted as
/// tiles is run again as a monthly series of the last thirteen month steps.
public enum KPIHistory {
    /// The statement's figures at `months` + 1 monthly dates ending on its as-of date, when the
    /// statement would be charted as KPI tiles (no dimension, one date, at most eight metrics).
    /// - Returns: `nil` when the statement is not a KPI statement.
    ///
    /// Each month-end is answered by the snapshot that covers it, as any series is.
    public static func series(for compiled: CompiledStatement, runner: QueryRunner, options: QueryOptions = QueryOptions(),
                              months: Int = 12) throws -> QueryOutcome? {
        guard case var .metrics(s) = compiled.bound, s.query.dimensions.isEmpty, s.query.dates.count == 1,
              s.shownMetricCount <= 8, s.query.metrics.allSatisfy({ $0.kind != .aging }),
              s.chart?.kind == nil || s.chart?.kind == .kpi else { return nil }
        let end = s.query.dates[0]
        let start = runner.ledger.documents.issue.min().map { Day(rawValue: $0) } ?? end
        s.query.dates = (0...months).reversed().map { end.adding(months: -$0) }.filter { $0 >= start }
        s.chart = ChartSpec(kind: .kpi, title: s.chart?.title, options: s.chart?.options ?? [:])
        var series = compiled
        series.bound = .metrics(s)
        return try runner.execute(series, options: options)
    }
}
