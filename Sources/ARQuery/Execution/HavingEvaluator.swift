import ARMetrics

/// Evaluates a ``HavingPredicate`` on a row of a ``MetricTable``. A missing value (a ratio over
/// nothing) satisfies no comparison, so `having dso > 30` drops rows without a DSO.
struct HavingEvaluator {
    /// The table column of each metric (metrics in `having` are never `aging`, so one column each).
    private let columnOfMetric: [Int]

    init(statement: MetricStatement) {
        columnOfMetric = statement.query.metrics.indices.map { statement.columns(ofMetric: $0).lowerBound }
    }

    func holds(_ predicate: HavingPredicate, on row: MetricTable.Row) -> Bool {
        switch predicate {
        case let .compare(metric, op, threshold):
            guard let order = HavingEvaluator.compare(row.values[columnOfMetric[metric]], threshold) else { return false }
            return op.accepts(order)
        case let .and(a, b): return holds(a, on: row) && holds(b, on: row)
        case let .or(a, b): return holds(a, on: row) || holds(b, on: row)
        case let .not(inner): return !holds(inner, on: row)
        }
    }

    /// The order of `value` relative to `threshold`: -1, 0 or 1; `nil` when missing or not comparable.
    static func compare(_ value: MetricValue, _ threshold: HavingThreshold) -> Int? {
        switch (value, threshold) {
        case let (.money(m), .minorUnits(t)): sign(m, t)
        case let (.count(n), .integer(t)): sign(Int64(n), t)
        case let (.ratio(x), .number(t)), let (.days(x), .number(t)), let (.percent(x), .number(t)):
            x.isNaN ? nil : sign(x, t)
        default: nil
        }
    }

    private static func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a == b ? 0 : 1 }
}

extension ComparisonOperator {
    /// Whether an order (-1, 0, 1 of left against right) satisfies the operator.
    func accepts(_ order: Int) -> Bool {
        switch self {
        case .eq: order == 0
        case .ne: order != 0
        case .lt: order < 0
        case .le: order <= 0
        case .gt: order > 0
        case .ge: order >= 0
        }
    }
}
