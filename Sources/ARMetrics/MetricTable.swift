import ARCore

/// What kind of number a metric yields, and so how it is shown.
public enum MetricValueKind: String, Hashable, Sendable {
    /// Reporting-currency minor units.
    case money
    /// A fraction (0.25 is 25 %).
    case ratio
    /// A number of days.
    case days
    /// A percentage (CEI: 87.5).
    case percent
    case count
}

/// One computed figure. Money stays exact; ratios are computed last, from exact sums.
public enum MetricValue: Hashable, Sendable {
    /// Reporting-currency minor units.
    case money(Int64)
    case ratio(Double)
    case days(Double)
    case percent(Double)
    case count(Int)
    /// Undefined here (a ratio over zero sales, an average over nothing).
    case missing
}

/// A column of a metric result: one per metric asked, `aging` expanding to one per bucket.
public struct MetricColumn: Hashable, Sendable {
    /// Display name: `dso`, `dso(method: countback)`, `1-30` for an aging bucket.
    public var name: String
    public var kind: MetricValueKind
    public init(name: String, kind: MetricValueKind) {
        self.name = name
        self.kind = kind
    }
}

/// A grouped result: one row per combination of dimension values (and date, for a series).
public struct MetricTable: Sendable, Equatable {
    /// The dimensions, in the order asked.
    public var dimensions: [Dimension]
    /// Whether rows carry a date (a series).
    public var isSeries: Bool
    public var columns: [MetricColumn]
    public var rows: [Row]
    /// The currency money values are in.
    public var currency: Currency

    public struct Row: Sendable, Equatable {
        /// The as-of date of the row.
        public var date: Day
        /// One value per dimension; `nil` when the item has none (shown as `(none)`).
        public var keys: [String?]
        /// One value per column.
        public var values: [MetricValue]
        public init(date: Day, keys: [String?], values: [MetricValue]) {
            self.date = date
            self.keys = keys
            self.values = values
        }
    }

    public init(dimensions: [Dimension], isSeries: Bool, columns: [MetricColumn], rows: [Row], currency: Currency) {
        self.dimensions = dimensions
        self.isSeries = isSeries
        self.columns = columns
        self.rows = rows
        self.currency = currency
    }
}

/// A metric query as the engine runs it: the binder's output for a `show … by … where …` statement.
public struct MetricQuery: Hashable, Sendable {
    public var metrics: [MetricRequest]
    public var dimensions: [Dimension]
    public var filter: ItemPredicate?
    /// One date for `as of`; several for a series (`monthly from … to …`), in increasing order.
    public var dates: [Day]
    /// `nil`: the snapshot's reporting currency.
    public var currency: Currency?

    public init(metrics: [MetricRequest], dimensions: [Dimension] = [], filter: ItemPredicate? = nil,
                dates: [Day], currency: Currency? = nil) {
        self.metrics = metrics
        self.dimensions = dimensions
        self.filter = filter
        self.dates = dates
        self.currency = currency
    }
}
