import ARCore
import ARMetrics

/// `project N months` after a series: checks that there is a history to project, that the step
/// matches the series, and that every metric is one a trend describes.
extension Binder {
    /// The fewest series dates a projection is fitted on: two to start the trend, two more so
    /// the interval rests on at least two one-step errors.
    static let minimumProjectionHistory = 4
    static let maximumProjectionPeriods = 60

    /// Clauses a projected series takes; `having`, `order by` and `limit` would cut the history.
    static let projectionClauses = ["by", "where", "series", "over last", "in", "project", "chart"]

    func projection(_ syntax: ProjectSyntax, _ clauses: ClausesSyntax, metrics calls: [CallSyntax],
                    requests: [MetricRequest]) throws(QueryDiagnostic) -> TrendProjection {
        guard let series = clauses.series else {
            throw QueryDiagnostic(.invalidTimeRange, "expected a series to project, found 'project' without one", at: syntax.span,
                                  help: "give the history first, e.g. 'monthly from 2025-10-31 to 2026-09-30 project 6 months'")
        }
        if let bad = clauses.keywords.filter({ !Binder.projectionClauses.contains($0.key) }).min(by: { $0.value.start < $1.value.start }) {
            throw QueryDiagnostic(.unsupportedClause, "expected no '\(bad.key)' with 'project', found one", at: bad.value,
                                  help: "a projection continues every group's whole series; drop '\(bad.key)'")
        }
        for (call, request) in zip(calls, requests) where !TrendProjection.projectable.contains(request.kind) {
            throw QueryDiagnostic(.notProjectable, "expected a metric with a trend to project, found '\(call.name.text)'",
                                  at: call.name.span,
                                  help: "project " + Parser.list(TrendProjection.projectable.map { "'\($0.name)'" }))
        }
        let step = series.granularity.text
        let unit = switch step {
        case "daily": "days"
        case "weekly": "weeks"
        case "monthly": "months"
        default: "quarters"
        }
        guard syntax.unit.text.hasPrefix(String(unit.dropLast())) else {
            throw QueryDiagnostic(.invalidTimeRange, "expected '\(unit)' to project a \(step) series, found '\(syntax.unit.text)'",
                                  at: syntax.unit.span, help: "a projection steps as its series does: write 'project N \(unit)'")
        }
        let periods = try integer(syntax.amount, in: 1...Binder.maximumProjectionPeriods, what: "a number of \(unit)")
        let history = try seriesDates(series)
        guard history.count >= Binder.minimumProjectionHistory else {
            throw QueryDiagnostic(.invalidTimeRange,
                                  "expected at least \(Binder.minimumProjectionHistory) dates to project, found \(history.count)",
                                  at: series.granularity.span.through(series.to.span),
                                  help: "start the series earlier: a trend and its interval need a history")
        }
        let dates = (history.count..<(history.count + periods)).map { seriesDay(series, from: history[0], step: $0) }
        try checkProjection(dates, syntax)
        return TrendProjection(dates: dates, unit: unit)
    }
}
