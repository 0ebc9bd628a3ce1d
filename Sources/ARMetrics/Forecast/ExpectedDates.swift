import ARCore
import ARStore

/// The expected collection date of every positive open item at `d` (metrics.md, "Forecast."),
/// worked out on the whole ledger: a perimeter only chooses which items are summed.
///
/// In order: a promise (invoice-level, then account-level) puts the item on the promised date;
/// otherwise it is expected on `max(d, due + delay(customer))`, plus the longest resolution time
/// of its open disputes. Negative items (credit notes, cash on account) are not forecast.
struct ExpectedDates: Sendable {
    /// Marks rows that are not forecast in ``expected``.
    static let none = Int32.min

    let day: Int32
    /// Expected day per item row; ``none`` for rows that are not positive open items.
    let expected: [Int32]
    /// Positive open items with a dispute open at `d`.
    let disputed: [Bool]
    /// Positive open items whose date a promise set.
    let promised: [Bool]
    /// Positive open items whose customer has no invoice cleared in `(d − 365, d]` (its delay
    /// is borrowed from its segment or the ledger).
    let noHistory: [Bool]
    let behaviour: PaymentBehaviour

    init(rows: ItemRows, ledger: Ledger, state: OpenState, book: RateBook, stop: CancellationToken) throws(MetricError) {
        let d = state.day
        day = d
        let behaviour = try PaymentBehaviour(ledger: ledger, book: book, at: d, stop: stop)
        let promises = try PromiseCoverage(rows: rows, ledger: ledger, state: state, book: book, stop: stop)
        let segments = ledger.customers.segment.codes
        var expected = [Int32](repeating: Self.none, count: rows.count)
        var disputed = [Bool](repeating: false, count: rows.count)
        var noHistory = [Bool](repeating: false, count: rows.count)
        var promised = [Bool](repeating: false, count: rows.count)
        for r in 0..<rows.count where state.open[r] > 0 {
            try stop.poll(row: r)
            let c = Int(rows.customer[r])
            noHistory[r] = behaviour.customerDelay[c] == nil
            disputed[r] = state.hasOpenDispute[r]
            if let day = promises.promisedDay[r] {
                expected[r] = day
                promised[r] = true
                continue
            }
            expected[r] = Self.unpromisedDay(r, due: rows.due[r], customer: c, segment: segments[c], disputed: disputed[r],
                                             ledger: ledger, behaviour: behaviour)
        }
        self.expected = expected
        self.disputed = disputed
        self.noHistory = noHistory
        self.promised = promised
        self.behaviour = behaviour
    }

    /// The forecast rule item row `r` counts under (``ForecastRule``'s order of tests).
    @inline(__always)
    func rule(_ r: Int) -> ForecastRule {
        disputed[r] ? .dispute : promised[r] ? .promise : noHistory[r] ? .noHistory : .behaviour
    }

    /// The expected day of positive open document `i` that no promise covers: `max(d, due +
    /// the customer's delay)`, plus the longest resolution time of its open disputes.
    @inline(__always)
    static func unpromisedDay(_ i: Int, due: Int32, customer c: Int, segment: Int32, disputed: Bool, ledger: Ledger,
                              behaviour: PaymentBehaviour) -> Int32 {
        let day = max(behaviour.day, due + behaviour.delay(customer: c, segment: segment))
        return disputed ? day + longestResolution(i, ledger: ledger, behaviour: behaviour) : day
    }

    /// The longest resolution time among document `i`'s disputes open at the behaviour's date.
    private static func longestResolution(_ i: Int, ledger: Ledger, behaviour: PaymentBehaviour) -> Int32 {
        let docs = ledger.documents, disputes = ledger.disputes
        var longest: Int32 = 0
        for k in Int(docs.disputeStart[i])..<Int(docs.disputeStart[i + 1])
        where OpenState.isOpen(k, disputes, at: behaviour.day) {
            longest = max(longest, behaviour.resolution(reason: disputes.reason.codes[k]))
        }
        return longest
    }

    /// The due-date baseline: every positive item on `max(d, due)`.
    func dueDateBaseline(rows: ItemRows) -> [Int32] {
        shifted(rows: rows, by: 0)
    }

    /// The ledger-delay baseline: every positive item on `max(d, due + the ledger's delay)`.
    func ledgerDelayBaseline(rows: ItemRows) -> [Int32] {
        shifted(rows: rows, by: behaviour.ledgerDelay)
    }

    private func shifted(rows: ItemRows, by delay: Int32) -> [Int32] {
        (0..<rows.count).map { r in expected[r] == Self.none ? Self.none : max(day, rows.due[r] + delay) }
    }
}
