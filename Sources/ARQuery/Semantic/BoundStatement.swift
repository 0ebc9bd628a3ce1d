import ARCore
import ARMetrics

/// A statement after binding: names resolved, literals typed, dates computed. The planner and
/// executor never see syntax.
public indirect enum BoundStatement: Sendable, Hashable {
    case metrics(MetricStatement)
    case items(ItemsStatement)
    /// `forecast collections …`: the engine's own forecast query (metrics.md, "Cash forecast").
    case forecast(ForecastQuery)
    /// `explain` (the logical plan) or `explain sql` (the SQL text) of the inner statement.
    case explain(BoundStatement, sql: Bool)
}

/// A bound `show … by …` statement: the engine's ``MetricQuery`` plus what happens to its table.
///
/// ``query`` lists the shown metrics first, then the hidden ones that only `having` or `order by`
/// need; ``MetricStatementExecutor`` drops the hidden columns after using them.
public struct MetricStatement: Sendable, Hashable {
    public var query: MetricQuery
    /// How many of `query.metrics` are shown; the rest are hidden.
    public var shownMetricCount: Int
    public var having: HavingPredicate?
    public var order: [SortKey]
    public var limit: Int?
    public var chart: ChartSpec?
    /// `project 6 months`: the series is extended by a trend projection of each metric.
    public var projection: TrendProjection?
    /// `compare previous month`: each figure beside its value at an earlier date, and the change.
    public var comparison: Comparison?

    public init(query: MetricQuery, shownMetricCount: Int, having: HavingPredicate? = nil, order: [SortKey] = [],
                limit: Int? = nil, chart: ChartSpec? = nil, projection: TrendProjection? = nil) {
        self.query = query
        self.shownMetricCount = shownMetricCount
        self.having = having
        self.order = order
        self.limit = limit
        self.chart = chart
        self.projection = projection
    }

    /// The table columns of metric `index`: one, or one per bucket for `aging`.
    public func columns(ofMetric index: Int) -> Range<Int> {
        var start = 0
        for metric in query.metrics[..<index] { start += metric.columnCount }
        return start..<(start + query.metrics[index].columnCount)
    }

    /// The number of table columns of the shown metrics.
    public var shownColumnCount: Int {
        query.metrics[..<shownMetricCount].reduce(0) { $0 + $1.columnCount }
    }
}

extension MetricRequest {
    /// Columns this metric adds to a ``MetricTable``.
    public var columnCount: Int { kind == .aging ? aging.bucketNames.count : 1 }
}

/// `project N months` after a series: each metric of each group is projected past the series by
/// Holt's linear trend with an 80 % interval (``MetricEngine/project(series:periods:)``).
public struct TrendProjection: Sendable, Hashable {
    /// The projected dates, continuing the series' step (month ends stay month ends).
    public var dates: [Day]
    /// The series' step as written: `days`, `weeks`, `months` or `quarters`.
    public var unit: String

    public init(dates: [Day], unit: String) {
        self.dates = dates
        self.unit = unit
    }

    /// The metrics whose series a trend describes: balances, their ratio, and day measures.
    /// Flows over a period (`sales`, `write_offs`, …), counts and `aging` are left out.
    public static let projectable: [MetricKind] = [.ar, .current, .overdue, .overdueRate, .disputed,
                                                   .dso, .bpdso, .add, .cei, .daysToPay, .daysLate]
}

/// `compare previous month|quarter|year`: the statement's figures at an earlier date beside its
/// own, and the change (money, days and counts as a difference and a percent; ratios and CEI as a
/// difference in percentage points).
public struct Comparison: Sendable, Hashable {
    /// `month`, `quarter` or `year`.
    public var unit: String
    /// The earlier date: the as-of date moved back one unit (a month end stays a month end).
    public var previous: Day

    public init(unit: String, previous: Day) {
        self.unit = unit
        self.previous = previous
    }
}

/// A `having` condition over metric values, by metric index in ``MetricQuery/metrics``.
public indirect enum HavingPredicate: Sendable, Hashable {
    case compare(metric: Int, ComparisonOperator, HavingThreshold)
    case and(HavingPredicate, HavingPredicate)
    case or(HavingPredicate, HavingPredicate)
    case not(HavingPredicate)
}

/// The literal a `having` comparison tests against, in the metric's own unit.
public enum HavingThreshold: Sendable, Hashable {
    /// Money in reporting-currency minor units (`10000` in EUR is 1,000,000).
    case minorUnits(Int64)
    /// Counts.
    case integer(Int64)
    /// Ratios as fractions, days, CEI percentages.
    case number(Double)
}

/// An `order by` key of a metric statement.
public enum SortKey: Sendable, Hashable {
    /// Metric `index` of ``MetricQuery/metrics`` (never `aging`).
    case metric(Int, descending: Bool)
    /// Dimension `index` of ``MetricQuery/dimensions``.
    case dimension(Int, descending: Bool)
    /// The row date of a series.
    case date(descending: Bool)
}

/// `| chart stacked_bar title "…"`.
public struct ChartSpec: Sendable, Hashable {
    /// The chart kinds ARCharts draws; `bar` is `grouped_bar`, `pie` is `donut`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case bar, groupedBar = "grouped_bar", stackedBar = "stacked_bar", horizontalBar = "horizontal_bar"
        case line, area, donut, pie, waterfall, heatmap, kpi, table
    }
    /// `nil`: chosen from the result's shape (a series is a line, buckets a stacked bar, one row KPI tiles).
    public var kind: Kind?
    public var title: String?
    /// Options by name; a bare option is `"true"`.
    public var options: [String: String]

    public init(kind: Kind?, title: String? = nil, options: [String: String] = [:]) {
        self.kind = kind
        self.title = title
        self.options = options
    }
}

/// A bound `items …` statement: the open items at a date.
public struct ItemsStatement: Sendable, Hashable {
    public var filter: ItemPredicate?
    public var asOf: Day
    /// `nil`: the snapshot's reporting currency.
    public var currency: Currency?
    public var order: [ItemSortKey]
    public var limit: Int?

    public init(filter: ItemPredicate?, asOf: Day, currency: Currency?, order: [ItemSortKey], limit: Int?) {
        self.filter = filter
        self.asOf = asOf
        self.currency = currency
        self.order = order
        self.limit = limit
    }
}

/// An `order by` key of an items statement.
public struct ItemSortKey: Sendable, Hashable {
    /// What an items statement can be ordered by.
    public enum Column: Sendable, Hashable, CustomStringConvertible {
        /// An item field (`open`, `dpd`, a dimension, …).
        case field(ItemField)
        /// The cash forecast's expected payment date (``MetricEngine/predictedPayDates(asOf:)``).
        case predictedPayDate

        public var description: String {
            switch self {
            case let .field(field): field.description
            case .predictedPayDate: "predicted_pay_date"
            }
        }
    }

    public var column: Column
    public var descending: Bool

    public init(column: Column, descending: Bool) {
        self.column = column
        self.descending = descending
    }

    public init(field: ItemField, descending: Bool) {
        self.init(column: .field(field), descending: descending)
    }
}
