import ARCore
import ARMetrics

extension ResultSet {
    /// Open items, one row each: item-currency amounts as exact decimals in their own currency,
    /// then the open amount in the result's (reporting) currency.
    ///
    /// - Parameter predictedPayDates: one per item, the date the cash forecast expects it to be
    ///   paid (`nil` for credit notes and cash on account): shown as `predicted_pay_date` after
    ///   `due_date`. Without it the column is left out.
    public init(_ items: ItemTable, predictedPayDates: [Day?]? = nil) {
        let text: [String] = ["id", "type", "entity", "customer", "customer_name", "currency"]
        let predicted = predictedPayDates.map { Array($0.prefix(items.count)) + [Day?](repeating: nil, count: max(0, items.count - $0.count)) }
        var columns = text.map { Column(name: $0, type: .string) }
        columns += [Column(name: "issue_date", type: .date), Column(name: "due_date", type: .date)]
        if predicted != nil { columns.append(Column(name: "predicted_pay_date", type: .date)) }
        columns += [Column(name: "dpd", type: .count), Column(name: "bucket", type: .string),
                    Column(name: "disputed", type: .string), Column(name: "amount", type: .string),
                    Column(name: "open", type: .string), Column(name: "open_\(items.reportingCurrency.code.lowercased())", type: .money)]
        let rows = (0..<items.count).map { k -> [ResultValue] in
            var cells = text.map { items.text(k, $0).flatMap { $0.isEmpty ? nil : ResultValue.string($0) } ?? .null }
            cells += [.date(items.issueDates[k]), .date(items.dueDates[k])]
            if let predicted { cells.append(predicted[k].map(ResultValue.date) ?? .null) }
            cells += [.integer(Int64(items.daysPastDue[k])),
                      .string(items.buckets[k]), .string(items.disputed[k] ? "yes" : "no"),
                      .string(items.text(k, "amount") ?? ""), .string(items.text(k, "open") ?? ""),
                      .money(items.openReporting[k])]
            return cells
        }
        self.init(columns: columns, rows: rows, currency: items.reportingCurrency)
    }
}
