import ARMetrics
import ARSQL
import ARStore

/// `explain sql`: the SQLite query, over the interchange tables, that computes the same figures.
/// A series answered by several snapshots gives one query per snapshot, each headed by a comment
/// naming the snapshot and its dates.
enum SQLExplainer {
    static func sql(for statement: BoundStatement, plan: PhysicalPlan, runner: QueryRunner) throws -> String {
        guard case let .metrics(s) = statement else {
            throw MetricError(code: "bad_query", message: "explain sql covers metric statements, not items or forecasts: explain the plan instead (explain QUERY)")
        }
        if let provided = s.query.metrics.first(where: { $0.provided != nil }) {
            throw MetricError(code: "bad_query", message: "explain sql does not cover '\(provided.metricName)', computed beside the engine: explain the plan instead (explain QUERY)")
        }
        if s.projection != nil {
            throw MetricError(code: "bad_query", message: "explain sql does not cover 'project': drop the clause to see the SQL of the series")
        }
        let parts = aggregates(in: plan)
        return try parts.map { scan, query in
            let ledger = try runner.engine(for: scan.snapshot, perimeter: scan.perimeter).ledger
            let sql = try SQLCompiler.compile(query, snapshot: context(ledger, perimeter: scan.perimeter))
            guard parts.count > 1 else { return sql + "\n" }
            return "-- snapshot \(scan.snapshot.id): \(PlanLabels.dates(scan.dates))\n" + sql + "\n"
        }.joined(separator: "\n")
    }

    private static func aggregates(in plan: PhysicalPlan) -> [(SnapshotScan, MetricQuery)] {
        if case let .aggregate(scan, query, _) = plan { return [(scan, query)] }
        return plan.inputs.flatMap(aggregates)
    }

    /// What the SQL needs to know of the snapshot: dates, currencies and the extra columns.
    static func context(_ ledger: Ledger, perimeter: Perimeter = .everything) -> SQLSnapshotContext {
        var columns = SQLSnapshotContext.standardColumns
        columns["invoices", default: []] += ledger.documents.extras.names
        columns["customers", default: []] += ledger.customers.extras.names
        return SQLSnapshotContext(asOf: ledger.snapshot.asOf, reportingCurrency: ledger.snapshot.reportingCurrency,
                                  currencies: ledger.currencies, columns: columns, perimeter: perimeter)
    }
}
