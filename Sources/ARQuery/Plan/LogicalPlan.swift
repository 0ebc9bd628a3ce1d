import ARCore
import ARMetrics

/// The logical plan of a statement, as `explain` prints it: each node reads the one below.
///
/// ```
/// Limit 10
///   Project aging(buckets: [30, 60, 90])
///     Sort overdue desc
///       Having overdue > 10000.00
///         Aggregate aging(buckets: [30, 60, 90]), overdue by customer
///           Filter region = "EMEA"
///             Scan open items as of 2026-09-30 in EUR
/// ```
public indirect enum LogicalPlan: Sendable, Hashable {
    /// The snapshot's items and flows at the dates.
    case scan(dates: [Day], currency: Currency)
    case filter(ItemPredicate, LogicalPlan)
    /// The metric engine's step: one row per dimension combination (and date).
    case aggregate(metrics: [String], dimensions: [String], LogicalPlan)
    /// The `having` condition, as text.
    case having(String, LogicalPlan)
    /// `order by` keys, as text.
    case sort([String], LogicalPlan)
    /// `perDate`: a series keeps `count` rows per date.
    case limit(Int, perDate: Bool, LogicalPlan)
    /// Keeps the shown metrics, dropping the hidden ones.
    case project([String], LogicalPlan)
    case chart(ChartSpec, LogicalPlan)
    /// The open items themselves (`items`), sorted and limited.
    case openItems(sort: [String], limit: Int?, LogicalPlan)
    case forecast(ForecastGranularity, periods: Int, dimensions: [String], LogicalPlan)
    /// `project N months`: each group's series extended by Holt's linear trend to the last date.
    case trend(metrics: [String], periods: Int, unit: String, through: Day, LogicalPlan)

    /// The plan as an indented tree, root first.
    public var explained: String {
        var lines: [String] = []
        var node: LogicalPlan? = self
        var indent = ""
        while let current = node {
            lines.append(indent + current.caption)
            node = current.input
            indent += "  "
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The node this one reads, if any.
    public var input: LogicalPlan? {
        switch self {
        case .scan: nil
        case let .filter(_, i), let .aggregate(_, _, i), let .having(_, i), let .sort(_, i), let .limit(_, _, i),
             let .project(_, i), let .chart(_, i), let .openItems(_, _, i), let .forecast(_, _, _, i),
             let .trend(_, _, _, _, i): i
        }
    }

    /// One line describing this node alone.
    public var caption: String {
        switch self {
        case let .scan(dates, currency):
            let when = dates.count == 1 ? "as of \(dates[0].iso)"
                : "at \(dates.count) dates from \(dates.first!.iso) to \(dates.last!.iso)"
            return "Scan ledger \(when) in \(currency.code)"
        case let .filter(predicate, _): return "Filter \(predicate.arqlText)"
        case let .aggregate(metrics, dimensions, _):
            return "Aggregate \(metrics.joined(separator: ", "))" + (dimensions.isEmpty ? "" : " by \(dimensions.joined(separator: ", "))")
        case let .having(text, _): return "Having \(text)"
        case let .sort(keys, _): return "Sort \(keys.joined(separator: ", "))"
        case let .limit(count, perDate, _): return "Limit \(count)" + (perDate ? " per date" : "")
        case let .project(columns, _): return "Project \(columns.joined(separator: ", "))"
        case let .chart(spec, _):
            return "Chart \(spec.kind?.rawValue ?? "auto")" + (spec.title.map { " title \(JSONText.quoted($0))" } ?? "")
        case let .openItems(sort, limit, _):
            return "OpenItems" + (sort.isEmpty ? "" : " sort \(sort.joined(separator: ", "))") + (limit.map { " limit \($0)" } ?? "")
        case let .forecast(granularity, periods, dimensions, _):
            return "Forecast collections \(granularity.rawValue) next \(periods)"
                + (dimensions.isEmpty ? "" : " by \(dimensions.joined(separator: ", "))")
        case let .trend(metrics, periods, unit, through, _):
            return "Trend \(metrics.joined(separator: ", ")) next \(periods) \(unit) to \(through.iso)"
                + " (Holt's linear smoothing, grid-searched weights, 80 % interval)"
        }
    }
}
