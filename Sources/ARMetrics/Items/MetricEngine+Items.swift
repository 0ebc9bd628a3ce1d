import ARCore
import ARStore

extension MetricEngine {
    /// Open items at `asOf` (one row per document with a non-zero open amount, plus cash on
    /// account), those the filter selects, ordered by `order` and cut to `limit`.
    ///
    /// Without keys the items come in document order, then payment order. With keys they are
    /// ordered by typed values, missing values last in both directions, ties in document order
    /// (``ItemSortKey``); with a limit well below the number of items only the items kept are
    /// ordered and laid out as rows (`items where dpd > 90 order by open desc limit 20` at 1M
    /// documents keeps 20 of 20k without sorting them).
    ///
    /// - Parameters:
    ///   - currency: the currency of `open_reporting` and of money keys; `nil` is the reporting currency.
    ///   - predictingPayDates: fills ``ItemTable/predictedPayDates`` for the items kept.
    /// - Throws: ``MetricError`` for a date after `as_of` or a missing rate.
    public func items(asOf: Day, filter: ItemPredicate?, currency: Currency?, order: [ItemSortKey] = [], limit: Int? = nil,
                      predictingPayDates: Bool = false) throws -> ItemTable {
        try check([asOf])
        let query = MetricQuery(metrics: [], filter: filter, dates: [asOf], currency: currency)
        let run = try QueryRun(ledger: ledger, rows: rows, query: query, derived: derived, stop: cancellation)
        let f = try run.frame(at: asOf.rawValue)
        let candidates = f.itemRows
        // Every candidate's predicted date only when a key reads it; otherwise those of the items kept.
        let predicted = order.contains { $0.readsPredictedPayDate } ? try predictedPayDays(of: candidates, at: asOf) : nil
        let ordering = ItemOrder(values: try order.map { (key) throws(MetricError) in
            try run.sortValues(key, items: candidates, frame: f, predicted: predicted)
        }, descending: order.map(\.descending), count: candidates.count)
        let kept = try ordering.ordered(limit: limit, stop: cancellation)
        var table = itemTable(kept.map { Int(candidates[$0]) }, frame: f, run: run, asOf: asOf)
        if predictingPayDates {
            let days = try predicted.map { days in kept.map { days[$0] } } ?? predictedPayDays(of: kept.map { candidates[$0] }, at: asOf)
            table.predictedPayDates = days.map { $0 == Self.noPredictedPayDate ? nil : Day(rawValue: $0) }
        }
        return table
    }

    /// The predicted pay day of each of `items` (item rows; cash on account has none).
    private func predictedPayDays(of items: [Int32], at asOf: Day) throws(MetricError) -> [Int32] {
        let documents = items.map { Int($0) < rows.documentCount ? $0 : -1 }
        return try predictedPayDays(asOf: asOf, documents: documents)
    }

    /// The rows `selected` (item rows of `f`) laid out as an item table, in that order.
    private func itemTable(_ selected: [Int], frame f: DateFrame, run: QueryRun, asOf: Day) -> ItemTable {
        var table = ItemTable(reportingCurrency: run.target.currency, asOf: asOf)
        let names = AgingSpec.standard.bucketNames
        for r in selected {
            let c = Int(rows.customer[r])
            let dpd = Int(asOf.rawValue) - Int(rows.due[r])
            table.append(ItemTable.Row(
                id: rows.id(r, in: ledger), type: ItemRows.typeNames[Int(rows.type[r])],
                entity: rows.entity[r] >= 0 ? ledger.entities.ids[Int(rows.entity[r])] : nil,
                customer: ledger.customers.ids[c], customerName: ledger.customers.names[c],
                currency: ledger.currencies[Int(rows.currency[r])].code,
                issueDate: Day(rawValue: rows.issue[r]), dueDate: Day(rawValue: rows.due[r]), dpd: dpd,
                bucket: names[AgingSpec.standard.bucket(days: dpd)],
                amount: rows.type[r] == ItemRows.invoiceType ? rows.amount[r] : -rows.amount[r],
                open: f.state.open[r], openReporting: f.openOut[r], disputed: f.state.hasOpenDispute[r],
                documentRow: r < rows.documentCount ? Int32(r) : -1))
        }
        return table
    }
}
