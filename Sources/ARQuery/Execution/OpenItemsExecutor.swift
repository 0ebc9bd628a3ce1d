import ARCore
import ARMetrics
import ARStore

/// Runs an `items` statement: the engine's open items, each with the date the cash forecast
/// expects it to be paid, ordered by every `order by` key, then limited.
///
/// The predicted dates come per document row from ``MetricEngine/predictedPayDates(asOf:)``
/// (computed once); an item is matched to its document row by walking both in document order,
/// since the engine lists document items in that order before cash on account.
struct OpenItemsExecutor {
    let engine: MetricEngine

    func run(_ statement: ItemsStatement) throws -> ResultSet {
        let table = try engine.items(asOf: statement.asOf, filter: statement.filter, currency: statement.currency)
        let perDocument = try engine.predictedPayDates(asOf: statement.asOf)
        let documentRows = try documentRows(of: table)
        let predicted = documentRows.map { row -> Day? in
            guard row >= 0, perDocument[row] != MetricEngine.noPredictedPayDate else { return nil }
            return Day(rawValue: perDocument[row])
        }
        var order = Array(0..<table.count)
        if !statement.order.isEmpty {
            order = Self.sorted(order, by: statement.order, in: table, predicted: predicted)
        }
        if let limit = statement.limit, limit < order.count { order = Array(order.prefix(limit)) }
        return ResultSet(table.selecting(order), predictedPayDates: order.map { predicted[$0] })
    }

    /// The document row of each item, `-1` for cash on account. Document items come first, in
    /// document order, so one forward walk over the ledger's (unique) document ids finds them all.
    func documentRows(of table: ItemTable) throws(QueryDiagnostic) -> [Int] {
        let ids = engine.ledger.documents.ids
        var rows = [Int](repeating: -1, count: table.count)
        var r = 0
        for k in 0..<table.count where table.types[k] != "unallocated" {
            while r < ids.count, ids[r] != table.ids[k] { r += 1 }
            guard r < ids.count else {
                throw QueryDiagnostic.internalError("open item '\(table.ids[k])' is not a document in ledger order")
            }
            rows[k] = r
            r += 1
        }
        return rows
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
