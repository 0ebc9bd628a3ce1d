import ARMetrics

/// The steps after the metric engine: `having`, `order by`, `limit`, then dropping the hidden
/// metrics that only `having` or `order by` needed.
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
        let expectedColumns = statement.query.metrics.reduce(0) { $0 + $1.columnCount }
        guard table.columns.count == expectedColumns,
              table.rows.allSatisfy({ $0.values.count == expectedColumns && $0.keys.count == table.dimensions.count })
        else {
            throw QueryDiagnostic.internalError("the engine returned \(table.columns.count) columns for \(expectedColumns) asked")
        }
        var result = table
        if let having = statement.having {
            let evaluator = HavingEvaluator(statement: statement)
            result.rows = result.rows.filter { evaluator.holds(having, on: $0) }
        }
        result.rows = RowSorter(statement: statement).sorted(result.rows)
        if let limit = statement.limit { result.rows = limited(result.rows, to: limit) }
        let shown = statement.shownColumnCount
        if shown < expectedColumns {
            result.columns = Array(result.columns[..<shown])
            for i in result.rows.indices { result.rows[i].values.removeSubrange(shown...) }
        }
        return result
    }

    /// The first `limit` rows, or of each date's rows in a series (rows are grouped by date then).
    private func limited(_ rows: [MetricTable.Row], to limit: Int) -> [MetricTable.Row] {
        guard statement.query.dates.count > 1 else { return Array(rows.prefix(limit)) }
        var kept: [MetricTable.Row] = []
        var perDate: [Int32: Int] = [:]
        for row in rows {
            let n = perDate[row.date.rawValue, default: 0]
            if n < limit { kept.append(row) }
            perDate[row.date.rawValue] = n + 1
        }
        return kept
    }
}
