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
    /// filter that rejects them anyway. Rows are worked in blocks on a few threads.
    init(rows: ItemRows, ledger: Ledger, at d: Int32, only: [Bool]? = nil) {
        day = d
        let n = rows.count
        // Four columns written once per row, without zeroing them first.
        var reason: [Int32] = [], hasOpenDispute: [Bool] = [], disputed: [Int64] = []
        open = .filledByRows(count: n) { open in
            reason = .filledByRows(count: n) { reason in
                hasOpenDispute = .filledByRows(count: n) { has in
                    disputed = .filledByRows(count: n) { disputed in
                        ParallelRows.forEach(count: n) { range in
                            for r in range {
                                let row = Self.row(r, rows: rows, ledger: ledger, at: d, selected: only?[r] != false)
                                open.set(r, row.open)
                                reason.set(r, row.reason)
                                has.set(r, row.hasOpenDispute)
                                disputed.set(r, row.disputed)
                            }
                        }
                    }
                }
            }
        }
        self.reason = reason
        self.hasOpenDispute = hasOpenDispute
        self.disputed = disputed
    }

    /// Row `r`'s open amount and open disputes at `d` (all zero when not `selected`).
    @inline(__always)
    private static func row(_ r: Int, rows: ItemRows, ledger: Ledger, at d: Int32, selected: Bool)
        -> (open: Int64, reason: Int32, hasOpenDispute: Bool, disputed: Int64) {
        guard selected else { return (0, -1, false, 0) }
        guard r < rows.documentCount else { return (rows.issue[r] <= d ? -rows.amount[r] : 0, -1, false, 0) }
        let docs = ledger.documents
        var open: Int64 = 0
        if docs.issue[r] <= d {
            let wo = ledger.writeOffs
            var o = docs.amount[r]
            var k = Int(docs.allocationStart[r])
            let end = Int(docs.allocationStart[r + 1])
            while k < end, docs.allocationDay[k] <= d {
                o -= docs.allocationAmount[k]
                k += 1
            }
            var w = Int(docs.writeOffStart[r])
            let wEnd = Int(docs.writeOffStart[r + 1])
            while w < wEnd, wo.day[w] <= d {
                o -= wo.amount[w]
                w += 1
            }
            open = rows.type[r] == ItemRows.creditNoteType ? -o : o
        }
        let first = Int(docs.disputeStart[r]), last = Int(docs.disputeStart[r + 1])
        guard first < last else { return (open, -1, false, 0) }
        let disputes = ledger.disputes
        var reason: Int32 = -1, has = false, sum: Int64 = 0, whole = false
        for k in first..<last where isOpen(k, disputes, at: d) {
            if !has { reason = disputes.reason.codes[k] }
            has = true
            if let amount = disputes.amount[k] { sum += amount } else { whole = true }
        }
        let disputed = has && open > 0 ? (whole ? open : min(sum, open)) : 0
        return (open, reason, has, disputed)
    }

    /// Whether dispute row `k` is open at `d`: opened on or before it, not resolved on or before it.
    @inline(__always)
    static func isOpen(_ k: Int, _ disputes: DisputeTable, at d: Int32) -> Bool {
        guard disputes.opened[k] <= d else { return false }
        if let resolved = disputes.resolved[k] { return resolved > d }
        return true
    }
}
