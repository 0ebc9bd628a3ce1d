import ARCore
import ARStore

/// Amount-weighted day sums of the invoices cleared in a period.
struct PaymentTiming {
    var weight: [Int128]
    var weightedDaysToPay: [Int128]
    var weightedDaysLate: [Int128]
}

extension QueryRun {
    /// Net sales in `(a, f.day]`: invoices minus credit notes issued in the period, each converted
    /// at its issue date's rate, by the documents' groups at the frame's date.
    func sales(_ f: DateFrame, from a: Int32) throws(MetricError) -> [Int64] {
        var sums: [Int64] = perGroup(0), seen: [Int] = perGroup(0)
        let docs = ledger.documents
        for i in 0..<rows.documentCount where docs.issue[i] > a && docs.issue[i] <= f.day && f.selected(i) {
            var value = try book.cross(from: docs.currency[i], to: target, on: docs.issue[i]).apply(docs.amount[i])
            if docs.isCreditNote(i) { value = -value }
            sums[Int(f.rowGroup[i])] += value
            seen[Int(f.rowGroup[i])] = 1
        }
        touch(counts: seen)
        return sums
    }

    /// Write-offs dated in `(a, f.day]`, each converted at its own date's rate.
    func writeOffs(_ f: DateFrame, from a: Int32) throws(MetricError) -> [Int64] {
        var sums: [Int64] = perGroup(0)
        let wo = ledger.writeOffs, docs = ledger.documents
        for k in 0..<wo.count where wo.day[k] > a && wo.day[k] <= f.day {
            let i = Int(wo.document[k])
            guard f.selected(i) else { continue }
            sums[Int(f.rowGroup[i])] += try book.cross(from: docs.currency[i], to: target, on: wo.day[k]).apply(wo.amount[k])
            touch(f.rowGroup[i])
        }
        return sums
    }

    /// Days to pay and days late of the invoices cleared in `(a, f.day]`, weighted by the invoice
    /// amount at its issue date's rate. An invoice clears on the first date its cumulative
    /// allocations reach its amount; write-offs never clear it.
    func paymentTiming(_ f: DateFrame, from a: Int32) throws(MetricError) -> PaymentTiming {
        var t = PaymentTiming(weight: perGroup(0), weightedDaysToPay: perGroup(0), weightedDaysLate: perGroup(0))
        var seen: [Int] = perGroup(0)
        let docs = ledger.documents
        for i in 0..<rows.documentCount where !docs.isCreditNote(i) && f.selected(i) {
            guard let cleared = clearingDay(i, docs), cleared > a, cleared <= f.day else { continue }
            let w = Int128(try book.cross(from: docs.currency[i], to: target, on: docs.issue[i]).apply(docs.amount[i]))
            let g = Int(f.rowGroup[i])
            t.weight[g] += w
            t.weightedDaysToPay[g] += w * Int128(cleared - docs.issue[i])
            t.weightedDaysLate[g] += w * Int128(max(0, cleared - docs.due[i]))
            seen[g] = 1
        }
        touch(counts: seen)
        return t
    }

    /// The first date document `i`'s cumulative allocations reach its amount.
    @inline(__always)
    func clearingDay(_ i: Int, _ docs: DocumentTable) -> Int32? {
        var paid: Int64 = 0
        for k in Int(docs.allocationStart[i])..<Int(docs.allocationStart[i + 1]) {
            paid += docs.allocationAmount[k]
            if paid >= docs.amount[i] { return docs.allocationDay[k] }
        }
        return nil
    }
}
