import ARCore
import ARStore

/// The promised date of each positive open item a promise covers at `d` (metrics.md, "Forecast."):
/// invoice-level promises first, then account-level promises over the rest of each customer's
/// items.
///
/// Only promises made on or before `d` and promising a date on or after `d` count: a promise made
/// later was not known at `d` (this matters when replaying a cut-off inside a later snapshot).
struct PromiseCoverage: Sendable {
    /// Promised day per item row; `nil` when no promise covers it.
    private(set) var promisedDay: [Int32?]

    init(rows: ItemRows, ledger: Ledger, state: OpenState, book: RateBook, stop: CancellationToken) throws(MetricError) {
        promisedDay = [Int32?](repeating: nil, count: rows.count)
        let promises = ledger.promises, d = state.day
        var accountLevel: [Int] = []
        var winner = [Int](repeating: -1, count: rows.documentCount)
        for k in 0..<promises.count where promises.made[k] <= d && promises.promised[k] >= d {
            let doc = Int(promises.document[k])
            if doc < 0 {
                accountLevel.append(k)
            } else if state.open[doc] > 0, winner[doc] < 0 || Self.wins(k, over: winner[doc], promises) {
                winner[doc] = k
            }
        }
        for i in 0..<rows.documentCount where winner[i] >= 0 { promisedDay[i] = promises.promised[winner[i]] }
        guard !accountLevel.isEmpty else { return }
        try stop.checkpoint()
        try applyAccountPromises(accountLevel, rows: rows, ledger: ledger, state: state, book: book, stop: stop)
    }

    /// Invoice-level tie-break: the latest made, then the later promised date, then the larger id.
    static func wins(_ a: Int, over b: Int, _ p: PromiseTable) -> Bool {
        if p.made[a] != p.made[b] { return p.made[a] > p.made[b] }
        if p.promised[a] != p.promised[b] { return p.promised[a] > p.promised[b] }
        return p.ids[a] > p.ids[b]
    }

    /// Account-level promise rows in the order they apply: by customer, then promised date,
    /// made date and id.
    static func accountOrder(_ promiseRows: [Int], _ promises: PromiseTable) -> [Int] {
        promiseRows.sorted { a, b in
            if promises.customer[a] != promises.customer[b] { return promises.customer[a] < promises.customer[b] }
            if promises.promised[a] != promises.promised[b] { return promises.promised[a] < promises.promised[b] }
            if promises.made[a] != promises.made[b] { return promises.made[a] < promises.made[b] }
            return promises.ids[a] < promises.ids[b]
        }
    }

    /// Account-level promises in turn (promised date, made date, id) per customer, each taking
    /// items from the front of the pool (due date, then document id) while the running total
    /// stays within its amount, stopping at the first item that does not fit.
    private mutating func applyAccountPromises(_ promiseRows: [Int], rows: ItemRows, ledger: Ledger,
                                               state: OpenState, book: RateBook, stop: CancellationToken) throws(MetricError) {
        let promises = ledger.promises, ids = ledger.documents.ids
        let ordered = Self.accountOrder(promiseRows, promises)
        let pools = try CustomerPools(rows: rows, state: state, excluding: promisedDay, ids: ids, stop: stop)
        let factors = try book.factors(to: book.target(book.reporting), on: state.day)
        var next = 0
        while next < ordered.count {
            let customer = promises.customer[ordered[next]]
            var end = next
            while end < ordered.count, promises.customer[ordered[end]] == customer { end += 1 }
            let pool = Array(pools.items(of: customer))
            let promised = try Self.cover(open: pool.map { state.open[$0] }, currency: pool.map { rows.currency[$0] },
                                          with: ordered[next..<end], ledger: ledger, factors: factors, at: state.day)
            for (r, day) in zip(pool, promised) where day != nil { promisedDay[r] = day }
            next = end
        }
    }

    /// One customer's promises, in turn, over its pool (the items' open amounts and currencies,
    /// in pool order): the promised day of each item, `nil` for those no promise takes. Amounts
    /// are compared in the promise's currency, or all in the reporting currency at `d` when the
    /// pool holds another currency.
    static func cover(open: [Int64], currency: [Int32], with ordered: ArraySlice<Int>, ledger: Ledger,
                      factors: [CrossRate?], at d: Int32) throws(MetricError) -> [Int32?] {
        let promises = ledger.promises
        var promised = [Int32?](repeating: nil, count: open.count)
        var front = 0
        for k in ordered where front < open.count {
            let c = promises.currency[k]
            let mixed = currency.contains { $0 != c }
            let limit = mixed ? try factors.convert(promises.amount[k], currency: c, currencies: ledger.currencies, day: d)
                : promises.amount[k]
            var total: Int128 = 0   // a pool of items adding up beyond 64 bits simply stops fitting
            while front < open.count {
                let value = mixed ? try factors.convert(open[front], currency: currency[front], currencies: ledger.currencies, day: d)
                    : open[front]
                guard total + Int128(value) <= Int128(limit) else { break }
                total += Int128(value)
                promised[front] = promises.promised[k]
                front += 1
            }
        }
        return promised
    }
}

/// Each customer's positive open documents that no invoice-level promise covers, by due date
/// then document id (CSR by customer).
struct CustomerPools {
    private let order: [Int]
    private let start: [Int: Range<Int>]

    init(rows: ItemRows, state: OpenState, excluding covered: [Int32?], ids: StringColumn, stop: CancellationToken) throws(MetricError) {
        var candidates: [Int] = []
        for i in 0..<rows.documentCount where state.open[i] > 0 && covered[i] == nil { candidates.append(i) }
        try candidates.sort(polling: stop) { a, b in
            if rows.customer[a] != rows.customer[b] { return rows.customer[a] < rows.customer[b] }
            if rows.due[a] != rows.due[b] { return rows.due[a] < rows.due[b] }
            return ids[a] < ids[b]
        }
        var ranges: [Int: Range<Int>] = [:]
        var k = 0
        while k < candidates.count {
            var end = k
            while end < candidates.count, rows.customer[candidates[end]] == rows.customer[candidates[k]] { end += 1 }
            ranges[Int(rows.customer[candidates[k]])] = k..<end
            k = end
        }
        order = candidates
        start = ranges
    }

    func items(of customer: Int32) -> ArraySlice<Int> {
        guard let range = start[Int(customer)] else { return [] }
        return order[range]
    }
}
