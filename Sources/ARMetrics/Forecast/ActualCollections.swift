import ARCore
import ARStore

/// What was collected after `d` on the perimeter's invoices (metrics.md, "Backtest."): payment
/// rows dated after `d` up to the end of the last week, each converted at the as-of rate, by
/// week; and the day each invoice's payments after `d` first reach its open amount at `d`.
struct ActualCollections {
    /// Collections per week (reporting-currency minor units).
    var weekly: [Int64]
    /// Item row (of the snapshot) and the day its payments after `d` settled it, within the weeks.
    var settled: [(row: Int, day: Int32)] = []

    /// - Parameters:
    ///   - perimeter: document rows of `snapshot` open and positive at `d` and in the perimeter.
    ///   - open: open amounts at `d` of the snapshot's rows, in their own currency.
    init(perimeter: [Int], snapshot: Ledger, open: [Int64], actuals: Ledger, calendar: ForecastCalendar, at d: Int32) throws(MetricError) {
        weekly = [Int64](repeating: 0, count: calendar.periods)
        let end = calendar.starts[calendar.periods]
        let docs = actuals.documents
        let book = RateBook(ledger: actuals)
        let factors = try book.factors(to: book.target(book.reporting), on: d)
        let lookup = Self.rowsByID(actuals, needed: snapshot.documents.ids, same: snapshot.documents.ids == actuals.documents.ids)
        var overflow = false
        for r in perimeter {
            guard let j = lookup(r) else { continue }
            var paid: Int128 = 0
            var settledDay: Int32?
            for k in Int(docs.allocationStart[j])..<Int(docs.allocationStart[j + 1]) {
                let day = docs.allocationDay[k]
                guard day > d, day < end else { continue }
                let amount = docs.allocationAmount[k]
                weekly[calendar.period(of: day)].add(try factors.convert(amount, currency: docs.currency[j],
                                                                         currencies: actuals.currencies, day: d), overflow: &overflow)
                paid += Int128(amount)
                if settledDay == nil, paid >= Int128(open[r]) { settledDay = day }
            }
            if let settledDay { settled.append((r, settledDay)) }
        }
        try MetricError.check(overflow, "the collections of a week")
    }

    /// Maps a snapshot document row to the actuals' row of the same id (identity for one ledger).
    private static func rowsByID(_ actuals: Ledger, needed: StringColumn, same: Bool) -> (Int) -> Int? {
        if same { return { $0 } }
        var index: [String: Int] = [:]
        for j in 0..<actuals.documents.count { index[actuals.documents.ids[j]] = j }
        return { index[needed[$0]] }
    }
}
