import ARCore

/// A trend projection of a metric series by Holt's linear exponential smoothing, with a
/// prediction interval (see docs/forecasting.md).
///
/// Values are in the series' own unit (minor units for money, a fraction for a ratio, days).
public struct Projection: Sendable, Equatable {
    /// One projected period.
    public struct Point: Sendable, Equatable {
        public var date: Day
        public var value: Double
        /// Bounds of the ``Projection/confidence`` prediction interval.
        public var lower: Double
        public var upper: Double
    }

    /// Level smoothing weight chosen by the grid search.
    public var alpha: Double
    /// Trend smoothing weight chosen by the grid search.
    public var beta: Double
    /// Level and trend after the last observation.
    public var level: Double
    public var trend: Double
    /// Sum of squared one-step-ahead errors at the chosen weights.
    public var sse: Double
    /// `sqrt(sse / errors)`: the residual standard deviation the interval is built on.
    public var residualStandardDeviation: Double
    /// Coverage of the interval: 0.8.
    public var confidence: Double
    /// The observations the projection was fitted on.
    public var history: [Day]
    public var points: [Point]
}

extension MetricEngine {
    /// Projects `series` (dates increasing) `periods` steps ahead with Holt's linear exponential
    /// smoothing; see ``HoltSmoothing``. Monthly series (same day of month or month ends) step
    /// by months, others by their last gap in days.
    public func project(series: [(Day, Double)], periods: Int) -> Projection {
        HoltSmoothing.project(series: series, periods: periods)
    }

    /// Computes `request` at each of `dates` (no dimension) and projects it `periods` steps
    /// ahead: the `dso`, `overdue_rate` or `ar` of a `projected monthly … next 6 months` query.
    /// Dates where the figure is undefined are left out of the fit.
    /// - Throws: ``MetricError`` as ``run(_:)`` does.
    public func projectMetric(_ request: MetricRequest, dates: [Day], periods: Int,
                              filter: ItemPredicate? = nil, currency: Currency? = nil) throws -> Projection {
        let table = try run(MetricQuery(metrics: [request], filter: filter, dates: dates, currency: currency))
        var series: [(Day, Double)] = []
        for row in table.rows {
            let number: Double? = switch row.values[0] {
            case let .money(m): Double(m)
            case let .ratio(v), let .days(v), let .percent(v): v
            case let .count(c): Double(c)
            case .missing: nil
            }
            if let number { series.append((row.date, number)) }
        }
        return project(series: series, periods: periods)
    }
}
