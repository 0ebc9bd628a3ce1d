import ARCore
import ARMetrics
import ARStore

/// Runs an `items` statement: the engine's open items, each with the date the cash forecast
/// expects it to be paid, ordered by every `order by` key, then limited.
///
/// The predicted dates come per document row from ``MetricEngine/predictedPayDates(asOf:)``,
/// computed once and read through each item's document row.
struct OpenItemsExecutor {
    let engine: MetricEngine

    func run(_ statement: ItemsStatement) throws -> ResultSet {
        // One item-field key: the engine sorts on its typed columns and lays out only the rows kept.
        if statement.order.count == 1, case let .field(field) = statement.order[0].column {
            let table = try engine.items(asOf: statement.asOf, filter: statement.filter, currency: statement.currency,
                                         orderBy: field.itemColumn, descending: statement.order[0].descending,
                                         limit: statement.limit)
            return ResultSet(table, predictedPayDates: try predictedDates(of: table, asOf: statement.asOf))
        }
        let table = try engine.items(asOf: statement.asOf, filter: statement.filter, currency: statement.currency)
        let predicted = try predictedDates(of: table, asOf: statement.asOf)
        var order = Array(0..<table.count)
        if !statement.order.isEmpty {
            order = Self.sorted(order, by: statement.order, in: table, predicted: predicted)
        }
        if let limit = statement.limit, limit < order.count { order = Array(order.prefix(limit)) }
        return ResultSet(table.selecting(order), predictedPayDates: order.map { predicted[$0] })
    }

    /// The forecast's expected payment date of each item; `nil` for credit items.
    func predictedDates(of table: ItemTable, asOf: Day) throws -> [Day?] {
        let perDocument = try engine.predictedPayDates(asOf: asOf)
        return table.documentRows.map { row -> Day? in
            guard row >= 0, perDocument[Int(row)] != MetricEngine.noPredictedPayDate else { return nil }
            return Day(rawValue: perDocument[Int(row)])
        }
    }

    /// `indexes` ordered by the keys in turn; ties keep document order. Missing values
    /// (no predicted date, no entity, …) come last in either direction.
    static func sorted(_ indexes: [Int], by keys: [ItemSortKey], in table: ItemTable, predicted: [Day?]) -> [Int] {
        let columns: [[ItemTable.Cell]] = keys.map { key in
            switch key.column {
            case .predictedPayDate: predicted.map { $0.map(ItemTable.Cell.day) ?? .text(nil) }
            case let .field(field): (0..<table.count).map { table.cell($0, field.itemColumn) ?? .text(nil) }
            }
        }
        return indexes.sorted { a, b in
            for (key, cells) in zip(keys, columns) {
                let x = cells[a], y = cells[b]
                if x == y { continue }
                let xMissing = x == .text(nil), yMissing = y == .text(nil)
                if xMissing != yMissing { return yMissing }
                return key.descending ? y < x : x < y
            }
            return a < b
        }
    }
}
