import ARMetrics

/// Runs an `items` statement: the engine's open items, ordered by every `order by` key and cut
/// to the limit (``MetricEngine/items(asOf:filter:currency:order:limit:predictingPayDates:)``),
/// each with the date the cash forecast expects it to be paid.
///
/// The predicted dates are worked out for the items shown (20 items cost 20 items' customers,
/// not the ledger), or for every item when the order reads them.
struct OpenItemsExecutor {
    let engine: MetricEngine

    func run(_ statement: ItemsStatement) throws -> ResultSet {
        let table = try engine.items(asOf: statement.asOf, filter: statement.filter, currency: statement.currency,
                                     order: statement.order, limit: statement.limit, predictingPayDates: true)
        return ResultSet(table, predictedPayDates: table.predictedPayDates)
    }
}

