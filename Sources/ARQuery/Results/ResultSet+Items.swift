import ARCore
import ARMetrics

extension ResultSet {
    /// Open items, one row each: item-currency amounts as exact decimals in their own currency,
    /// then the open amount in the result's (reporting) currency.
    public init(_ items: ItemTable) {
        let text: [String] = ["id", "type", "entity", "customer", "customer_name", "currency"]
        var columns = text.map { Column(name: $0, type: .string) }
        columns += [Column(name: "issue_date", type: .date), Column(name: "due_date", type: .date),
                    Column(name: "dpd", type: .count), Column(name: "bucket", type: .string),
                    Column(name: "disputed", type: .string), Column(name: "amount", type: .string),
                    Column(name: "open", type: .string), Column(name: "open_\(items.reportingCurrency.code.lowercased())", type: .money)]
        let rows = (0..<items.count).map { k -> [ResultValue] in
            var cells = text.map { items.text(k, $0).flatMap { $0.isEmpty ? nil : ResultValue.string($0) } ?? .null }
            cells += [.date(items.issueDates[k]), .date(items.dueDates[k]), .integer(Int64(items.daysPastDue[k])),
                      .string(items.buckets[k]), .string(items.disputed[k] ? "yes" : "no"),
                      .string(items.text(k, "amount") ?? ""), .string(items.text(k, "open") ?? ""),
                      .money(items.openReporting[k])]
            return cells
        }
        self.init(columns: columns, rows: rows, currency: items.reportingCurrency)
    }

    /// A cash forecast: the dimensions, one money column per period, then `later`, `total`,
    /// `disputed` and `no_history` (the last two are parts of `total`).
    public init(_ forecast: ForecastTable) {
        var columns = forecast.dimensions.map { Column(name: $0, type: .string) }
        columns += (forecast.periodLabels + ["later", "total", "disputed", "no_history"]).map { Column(name: $0, type: .money) }
        let rows = forecast.rows.map { row -> [ResultValue] in
            row.keys.map { $0.map(ResultValue.string) ?? .null }
                + (row.periods + [row.later, row.total, row.disputed, row.noHistory]).map(ResultValue.money)
        }
        self.init(columns: columns, rows: rows, currency: forecast.currency)
    }
}
