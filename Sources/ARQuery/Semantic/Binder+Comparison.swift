import ARCore
import ARMetrics

/// `compare previous month`, `year to date` and `top N`: clauses that read like a credit
/// manager's month-end questions and bind to the statement's existing parts.
extension Binder {
    /// The period `over last N units` or `year|quarter|month to date` gives every period metric
    /// without its own `period:`; `nil` without either.
    func defaultPeriod(_ clauses: ClausesSyntax, dates: [Day]) throws(QueryDiagnostic) -> PeriodLength? {
        if let overLast = clauses.overLast {
            if let toDate = clauses.toDate {
                throw QueryDiagnostic(.duplicateClause, "expected one period, found 'over last' and '\(toDate.unit.rawValue) to date'",
                                      at: toDate.span, help: "keep one of the two")
            }
            return try period(amount: overLast.amount, unit: overLast.unit)
        }
        guard let toDate = clauses.toDate else { return nil }
        guard dates.count == 1 else {
            throw QueryDiagnostic(.invalidTimeRange, "expected a single as-of date with '\(toDate.unit.rawValue) to date', found a series",
                                  at: toDate.span, help: "a period to date starts at a different day for each date of a series; use 'over last' instead")
        }
        // (end of the previous unit, as-of]: January 1 to the as-of date for `year to date`.
        let start = Binder.endOfPrevious(toDate.unit, before: dates[0])
        return .days(max(1, dates[0].days(since: start)))
    }

    /// `top N`: the N rows with the largest first metric (`order by` it `desc`, `limit N`).
    func applyTop(_ top: ValueSyntax, _ clauses: ClausesSyntax, to statement: inout MetricStatement) throws(QueryDiagnostic) {
        if let other = ["order by", "limit"].first(where: { clauses.keywords[$0] != nil }) {
            throw QueryDiagnostic(.duplicateClause, "expected either 'top' or '\(other)', found both", at: clauses.keywords[other]!,
                                  help: "'top N' is 'order by <first metric> desc limit N'")
        }
        guard statement.query.metrics.first.map({ $0.kind != .aging }) ?? false else {
            throw QueryDiagnostic(.notAScalar, "expected a first metric with one value for 'top', found 'aging'", at: top.span,
                                  help: "put a single-valued metric first, e.g. 'overdue, aging by customer top 10'")
        }
        statement.order = [.metric(0, descending: true)]
        statement.limit = try integer(top, in: 0...1_000_000_000, what: "a row count")
    }

    /// `compare previous month|quarter|year` on a single date.
    func comparison(_ compare: UnitClauseSyntax, _ clauses: ClausesSyntax, dates: [Day]) throws(QueryDiagnostic) -> Comparison {
        guard dates.count == 1 else {
            throw QueryDiagnostic(.invalidTimeRange, "expected a single as-of date with 'compare', found a series", at: compare.span,
                                  help: "a series already shows every date; compare one date, e.g. 'ar by entity compare previous month'")
        }
        if let project = clauses.keywords["project"] {
            throw QueryDiagnostic(.unsupportedClause, "expected no 'project' with 'compare', found one", at: project)
        }
        return Comparison(unit: compare.unit.rawValue, previous: Binder.moved(dates[0], by: -1, compare.unit))
    }
}
