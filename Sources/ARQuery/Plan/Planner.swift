import ARCore
import ARMetrics

/// Builds the ``LogicalPlan`` of a bound statement: Scan → Filter → Aggregate → Having → Sort →
/// Limit → Project → Trend → Chart for metrics; Scan → Filter → OpenItems for `items`;
/// Scan → Filter → Forecast for forecasts.
public struct Planner: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The plan of `statement`; an `explain` is planned as the statement it explains.
    public func plan(_ statement: BoundStatement) -> LogicalPlan {
        switch statement {
        case let .metrics(s): plan(s)
        case let .items(s): .openItems(order: s.order, limit: s.limit, scan([s.asOf], s.currency, filter: s.filter))
        case let .forecast(f): .forecast(f, scan([f.asOf], f.currency, filter: f.filter))
        case let .explain(inner, _): plan(inner)
        }
    }

    private func scan(_ dates: [Day], _ currency: Currency?, filter: ItemPredicate?) -> LogicalPlan {
        let scan = LogicalPlan.scan(dates: dates, currency: currency)
        return filter.map { .filter($0, scan) } ?? scan
    }

    func plan(_ statement: MetricStatement) -> LogicalPlan {
        let query = statement.query
        var plan = LogicalPlan.aggregate(metrics: query.metrics, dimensions: query.dimensions,
                                         scan(query.dates, query.currency, filter: query.filter))
        if let having = statement.having { plan = .having(having, plan) }
        // A series is shown grouped by date unless `order by` names the date: a sort even without keys.
        if !statement.order.isEmpty || query.dates.count > 1 { plan = .sort(statement.order, plan) }
        if let limit = statement.limit { plan = .limit(limit, perDate: query.dates.count > 1, plan) }
        if statement.shownMetricCount < query.metrics.count { plan = .project(shown: statement.shownMetricCount, plan) }
        if let comparison = statement.comparison { plan = .compare(comparison, plan) }
        if let projection = statement.projection { plan = .trend(projection, plan) }
        if let chart = statement.chart { plan = .chart(chart, plan) }
        return plan
    }
}
