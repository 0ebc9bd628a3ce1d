import ARMetrics

/// The steps after the metric engine: `having`, `order by`, `limit`, then dropping the hidden
/// metrics that only `having` or `order by` needed. ``PlanExecutor`` applies each as its plan
/// node comes; ``finish(_:)`` applies them all.
///
/// ```swift
/// let table = try engine.run(statement.query)
/// let shown = try MetricStatementExecutor(statement: statement).finish(table)
/// ```
///
/// In a series (several dates) rows stay grouped by date unless `order by date` says otherwise,
/// and `limit N` keeps N rows per date (the top N of each month).
public struct MetricStatementExecutor: Sendable {
    public let statement: MetricStatement

    public init(statement: MetricStatement) {
        self.statement = statement
    }

    /// Applies the statement's post-aggregation steps to the engine's table.
    ///
    /// - Throws: ``QueryDiagnostic`` with code `Q9001` when the table does not have the columns the
    ///   query asked for (an engine bug).
    public func finish(_ table: MetricTable) throws -> MetricTable {
        try finishTyped(table)
    }

    func finishTyped(_ table: MetricTable) throws(QueryDiagnostic) -> MetricTable {
        var result = try checked(table)
        if let having = statement.having { result = filtered(result, by: having) }
        result = sorted(result, by: statement.order)
        if let limit = statement.limit { result = limited(result, to: limit) }
        return projected(result, shown: statement.shownMetricCount)
    }

    /// The table, after checking it has the columns the query asked for.
    func checked(_ table: MetricTable) throws(QueryDiagnostic) -> MetricTable {
        let expectedColumns = statement.query.metrics.reduce(0) { $0 + $1.columnCount }
        guard table.columns.count == expectedColumns,
              table.rows.allSatisfy({ $0.values.count == expectedColumns && $0.keys.count == table.dimensions.count })
        else {
            throw QueryDiagnostic.internalError("the engine returned \(table.columns.count) columns for \(expectedColumns) asked")
        }
        return table
    }

    /// The rows where `having` holds.
    func filtered(_ table: MetricTable, by having: HavingPredicate) -> MetricTable {
        let evaluator = HavingEvaluator(statement: statement)
        var result = table
        result.rows = table.rows.filter { evaluator.holds(having, on: $0) }
        return result
    }

    /// The rows in `order by` order (by date first in a series, unless a key names the date).
    func sorted(_ table: MetricTable, by keys: [SortKey]) -> MetricTable {
        var ordering = statement
        ordering.order = keys
        var result = table
        result.rows = RowSorter(statement: ordering).sorted(table.rows)
        return result
    }

    /// The first `limit` rows, or of each date's rows in a series (rows are grouped by date then).
    func limited(_ table: MetricTable, to limit: Int) -> MetricTable {
        var result = table
        guard statement.query.dates.count > 1 else {
            result.rows = Array(table.rows.prefix(limit))
            return result
        }
        var perDate: [Int32: Int] = [:]
        result.rows = table.rows.filter { row in
            let n = perDate[row.date.rawValue, default: 0]
            perDate[row.date.rawValue] = n + 1
            return n < limit
        }
        return result
    }

    /// The table with only the columns of the first `shown` metrics.
    func projected(_ table: MetricTable, shown: Int) -> MetricTable {
        let columns = statement.query.metrics[..<min(shown, statement.query.metrics.count)].reduce(0) { $0 + $1.columnCount }
        guard columns < table.columns.count else { return table }
        var result = table
        result.columns = Array(table.columns[..<columns])
        for i in result.rows.indices { result.rows[i].values.removeSubrange(columns...) }
        return result
    }
}
