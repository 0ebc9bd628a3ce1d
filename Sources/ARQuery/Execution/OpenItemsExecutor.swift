import ARCore
import ARMetrics
import ARStore

/// Runs an `items` statement: the engine's open items, each with the date the cash forecast
/// expects it to be paid, ordered by every `order by` key, then limited.
///
/// The predicted dates come from ``MetricEngine/predictedPayDates(asOf:documents:)`` for the
/// items shown: 20 items cost 20 items' customers, not the ledger.
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
        // Every item's date only when the order reads it; otherwise those of the items kept.
        let ordersByPrediction = statement.order.contains { key in
            if case .predictedPayDate = key.column { return true }
            return false
        }
        let predicted = ordersByPrediction ? try predictedDates(of: table, asOf: statement.asOf) : []
        var order = Array(0..<table.count)
        if !statement.order.isEmpty {
            order = Self.sorted(order, by: statement.order, in: table, predicted: predicted)
        }
        if let limit = statement.limit, limit < order.count { order = Array(order.prefix(limit)) }
        let kept = table.selecting(order)
        return ResultSet(kept, predictedPayDates: ordersByPrediction ? order.map { predicted[$0] }
            : try predictedDates(of: kept, asOf: statement.asOf))
    }

    /// The forecast's expected payment date of each item; `nil` for credit items.
    func predictedDates(of table: ItemTable, asOf: Day) throws -> [Day?] {
        try engine.predictedPayDates(asOf: asOf, documents: table.documentRows).map { day -> Day? in
            day == MetricEngine.noPredictedPayDate ? nil : Day(rawValue: day)
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

extension ItemField {
    /// The ``ItemTable`` column an `order by` on this field sorts.
    var itemColumn: String {
        switch self {
        case .open: "open_reporting"
        case .amount: "amount"
        case .dpd: "dpd"
        case .age, .issueDate: "issue_date"
        case .dueDate: "due_date"
        case .id: "id"
        case let .dimension(d): ItemTable.columnNames.contains(d.name) ? d.name : "id"
        }
    }
}
