import ARCore
import ARMetrics

/// Dates a statement forms beyond the ones it writes (projected dates, a forecast's periods, the
/// start of a period) must stay within 0001-01-01 ... 9999-12-31, the days `YYYY-MM-DD` can name:
/// otherwise a query near the edge would print years such as 10000.
extension Binder {
    /// Projected dates end on or before ``Day/latest``.
    func checkProjection(_ dates: [Day], _ syntax: ProjectSyntax) throws(QueryDiagnostic) {
        guard let last = dates.last, !last.isSupported else { return }
        throw QueryDiagnostic(.invalidTimeRange,
                              "expected projected dates up to \(Day.latest.iso), the last supported date, found some after it",
                              at: syntax.span, help: "project fewer \(syntax.unit.text), or end the series earlier")
    }

    /// A forecast's last period ends on or before ``Day/latest``.
    func checkForecastHorizon(asOf: Day, granularity: ForecastGranularity, periods: Int,
                              _ head: ForecastHeadSyntax) throws(QueryDiagnostic) {
        let end = switch granularity {
        case .weekly: asOf.startOfWeek.adding(days: 7 * periods - 1)
        case .monthly: asOf.startOfMonth.adding(months: periods).adding(days: -1)
        }
        guard !end.isSupported else { return }
        throw QueryDiagnostic(.invalidTimeRange,
                              "expected a forecast ending by \(Day.latest.iso), the last supported date, found \(quoted(head.periods)) \(head.unit.text) that run past it",
                              at: head.periods.span.through(head.unit.span), help: "forecast fewer \(head.unit.text), or as of an earlier date")
    }

    /// Every period `(a, d]` a metric covers starts on or after the day before ``Day/earliest``.
    func checkPeriods(_ statement: MetricStatement, calls: [CallSyntax], overLast: OverLastSyntax?) throws(QueryDiagnostic) {
        guard let first = statement.query.dates.min() else { return }
        for (k, request) in statement.query.metrics.enumerated() {
            guard let period = request.period, period.start(endingOn: first) < Day.earliest.adding(days: -1) else { continue }
            let argument = k < calls.count ? calls[k].arguments.first { $0.name.lowercased == "period" } : nil
            let span = argument?.value.span ?? overLast?.span ?? (k < calls.count ? calls[k].span : SourceSpan(start: 0, end: 0))
            throw QueryDiagnostic(.invalidTimeRange,
                                  "expected a period starting on or after \(Day.earliest.iso), the first supported date, found \(period) before \(first.iso)",
                                  at: span, help: "use a shorter period, or a later date")
        }
    }
}
