import ARCore
import ARMetrics
import ARStore

/// Executes a ``PhysicalPlan`` node by node: the engine of each scanned snapshot computes its
/// part, merges join the parts of a series, and the steps above apply in the plan's order.
struct PlanExecutor {
    let runner: QueryRunner
    let options: QueryOptions
    /// The metric statement the plan comes from (column layout for `having` and `order by`).
    let statement: MetricStatement?

    /// The plan's result, with the snapshots and perimeter it was read from.
    func outcome(_ plan: PhysicalPlan) throws -> QueryOutcome {
        let context = ResultContext(snapshots: plan.scans.map { scan in
            ResultContext.SnapshotUse(id: scan.snapshot.id, asOf: scan.snapshot.asOf, dates: scan.dates)
        }, perimeter: options.perimeter)
        var (result, chart, table) = try evaluate(plan)
        if result.columns.contains(where: { $0.name == "customer" }), !result.columns.contains(where: { $0.name == "customer_name" }),
           let scan = plan.scans.last {
            let key = EngineCache.Key(snapshotID: scan.snapshot.id, perimeter: scan.perimeter)
            result = result.withCustomerNames(runner.customerNames.names(of: try engine(scan), key: key))
        }
        result.context = context
        result.context.warnings = try ResultWarnings(engine: engine).warnings(
            for: plan, filter: statement?.query.filter ?? Self.filter(of: plan), metrics: statement?.query.metrics ?? [],
            isForecast: Self.isForecast(plan))
        return .table(result, chart: chart, metrics: table)
    }

    private func evaluate(_ plan: PhysicalPlan) throws -> (ResultSet, ChartSpec?, MetricTable?) {
        switch plan {
        case let .chart(spec, input):
            let (result, _, table) = try evaluate(input)
            return (result, spec, table)
        case let .trend(projection, input):
            let table = try metricTable(input)
            let dates = input.scans.flatMap(\.dates)
            return (TrendProjector(projection: projection, engine: runner.engine).result(table, seriesDates: dates), nil, nil)
        case let .openItems(scan, items):
            return (try OpenItemsExecutor(engine: engine(scan)).run(items), nil, nil)
        case let .forecast(scan, query):
            return (ResultSet(try engine(scan).forecast(query)), nil, nil)
        case let .compare(_, current, previous):
            let table = try metricTable(current)
            return (ComparisonJoin(current: table, previous: try metricTable(previous)).result(), nil, table)
        default:
            let table = try metricTable(plan)
            return (ResultSet(table), nil, table)
        }
    }

    /// The metric table a metrics node produces.
    private func metricTable(_ plan: PhysicalPlan) throws -> MetricTable {
        guard let statement else { throw QueryDiagnostic.internalError("a metrics step outside a metrics statement") }
        let steps = MetricStatementExecutor(statement: statement)
        switch plan {
        case let .aggregate(scan, query, strategy):
            return try steps.checked(runner.aggregate(query, on: engine(scan), strategy: strategy))
        case let .merge(parts):
            let bucketSpec = statement.query.metrics.first { $0.kind == .aging }?.aging ?? .standard
            return MetricTable.merged(try parts.map(metricTable), bucketNames: bucketSpec.bucketNames)
        case let .having(predicate, input): return steps.filtered(try metricTable(input), by: predicate)
        case let .sort(keys, input): return steps.sorted(try metricTable(input), by: keys)
        case let .limit(count, _, input): return steps.limited(try metricTable(input), to: count)
        case let .project(shown, input): return steps.projected(try metricTable(input), shown: shown)
        case .chart, .trend, .openItems, .forecast, .compare:
            throw QueryDiagnostic.internalError("a plan step that yields no metric table under a metric step")
        }
    }

    private static func filter(of plan: PhysicalPlan) -> ItemPredicate? {
        switch plan {
        case let .openItems(_, items): items.filter
        case let .forecast(_, query): query.filter
        default: plan.inputs.lazy.compactMap(filter(of:)).first
        }
    }

    private static func isForecast(_ plan: PhysicalPlan) -> Bool {
        if case .forecast = plan { return true }
        return false
    }

    private func engine(_ scan: SnapshotScan) throws -> MetricEngine {
        try runner.engine(for: scan.snapshot, perimeter: scan.perimeter, cancellation: options.cancellation)
    }
}
