import ARCore
import ARStore

/// The state of every item row at one date `d` (metrics.md, "Balances"): open amounts in the
/// row's own currency (credit items negative), and the open disputes of each document.
struct OpenState: Sendable {
    let day: Int32
    /// Signed open amount in the row's currency; 0 for rows not open (not issued yet, settled).
    var open: [Int64]
    /// Reason code of the row's earliest-opened dispute still open at `d`; `-1` for none
    /// (or a dispute without reason: check `hasOpenDispute`).
    var reason: [Int32]
    var hasOpenDispute: [Bool]
    /// Disputed part of a positive open amount (row currency): the open disputes' amounts summed
    /// and capped at the open amount, or the whole open amount when one has no amount.
    var disputed: [Int64]

    /// A state with no rows, for frames that carry only fixed groups (flows beside a sweep).
    init(emptyAt d: Int32) {
        day = d
        open = []
        reason = []
        hasOpenDispute = []
        disputed = []
    }

    /// The state at `d`; with `only`, rows it flags false are left closed (open 0), for a
    /// filter that rejects them anyway. Rows are worked in blocks on a few threads, each block
    /// polling `stop`; `checked` (a ledger whose amounts ``AmountBounds`` cannot bound) makes
    /// every subtraction report an overflow.
    init(rows: ItemRows, ledger: Ledger, at d: Int32, only: [Bool]? = nil, checked: Bool, stop: CancellationToken) throws(MetricError) {
        day = d
        let n = rows.count
        // Four columns written once per row, without zeroing them first (a stopped fill leaves
        // them partly written, but then nothing reads them: the error is thrown below).
        var reason: [Int32] = [], hasOpenDispute: [Bool] = [], disputed: [Int64] = []
        var failure: MetricError?
        open = .filledByRows(count: n) { open in
            reason = .filledByRows(count: n) { reason in
                hasOpenDispute = .filledByRows(count: n) { has in
                    disputed = .filledByRows(count: n) { disputed in
                        do throws(MetricError) {
                            _ = try ParallelRows.map(count: n, stop: stop) { (range: Range<Int>) throws(MetricError) in
                                if checked {
                                    try Self.fill(range, rows: rows, ledger: ledger, at: d, only: only, open: open, reason: reason,
                                                  hasOpenDispute: has, disputed: disputed, CheckedAddition.self)
                                } else {
                                    try Self.fill(range, rows: rows, ledger: ledger, at: d, only: only, open: open, reason: reason,
                                                  hasOpenDispute: has, disputed: disputed, UncheckedAddition.self)
                                }
                            }
                        } catch {
                            failure = error
                        }
                    }
                }
            }
        }
        if let failure { throw failure }
        self.reason = reason
        self.hasOpenDispute = hasOpenDispute
        self.disputed = disputed
    }

    /// Rows `range` of the four columns (all zero for rows `only` flags false).
    private static func fill<A: MoneyAddition>(_ range: Range<Int>, rows: ItemRows, ledger: Ledger, at d: Int32, only: [Bool]?,
                                               open: RowWriter<Int64>, reason: RowWriter<Int32>, hasOpenDispute: RowWriter<Bool>,
                                               disputed: RowWriter<Int64>, _: A.Type) throws(MetricError) {
        let docs = ledger.documents, wo = ledger.writeOffs, disputes = ledger.disputes
        let documents = range.clamped(to: 0..<rows.documentCount)
        var overflow = false
        for i in documents {
            open.set(i, docs.issue[i] <= d && only?[i] != false ? documentOpen(i, docs, wo, at: d, A.self, &overflow) : 0)
        }
        for r in range.clamped(to: rows.documentCount..<rows.count) {
            open.set(r, rows.issue[r] <= d && only?[r] != false ? -rows.amount[r] : 0)
        }
        for r in range {
            reason.set(r, -1)
            hasOpenDispute.set(r, false)
            disputed.set(r, 0)
        }
        for i in documents where docs.disputeStart[i] < docs.disputeStart[i + 1] && only?[i] != false {
            var sum: Int64 = 0, whole = false, has = false, large = false
            for k in Int(docs.disputeStart[i])..<Int(docs.disputeStart[i + 1]) where isOpen(k, disputes, at: d) {
                if !has { reason.set(i, disputes.reason.codes[k]) }
                has = true
                if let amount = disputes.amount[k] { sum.add(amount, overflow: &large) } else { whole = true }
            }
            hasOpenDispute.set(i, has)
            let o = open.get(i)
            // Disputed amounts beyond 64 bits are capped at the open amount all the same.
            if has, o > 0 { disputed.set(i, whole || large ? o : min(sum, o)) }
        }
        try MetricError.check(overflow, "the open amount of a document")
    }

    /// The signed open amount at `d` of document `i`, issued on or before `d`: its amount less
    /// its allocations and write-offs dated on or before `d`, negative for a credit note.
    /// With ``CheckedAddition``, `overflow` becomes true when it does not fit in 64 bits.
    @inline(__always)
    static func documentOpen<A: MoneyAddition>(_ i: Int, _ docs: DocumentTable, _ wo: WriteOffTable, at d: Int32, _: A.Type,
                                               _ overflow: inout Bool) -> Int64 {
        var o = docs.amount[i]
        var k = Int(docs.allocationStart[i])
        let end = Int(docs.allocationStart[i + 1])
        while k < end, docs.allocationDay[k] <= d {
            A.subtract(&o, docs.allocationAmount[k], &overflow)
            k += 1
        }
        var w = Int(docs.writeOffStart[i])
        let wEnd = Int(docs.writeOffStart[i + 1])
        while w < wEnd, wo.day[w] <= d {
            A.subtract(&o, wo.amount[w], &overflow)
            w += 1
        }
        return docs.isCreditNote(i) ? A.negate(o, &overflow) : o
    }

    /// ``documentOpen(_:_:_:at:_:_:)`` checked, throwing when it does not fit in 64 bits.
    static func documentOpen(_ i: Int, _ docs: DocumentTable, _ wo: WriteOffTable, at d: Int32) throws(MetricError) -> Int64 {
        var overflow = false
        let o = documentOpen(i, docs, wo, at: d, CheckedAddition.self, &overflow)
        try MetricError.check(overflow, "the open amount of document '\(docs.ids[i])'")
        return o
    }

    /// Whether document `i` has a dispute open at `d`.
    static func hasOpenDispute(_ i: Int, _ docs: DocumentTable, _ disputes: DisputeTable, at d: Int32) -> Bool {
        (Int(docs.disputeStart[i])..<Int(docs.disputeStart[i + 1])).contains { isOpen($0, disputes, at: d) }
    }

    /// Whether dispute row `k` is open at `d`: opened on or before it, not resolved on or before it.
    @inline(__always)
    static func isOpen(_ k: Int, _ disputes: DisputeTable, at d: Int32) -> Bool {
        guard disputes.opened[k] <= d else { return false }
        if let resolved = disputes.resolved[k] { return resolved > d }
        return true
    }
}
