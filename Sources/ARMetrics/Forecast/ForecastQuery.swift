import ARCore

/// The length of a forecast period.
public enum ForecastGranularity: String, Hashable, Sendable, Codable {
    /// Weeks starting on Monday; week 1 contains the as-of date.
    case weekly
    /// Calendar months; month 1 contains the as-of date.
    case monthly
}

/// A cash forecast request: expected collections of the positive open items at `asOf`, per
/// period, for the next `periods` periods, then a `later` line.
///
/// ```swift
/// let table = try engine.forecast(ForecastQuery(granularity: .weekly, periods: 13,
///                                               dimensions: [.region], asOf: ledger.snapshot.asOf))
/// print(table.rendered)
/// ```
public struct ForecastQuery: Hashable, Sendable {
    public var granularity: ForecastGranularity
    /// How many periods get their own column (at least 1).
    public var periods: Int
    public var dimensions: [Dimension]
    /// The perimeter: which items are summed (expected dates are always worked out on the whole ledger).
    public var filter: ItemPredicate?
    public var asOf: Day
    /// `nil`: the snapshot's reporting currency.
    public var currency: Currency?

    public init(granularity: ForecastGranularity = .weekly, periods: Int = 13, dimensions: [Dimension] = [],
                filter: ItemPredicate? = nil, asOf: Day, currency: Currency? = nil) {
        self.granularity = granularity
        self.periods = periods
        self.dimensions = dimensions
        self.filter = filter
        self.asOf = asOf
        self.currency = currency
    }
}

/// The calendar of a forecast: the first day of each period, and the day after the last.
struct ForecastCalendar: Sendable {
    /// `starts[k]` is the first day of period `k + 1`; `starts[periods]` begins the `later` line.
    let starts: [Int32]

    init(granularity: ForecastGranularity, periods: Int, asOf: Day) {
        var starts: [Int32] = []
        switch granularity {
        case .weekly:
            let monday = asOf.startOfWeek.rawValue
            starts = (0...periods).map { monday + Int32(7 * $0) }
        case .monthly:
            let first = asOf.startOfMonth
            starts = (0...periods).map { first.adding(months: $0).rawValue }
        }
        self.starts = starts
    }

    var periods: Int { starts.count - 1 }

    /// The period index (0-based) of `day`, `periods` for the `later` line; days before period 1
    /// (never the case for expected dates, which are on or after the as-of date) count in period 1.
    @inline(__always)
    func period(of day: Int32) -> Int {
        if day >= starts[periods] { return periods }
        var low = 0, high = periods - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= day { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
