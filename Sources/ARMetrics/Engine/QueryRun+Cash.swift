import ARCore
import ARStore

/// Per group, the invoices cleared in a period counted one by one (docs/metrics-notes.md,
/// "Unweighted days and shares paid late").
struct ClearedCounts {
    /// Invoices cleared in the period.
    var count: [Int64]
    var daysToPay: [Int64]
    var daysLate: [Int64]
    /// Of them, cleared after their due date.
    var late: [Int64]
}

extension QueryRun {
    /// Cash received in `(a, f.day]` (docs/metrics-notes.md, "Collections"): every payment row
    /// dated in the period, at its own date's rate, in the group of the item it settles (its
    /// document, or itself as cash on account); rows allocated to a credit note (refunds) count
    /// negative, so that `AR(a) + sales − collections − write-offs = AR(d)`. A row allocated to a
    /// document issued after `d` waits for it (the document is not an item yet).
    func collections(_ f: DateFrame, from a: Int32) throws(MetricError) -> [Int64] {
        var sums: [Int64] = perGroup(0), seen: [Int] = perGroup(0)
        let pay = ledger.payments, docs = ledger.documents, rates = flowRates, documentCount = rows.documentCount
        var unallocated = 0   // the item row of cash on account: payment order (``ItemRows``)
        var overflow = false
        for p in 0..<pay.count {
            try stop.poll(row: p)
            let doc = Int(pay.document[p])
            let r = doc >= 0 ? doc : documentCount + unallocated
            if doc < 0 { unallocated += 1 }
            guard pay.day[p] > a, pay.day[p] <= f.day, doc < 0 || docs.issue[doc] <= f.day, f.selected(r) else { continue }
            let value = try rates.convert(pay.amount[p], currency: pay.currency[p], on: pay.day[p])
            let g = Int(f.rowGroup[r])
            if doc >= 0 && docs.isCreditNote(doc) { sums[g].add(-value, overflow: &overflow) } else { sums[g].add(value, overflow: &overflow) }
            seen[g] = 1
        }
        try MetricError.check(overflow, "the collections of a group")
        touch(counts: seen)
        return sums
    }

    /// The invoices cleared in `(a, f.day]`, each counted once: how many, their days to pay and
    /// days late summed, and how many were cleared after their due date.
    func clearedCounts(_ f: DateFrame, from a: Int32) throws(MetricError) -> ClearedCounts {
        let groups = registry.count, docs = ledger.documents, day = f.day, rowGroup = f.rowGroup, mask = f.mask
        let acc = try ParallelSum.sum(count: rows.documentCount, size: 4 * groups, of: Int64.self, stop: stop) { (range, acc) throws(MetricError) in
            for i in range where !docs.isCreditNote(i) && mask?[i] != false {
                guard let cleared = PaymentBehaviour.clearingDay(i, docs), cleared > a, cleared <= day else { continue }
                let g = Int(rowGroup[i]), late = Int64(max(0, cleared - docs.due[i]))
                acc[g] += 1
                acc[groups + g] += Int64(cleared - docs.issue[i])
                acc[2 * groups + g] += late
                if late > 0 { acc[3 * groups + g] += 1 }
            }
        }
        touch(counts: acc[..<groups].map { Int($0) })
        return ClearedCounts(count: Array(acc[..<groups]), daysToPay: Array(acc[groups..<2 * groups]),
                             daysLate: Array(acc[(2 * groups)..<(3 * groups)]), late: Array(acc[(3 * groups)...]))
    }
}
