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
    /// filter that rejects them anyway.
    init(rows: ItemRows, ledger: Ledger, at d: Int32, only: [Bool]? = nil) {
        day = d
        let docs = ledger.documents, wo = ledger.writeOffs
        var open = [Int64](repeating: 0, count: rows.count)
        for i in 0..<rows.documentCount where docs.issue[i] <= d && only?[i] != false {
            open[i] = Self.documentOpen(i, docs, wo, at: d)
        }
        for r in rows.documentCount..<rows.count where rows.issue[r] <= d && only?[r] != false { open[r] = -rows.amount[r] }
        self.open = open
        reason = [Int32](repeating: -1, count: rows.count)
        hasOpenDispute = [Bool](repeating: false, count: rows.count)
        disputed = [Int64](repeating: 0, count: rows.count)
        markDisputes(ledger.documents, ledger.disputes, only: only)
    }

    /// The signed open amount at `d` of document `i`, issued on or before `d`: its amount less
    /// its allocations and write-offs dated on or before `d`, negative for a credit note.
    @inline(__always)
    static func documentOpen(_ i: Int, _ docs: DocumentTable, _ wo: WriteOffTable, at d: Int32) -> Int64 {
        var o = docs.amount[i]
        var k = Int(docs.allocationStart[i])
        let end = Int(docs.allocationStart[i + 1])
        while k < end, docs.allocationDay[k] <= d {
            o -= docs.allocationAmount[k]
            k += 1
        }
        var w = Int(docs.writeOffStart[i])
        let wEnd = Int(docs.writeOffStart[i + 1])
        while w < wEnd, wo.day[w] <= d {
            o -= wo.amount[w]
            w += 1
        }
        return docs.isCreditNote(i) ? -o : o
    }

    /// Whether document `i` has a dispute open at `d`.
    static func hasOpenDispute(_ i: Int, _ docs: DocumentTable, _ disputes: DisputeTable, at d: Int32) -> Bool {
        (Int(docs.disputeStart[i])..<Int(docs.disputeStart[i + 1])).contains { isOpen($0, disputes, at: d) }
    }

    private mutating func markDisputes(_ docs: DocumentTable, _ disputes: DisputeTable, only: [Bool]?) {
        for i in 0..<docs.count where docs.disputeStart[i] < docs.disputeStart[i + 1] && only?[i] != false {
            var sum: Int64 = 0
            var whole = false
            for k in Int(docs.disputeStart[i])..<Int(docs.disputeStart[i + 1]) where Self.isOpen(k, disputes, at: day) {
                if !hasOpenDispute[i] { reason[i] = disputes.reason.codes[k] }
                hasOpenDispute[i] = true
                if let amount = disputes.amount[k] { sum += amount } else { whole = true }
            }
            if hasOpenDispute[i], open[i] > 0 { disputed[i] = whole ? open[i] : min(sum, open[i]) }
        }
    }

    /// Whether dispute row `k` is open at `d`: opened on or before it, not resolved on or before it.
    @inline(__always)
    static func isOpen(_ k: Int, _ disputes: DisputeTable, at d: Int32) -> Bool {
        guard disputes.opened[k] <= d else { return false }
        if let resolved = disputes.resolved[k] { return resolved > d }
        return true
    }
}
