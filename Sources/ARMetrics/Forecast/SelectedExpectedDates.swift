import ARCore
import ARStore

/// The expected dates (``ExpectedDates``) of a few document rows at `d`, worked out from what
/// those rows depend on rather than from the whole ledger: their own open amounts and
/// disputes, their customers' documents and promises, and the delays and resolution times at
/// `d` read from the engine's ``PaymentHistory``. The rules are ``ExpectedDates``' own, so each
/// row's date is the one the whole-ledger pass gives it.
struct SelectedExpectedDates {
    let ledger: Ledger
    let history: PaymentHistory
    let book: RateBook
    let day: Int32
    /// Polled between the steps (the rows are few; the whole-ledger behaviour is not).
    var stop = CancellationToken.never

    /// The expected day of each of `documents` (document rows; negative for cash on account),
    /// ``ExpectedDates/none`` for rows that are not positive open items at `d`.
    func expected(_ documents: [Int32]) throws(MetricError) -> [Int32] {
        let docs = ledger.documents, d = day
        var open = [Int64](repeating: 0, count: documents.count)
        var disputed = [Bool](repeating: false, count: documents.count)
        var wanted = [Bool](repeating: false, count: ledger.customers.count)
        var customers: [Int32] = []
        for (n, doc) in documents.enumerated() where doc >= 0 {
            open[n] = try openAmount(Int(doc))
            guard open[n] > 0 else { continue }
            disputed[n] = OpenState.hasOpenDispute(Int(doc), docs, ledger.disputes, at: d)
            let c = Int(docs.customer[Int(doc)])
            if !wanted[c] { customers.append(Int32(c)) }
            wanted[c] = true
        }
        try stop.checkpoint()
        let behaviour = history.prefixNumerator == nil ? try PaymentBehaviour(ledger: ledger, book: book, at: d, stop: stop)
            : try PaymentBehaviour(history: history, ledger: ledger, book: book, at: d, customers: customers,
                                   withResolutions: disputed.contains(true))
        let promised = try promisedDays(wanted: wanted)
        let segments = ledger.customers.segment.codes
        var expected = [Int32](repeating: ExpectedDates.none, count: documents.count)
        for (n, doc) in documents.enumerated() where open[n] > 0 {
            if let day = promised[doc] {
                expected[n] = day
                continue
            }
            let i = Int(doc), c = Int(docs.customer[i])
            expected[n] = ExpectedDates.unpromisedDay(i, due: docs.due[i], customer: c, segment: segments[c],
                                                      disputed: disputed[n], ledger: ledger, behaviour: behaviour)
        }
        return expected
    }

    /// Document `i`'s signed open amount at `d` (0 before it is issued).
    private func openAmount(_ i: Int) throws(MetricError) -> Int64 {
        ledger.documents.issue[i] <= day ? try OpenState.documentOpen(i, ledger.documents, ledger.writeOffs, at: day) : 0
    }

    /// The promised day of the positive open documents of the `wanted` customers that a promise
    /// covers at `d`, as ``PromiseCoverage`` decides it: the invoice-level winner, else the
    /// account-level promises over the customer's pool.
    private func promisedDays(wanted: [Bool]) throws(MetricError) -> [Int32: Int32] {
        let promises = ledger.promises, docs = ledger.documents, d = day
        var winner: [Int32: Int] = [:]
        var accountLevel: [Int] = []
        for k in 0..<promises.count where promises.made[k] <= d && promises.promised[k] >= d {
            let doc = promises.document[k]
            if doc < 0 {
                let c = promises.customer[k]
                if c >= 0, wanted[Int(c)] { accountLevel.append(k) }
            } else if wanted[Int(docs.customer[Int(doc)])], try openAmount(Int(doc)) > 0,
                      winner[doc].map({ PromiseCoverage.wins(k, over: $0, promises) }) ?? true {
                winner[doc] = k
            }
        }
        var promised = winner.mapValues { promises.promised[$0] }
        guard !accountLevel.isEmpty else { return promised }
        let ordered = PromiseCoverage.accountOrder(accountLevel, promises)
        let factors = try book.factors(to: book.target(book.reporting), on: d)
        var next = 0
        while next < ordered.count {
            let customer = promises.customer[ordered[next]]
            var end = next
            while end < ordered.count, promises.customer[ordered[end]] == customer { end += 1 }
            let pool = try self.pool(of: Int(customer), excluding: winner)
            let days = try PromiseCoverage.cover(open: pool.map { (i) throws(MetricError) in try openAmount(Int(i)) }, currency: pool.map { docs.currency[Int($0)] },
                                                 with: ordered[next..<end], ledger: ledger, factors: factors, at: d)
            for (i, day) in zip(pool, days) where day != nil { promised[i] = day }
            next = end
        }
        return promised
    }

    /// Customer `c`'s positive open documents that no invoice-level promise covers, by due date
    /// then document id (``CustomerPools``).
    private func pool(of c: Int, excluding covered: [Int32: Int]) throws(MetricError) -> [Int32] {
        let docs = ledger.documents
        var pool: [Int32] = []
        for i in history.documents(of: c) where covered[i] == nil {
            if try openAmount(Int(i)) > 0 { pool.append(i) }
        }
        pool.sort { a, b in
            if docs.due[Int(a)] != docs.due[Int(b)] { return docs.due[Int(a)] < docs.due[Int(b)] }
            return docs.ids[Int(a)] < docs.ids[Int(b)]
        }
        return pool
    }
}
