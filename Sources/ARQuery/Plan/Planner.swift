import ARCore
import ARMetrics

/// Builds the ``LogicalPlan`` of a bound statement: Scan → Filter → Aggregate → Having → Sort →
/// Limit → Project → Chart for metrics.
public struct Planner: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The plan of `statement`; an `explain` is planned as the statement it explains.
    public func plan(_ statement: BoundStatement) -> LogicalPlan {
        switch statement {
        case let .metrics(s): plan(s)
        case let .items(s): plan(s)
        case let .forecast(f, chart): chart.map { .chart($0, plan(f)) } ?? plan(f)
        case let .explain(inner, _): plan(inner)
        }
    }

    private func scan(_ dates: [Day], _ currency: Currency?, filter: ItemPredicate?) -> LogicalPlan {
        let scan = LogicalPlan.scan(dates: dates, currency: currency ?? catalog.reportingCurrency)
        return filter.map { .filter($0, scan) } ?? scan
    }

    func plan(_ statement: MetricStatement) -> LogicalPlan {
        let query = statement.query
        let currency = query.currency ?? catalog.reportingCurrency
        let names = query.metrics.map(\.arqlText)
        var plan = LogicalPlan.aggregate(metrics: names, dimensions: query.dimensions.map(\.name),
                                         scan(query.dates, query.currency, filter: query.filter))
        if let having = statement.having {
            plan = .having(text(of: having, names: names, currency: currency), plan)
        }
        if !statement.order.isEmpty {
            let keys = statement.order.map { key -> String in
                switch key {
                case let .metric(i, d): names[i] + (d ? " desc" : "")
                case let .dimension(i, d): query.dimensions[i].name + (d ? " desc" : "")
                case let .date(d): "date" + (d ? " desc" : "")
                }
            }
            plan = .sort(keys, plan)
        }
        if let limit = statement.limit { plan = .limit(limit, perDate: query.dates.count > 1, plan) }
        if statement.shownMetricCount < query.metrics.count {
            plan = .project(Array(names[..<statement.shownMetricCount]), plan)
        }
        if let projection = statement.projection, let last = projection.dates.last {
            plan = .trend(metrics: names, periods: projection.dates.count, unit: projection.unit, through: last, plan)
        }
        if let chart = statement.chart { plan = .chart(chart, plan) }
        return plan
    }

    func plan(_ statement: ItemsStatement) -> LogicalPlan {
        let keys = statement.order.map { "\($0.column)" + ($0.descending ? " desc" : "") }
        return .openItems(sort: keys, limit: statement.limit, scan([statement.asOf], statement.currency, filter: statement.filter))
    }

    func plan(_ request: ForecastQuery) -> LogicalPlan {
        .forecast(request.granularity, periods: request.periods, dimensions: request.dimensions.map(\.name),
                  scan([request.asOf], request.currency, filter: request.filter))
    }

    private func text(of having: HavingPredicate, names: [String], currency: Currency) -> String {
        switch having {
        case let .compare(i, op, threshold):
            let value = switch threshold {
            case let .minorUnits(m): MinorUnits.format(m, digits: currency.minorDigits)
            case let .integer(n): String(n)
            case let .number(x): String(x)
            }
            return "\(names[i]) \(op.rawValue) \(value)"
        case let .and(a, b):
            return "(\(text(of: a, names: names, currency: currency)) and \(text(of: b, names: names, currency: currency)))"
        case let .or(a, b):
            return "(\(text(of: a, names: names, currency: currency)) or \(text(of: b, names: names, currency: currency)))"
        case let .not(inner): return "not \(text(of: inner, names: names, currency: currency))"
        }
    }
}
