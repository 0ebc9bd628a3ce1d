import ARCore
import ARMetrics

/// Compiles a metric query to one SQL query over the interchange tables of a snapshot: a second,
/// independent path to the figures of metrics.md, exact to the minor unit.
///
/// The query reads the tables as `entities`, `customers`, `invoices`, `payments`, `disputes`,
/// `promises`, `write_offs`, `fx_rates` (as a SQLite snapshot file holds them, every value read
/// as the text of the files) and returns one row per group: the dimension keys in the order
/// asked, then the date (`YYYY-MM-DD`) when the query has several dates, then one column per
/// metric, `aging` expanding to one column per bucket. docs/sql.md describes the layout.
///
/// ```swift
/// let context = try SQLSnapshotContext.read(from: file)
/// let sql = try SQLCompiler.compile(MetricQuery(metrics: [.init(.ar)], dimensions: [.entity],
///                                               dates: [context.asOf]), snapshot: context)
/// let rows = try SQLCompiler.run(sql, on: file)
/// ```
public enum SQLCompiler {
    /// The SQLite query computing `query`.
    /// - Throws: ``SQLCompileError`` for a query the snapshot cannot answer (an unknown extra
    ///   column, a date after its `as_of`).
    public static func compile(_ query: MetricQuery, snapshot: SQLSnapshotContext) throws -> String {
        try compile(query, snapshot: snapshot, dialect: SQLiteDialect())
    }

    /// The query in another engine's dialect.
    public static func compile(_ query: MetricQuery, snapshot: SQLSnapshotContext, dialect: some SQLDialect) throws -> String {
        var builder = try SQLQueryBuilder(query: query, snapshot: snapshot, dialect: dialect)
        return try builder.build()
    }
}

extension SQLQueryBuilder {
    /// Writes every CTE and the final select.
    mutating func build() throws(SQLCompileError) -> String {
        let (documentExtras, customerExtras) = try extraColumns()
        let filter = query.filter.map(condition) ?? "1"
        let ceiPeriods = query.metrics.filter { $0.kind == .cei || $0.kind == .collectionsRate }.map { $0.effectivePeriod ?? .months(1) }
        addConstants(extraEvaluationStarts: ceiPeriods)
        try addPerimeter()
        addRates()
        addDocuments(documentExtras: documentExtras)
        let promises = query.metrics.contains { $0.kind == .promiseKeptRate }
        if promises { addPromises() }
        addRateLookups(fixedCurrencies: query.metrics.compactMap { request in
            request.kind == .penalties && request.penalties.fixedCurrency != target ? request.penalties.fixedCurrency : nil
        }, promises: promises, disputeOpenings: query.metrics.contains { $0.kind == .disputedOpened })
        addClearingDates()
        addRawItems(documentExtras: documentExtras)
        addState(customerExtras: customerExtras)
        add("perim", "SELECT * FROM state WHERE \(filter)")
        add("items", "SELECT * FROM perim WHERE open_src <> 0")
        if promises { addPromiseCustomers(filter: filter, documentExtras: documentExtras, customerExtras: customerExtras) }
        var outputs: [(name: String, expression: String)] = []
        for (index, request) in query.metrics.enumerated() {
            if request.kind == .dso, request.dsoMethod == .countback {
                addCountBack(index: index)
                outputs.append((columnName(request), "m\(index).p0"))
            } else {
                let plan = try plan(request)
                add("m\(index)", metricCTE(plan))
                outputs += plan.outputs.map { ($0.name, $0.expression.replacingOccurrences(of: "$m", with: "m\(index)")) }
            }
        }
        addGroups()
        return render(finalSelect(outputs))
    }

    /// `SELECT g…, k, agg(p0), … FROM (part UNION ALL part …) GROUP BY g…, k`.
    private func metricCTE(_ plan: SQLMetricPlan) -> String {
        let parts = plan.parts.map { part in
            let keys = part.keys.enumerated().map { "\($0.element) AS g\($0.offset), " }.joined()
            let values = part.values.enumerated().map { "\($0.element ?? "NULL") AS p\($0.offset)" }
            return "SELECT \(keys)dt.k AS k, \(values.joined(separator: ", ")) FROM \(part.from)"
        }
        let aggregates = plan.aggregates.enumerated().map { index, aggregate in
            switch aggregate {
            case .sum: "sum(p\(index)) AS p\(index)"
            case .countDistinct: "count(DISTINCT p\(index)) AS p\(index)"
            }
        }
        let group = keyNames.map { $0 + ", " }.joined()
        return "SELECT \(group)k, \(aggregates.joined(separator: ", ")) FROM (\(parts.joined(separator: " UNION ALL "))) GROUP BY \(group)k"
    }

    /// `grp`: every group key and date that any metric produced (every date when there are no dimensions).
    private mutating func addGroups() {
        guard !keyNames.isEmpty else { return add("grp", "SELECT k FROM dates") }
        let list = (keyNames + ["k"]).joined(separator: ", ")
        add("grp", query.metrics.indices.map { "SELECT \(list) FROM m\($0)" }.joined(separator: " UNION "))
    }

    private func finalSelect(_ outputs: [(name: String, expression: String)]) -> String {
        var columns = zip(keyNames, query.dimensions).map { "grp.\($0) AS \(dialect.identifier($1.name))" }
        if isSeries { columns.append("dt.d AS \"date\"") }
        columns += outputs.map { "\($0.expression) AS \(dialect.identifier($0.name))" }
        let joins = query.metrics.indices.map { "LEFT JOIN m\($0) ON \(keysMatch("m\($0)", "grp"))" }
        let order = (zip(keyNames, query.dimensions).flatMap { sortKeys("grp.\($0)", $1) } + ["grp.k"]).joined(separator: ", ")
        return "SELECT \(columns.joined(separator: ",\n  "))\nFROM grp JOIN dates dt ON dt.k = grp.k\n"
            + joins.joined(separator: "\n") + "\nORDER BY \(order)"
    }

    /// Missing values last; buckets in bucket order, everything else as text.
    private func sortKeys(_ key: String, _ dimension: Dimension) -> [String] {
        guard dimension == .bucket else { return ["\(key) IS NULL", key] }
        let names = bucketSpec.bucketNames
        let index = names.enumerated().map { "WHEN \(dialect.literal($0.element)) THEN \($0.offset)" }.joined(separator: " ")
        return ["\(key) IS NULL", "CASE \(key) \(index) END"]
    }

    private func render(_ select: String) -> String {
        let ctes = ctes.map { cte in
            "\(cte.name) AS \(cte.materialized ? dialect.materialized + " " : "")(\n\(cte.body)\n)"
        }
        return "WITH RECURSIVE\n" + ctes.joined(separator: ",\n") + "\n" + select
    }
}
