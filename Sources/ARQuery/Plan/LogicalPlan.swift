import ARCore
import ARMetrics

/// What a statement computes, independent of the data it will run on: each node reads the one
/// below. ``PhysicalPlanner`` turns it into the ``PhysicalPlan`` that runs (which snapshot
/// answers each date, which evaluation strategy).
///
/// Nodes are typed: predicates are bound ``ItemPredicate`` and ``HavingPredicate`` values, sort
/// keys are ``SortKey`` and ``ItemSortKey``. Their ARQL text is made only for `explain`.
public indirect enum LogicalPlan: Sendable, Hashable {
    /// The ledger's items and flows at the dates; `currency` `nil` is the snapshot's reporting currency.
    case scan(dates: [Day], currency: Currency?)
    case filter(ItemPredicate, LogicalPlan)
    /// The metric engine's step: one row per dimension combination (and date).
    case aggregate(metrics: [MetricRequest], dimensions: [Dimension], LogicalPlan)
    case having(HavingPredicate, LogicalPlan)
    case sort([SortKey], LogicalPlan)
    /// `perDate`: a series keeps `count` rows per date.
    case limit(Int, perDate: Bool, LogicalPlan)
    /// Keeps the first `shown` metrics, dropping those only `having` or `order by` needed.
    case project(shown: Int, LogicalPlan)
    case chart(ChartSpec, LogicalPlan)
    /// The open items themselves (`items`), sorted and limited.
    case openItems(order: [ItemSortKey], limit: Int?, LogicalPlan)
    /// The cash forecast; its dates and filter are also in the nodes below.
    case forecast(ForecastQuery, LogicalPlan)
    /// `project N months`: each group's series extended by Holt's linear trend.
    case trend(TrendProjection, LogicalPlan)
    /// `compare previous month`: the figures below beside the same figures at an earlier date.
    case compare(Comparison, LogicalPlan)

    /// The node this one reads, if any.
    public var input: LogicalPlan? {
        switch self {
        case .scan: nil
        case let .filter(_, i), let .aggregate(_, _, i), let .having(_, i), let .sort(_, i), let .limit(_, _, i),
             let .project(_, i), let .chart(_, i), let .openItems(_, _, i), let .forecast(_, i), let .trend(_, i),
             let .compare(_, i): i
        }
    }

    /// The plan as an indented tree, root first.
    public var explained: String {
        let labels = PlanLabels(self)
        var lines: [String] = []
        var node: LogicalPlan? = self
        var indent = ""
        while let current = node {
            lines.append(indent + labels.caption(current))
            node = current.input
            indent += "  "
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The names `explain` prints for a plan's metric indexes and money thresholds.
struct PlanLabels {
    var metricNames: [String] = []
    var dimensionNames: [String] = []
    /// The currency of the scan, `nil` for the snapshot's reporting currency.
    var currency: Currency?

    init(_ plan: LogicalPlan) {
        var node: LogicalPlan? = plan
        while let current = node {
            if case let .aggregate(metrics, dimensions, _) = current {
                metricNames = metrics.map(\.arqlText)
                dimensionNames = dimensions.map(\.name)
            }
            if case let .scan(_, currency) = current { self.currency = currency }
            node = current.input
        }
    }

    init(metrics: [MetricRequest], dimensions: [Dimension], currency: Currency?) {
        metricNames = metrics.map(\.arqlText)
        dimensionNames = dimensions.map(\.name)
        self.currency = currency
    }

    func caption(_ node: LogicalPlan) -> String {
        switch node {
        case let .scan(dates, currency): return "Scan ledger " + Self.dates(dates) + Self.currency(currency)
        case let .filter(predicate, _): return "Filter \(predicate.arqlText)"
        case let .aggregate(metrics, dimensions, _): return "Aggregate " + Self.aggregate(metrics, dimensions)
        case let .having(predicate, _): return "Having \(text(of: predicate))"
        case let .sort(keys, _): return "Sort \(text(of: keys))"
        case let .limit(count, perDate, _): return "Limit \(count)" + (perDate ? " per date" : "")
        case let .project(shown, _): return "Project \(metricNames.prefix(shown).joined(separator: ", "))"
        case let .chart(spec, _): return Self.chart(spec)
        case let .openItems(order, limit, _): return "OpenItems" + Self.items(order, limit)
        case let .forecast(query, _): return Self.forecast(query)
        case let .trend(projection, _): return trend(projection)
        case let .compare(comparison, _): return Self.compare(comparison)
        }
    }

    static func compare(_ comparison: Comparison) -> String {
        "Compare with previous \(comparison.unit) (\(comparison.previous.iso))"
    }

    static func dates(_ dates: [Day]) -> String {
        guard let first = dates.first, let last = dates.last else { return "at no date" }
        return dates.count == 1 ? "as of \(first.iso)" : "at \(dates.count) dates from \(first.iso) to \(last.iso)"
    }

    static func currency(_ currency: Currency?) -> String {
        currency.map { " in \($0.code)" } ?? " in the reporting currency"
    }

    static func aggregate(_ metrics: [MetricRequest], _ dimensions: [Dimension]) -> String {
        metrics.map(\.arqlText).joined(separator: ", ")
            + (dimensions.isEmpty ? "" : " by \(dimensions.map(\.name).joined(separator: ", "))")
    }

    static func chart(_ spec: ChartSpec) -> String {
        "Chart \(spec.kind?.rawValue ?? "auto")" + (spec.title.map { " title \(JSONText.quoted($0))" } ?? "")
    }

    static func items(_ order: [ItemSortKey], _ limit: Int?) -> String {
        (order.isEmpty ? "" : " sort " + order.map { "\($0.column)" + ($0.descending ? " desc" : "") }.joined(separator: ", "))
            + (limit.map { " limit \($0)" } ?? "")
    }

    static func forecast(_ query: ForecastQuery) -> String {
        "Forecast collections \(query.granularity.rawValue) next \(query.periods)"
            + (query.dimensions.isEmpty ? "" : " by \(query.dimensions.map(\.name).joined(separator: ", "))")
    }

    func trend(_ projection: TrendProjection) -> String {
        let through = projection.dates.last.map { " to \($0.iso)" } ?? ""
        return "Trend \(metricNames.joined(separator: ", ")) next \(projection.dates.count) \(projection.unit)\(through)"
            + " (Holt's linear smoothing, grid-searched weights, 80 % interval)"
    }

    func text(of keys: [SortKey]) -> String {
        guard !keys.isEmpty else { return "date" }
        return keys.map { key -> String in
            switch key {
            case let .metric(i, d): name(ofMetric: i) + (d ? " desc" : "")
            case let .dimension(i, d): (i < dimensionNames.count ? dimensionNames[i] : "dimension \(i)") + (d ? " desc" : "")
            case let .date(d): "date" + (d ? " desc" : "")
            }
        }.joined(separator: ", ")
    }

    func text(of having: HavingPredicate) -> String {
        switch having {
        case let .compare(i, op, threshold):
            let value = switch threshold {
            case let .minorUnits(m): MinorUnits.format(m, digits: (currency ?? .eur).minorDigits)
            case let .integer(n): String(n)
            case let .number(x): String(x)
            }
            return "\(name(ofMetric: i)) \(op.rawValue) \(value)"
        case let .and(a, b): return "(\(text(of: a)) and \(text(of: b)))"
        case let .or(a, b): return "(\(text(of: a)) or \(text(of: b)))"
        case let .not(inner): return "not \(text(of: inner))"
        }
    }

    private func name(ofMetric i: Int) -> String { i < metricNames.count ? metricNames[i] : "metric \(i)" }
}

extension LogicalPlan {
    /// The plan of the same figures at `day`, before `having`, `order by` and `limit` (the previous
    /// value of each group the current plan keeps).
    func previous(at day: Day) -> LogicalPlan {
        switch self {
        case let .having(_, input), let .sort(_, input), let .limit(_, _, input): return input.previous(at: day)
        case let .project(shown, input): return .project(shown: shown, input.previous(at: day))
        case let .aggregate(metrics, dimensions, input): return .aggregate(metrics: metrics, dimensions: dimensions, input.previous(at: day))
        case let .filter(predicate, input): return .filter(predicate, input.previous(at: day))
        case let .scan(_, currency): return .scan(dates: [day], currency: currency)
        default: return input?.previous(at: day) ?? self
        }
    }
}
