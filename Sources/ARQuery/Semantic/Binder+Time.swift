import ARCore
import ARMetrics

/// Time clauses: `as of`, series (`monthly from … to …`) and `over last`, and durations.
extension Binder {
    /// The most dates a series may have.
    static let maximumSeriesLength = 3660

    /// The as-of dates of a statement: one, or a series in increasing order.
    func dates(_ clauses: ClausesSyntax) throws(QueryDiagnostic) -> [Day] {
        if let series = clauses.series {
            if let asOf = clauses.asOf {
                throw QueryDiagnostic(.invalidTimeRange, "expected either 'as of' or a series, found both",
                                      at: asOf.span, help: "a series gives its own dates; drop 'as of'")
            }
            return try seriesDates(series)
        }
        return [try clauses.asOf.map { (v) throws(QueryDiagnostic) in try date(v) } ?? catalog.asOf]
    }

    /// `monthly from A to B`: A, A + 1 month, … up to B, with clamped month arithmetic counted
    /// from A (so 01-31 gives 02-28, 03-31); when A is a month end, every date is a month end.
    func seriesDates(_ series: SeriesSyntax) throws(QueryDiagnostic) -> [Day] {
        let from = try date(series.from)
        let to = try date(series.to)
        guard from <= to else {
            throw QueryDiagnostic(.invalidTimeRange, "expected a 'to' date on or after \(from.iso), found \(quoted(series.to))",
                                  at: series.to.span)
        }
        var dates: [Day] = []
        var step = 0
        while true {
            let day = seriesDay(series, from: from, step: step)
            if day > to { return dates }
            dates.append(day)
            step += 1
            if dates.count > Binder.maximumSeriesLength {
                throw QueryDiagnostic(.invalidTimeRange, "expected at most \(Binder.maximumSeriesLength) dates in a series, found more",
                                      at: series.granularity.span.through(series.to.span),
                                      help: "use a coarser step or a shorter range")
            }
        }
    }

    /// Date `step` of a series starting at `from` (step 0 is `from`).
    func seriesDay(_ series: SeriesSyntax, from: Day, step: Int) -> Day {
        let monthEnds = from == from.endOfMonth
        switch series.granularity.text {
        case "daily": return from.adding(days: step)
        case "weekly": return from.adding(days: 7 * step)
        case "monthly": return monthEnds ? from.adding(months: step).endOfMonth : from.adding(months: step)
        default: return monthEnds ? from.adding(months: 3 * step).endOfMonth : from.adding(months: 3 * step)
        }
    }

    /// `90 days`, `3 months`, `2 weeks` (14 days), `1 year` (12 months).
    func period(_ value: ValueSyntax) throws(QueryDiagnostic) -> PeriodLength {
        guard case let .duration(amount, unit) = value.kind else {
            throw mismatch(value, expected: "a period such as '90 days' or '3 months'")
        }
        return try period(amount: amount, unit: unit)
    }

    func period(amount: ValueSyntax, unit: NameSyntax) throws(QueryDiagnostic) -> PeriodLength {
        switch unit.text {
        case "day", "days": return .days(try integer(amount, in: 1...36_600, what: "a number of days"))
        case "week", "weeks": return .days(7 * (try integer(amount, in: 1...5_200, what: "a number of weeks")))
        case "month", "months": return .months(try integer(amount, in: 1...1_200, what: "a number of months"))
        default: return .months(12 * (try integer(amount, in: 1...100, what: "a number of years")))
        }
    }

    /// A number of days: `3 days` or `3`.
    func days(_ value: ValueSyntax, in range: ClosedRange<Int>) throws(QueryDiagnostic) -> Int {
        if case let .duration(amount, unit) = value.kind {
            guard unit.text == "day" || unit.text == "days" else {
                throw mismatch(value, expected: "a number of days such as '3 days'")
            }
            return try integer(amount, in: range, what: "a number of days")
        }
        return try integer(value, in: range, what: "a number of days")
    }
}
