import ARCore
import ARMetrics

extension ResultSet {
    /// A cash forecast, long: one row per period and group, the last period followed by the
    /// `later` rows. Columns: `week` (the Monday, `2026-10-26`) or `month` (`2026-10`), then
    /// the dimensions, then the rule parts `promise`, `behaviour`, `dispute`, `no_history`
    /// (``ForecastRule``; each item counts under one) and their `total`.
    ///
    /// The period column is text because its last value is `later` (everything expected after
    /// the last period); the others are ISO dates or months, which any CSV reader parses.
    public init(_ forecast: ForecastTable) {
        var columns = [Column(name: forecast.granularity == .weekly ? "week" : "month", type: .string)]
        columns += forecast.dimensions.map { Column(name: $0, type: .string) }
        columns += (ForecastRule.allCases.map(\.name) + ["total"]).map { Column(name: $0, type: .money) }
        var rows: [[ResultValue]] = []
        for (k, label) in (forecast.periodLabels + [Self.forecastLaterLabel]).enumerated() {
            for row in forecast.rows {
                let amounts = k < row.periods.count ? row.periods[k] : row.later
                rows.append([.string(label)] + row.keys.map { $0.map(ResultValue.string) ?? .null }
                            + (ForecastRule.allCases.map { amounts[$0] } + [amounts.total]).map(ResultValue.money))
            }
        }
        self.init(columns: columns, rows: rows, currency: forecast.currency)
    }

    /// The period label of a forecast's rows after its last period.
    public static let forecastLaterLabel = "later"
}
