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
        let groups = registry.count, docs = ledger.documents, rates = flowRates, day = f.day, rowGroup = f.rowGroup, mask = f.mask
        let checks = checksSums
        // Per group: the sum, then whether a document counted.
        let acc = try ParallelSum.sum(count: rows.documentCount, size: 2 * groups, stop: stop) { (range, acc) throws(MetricError) in
            let issued = range.lazy.filter { docs.issue[$0] > a && docs.issue[$0] <= day && mask?[$0] != false }
            if checks {
                try Self.addSales(issued, docs, rates, group: rowGroup, into: acc, slot: { Int(rowGroup[$0]) }, flags: acc + groups,
                                  CheckedAddition.self)
            } else {
                try Self.addSales(issued, docs, rates, group: rowGroup, into: acc, slot: { Int(rowGroup[$0]) }, flags: acc + groups,
                                  UncheckedAddition.self)
            }
        }
        touch(counts: acc[groups...].map { Int($0) })
        return Array(acc[..<groups])
    }

    /// Adds the converted amounts of `documents` (credit notes negative), each at its issue
    /// date's rate, into `sums[slot(document)]`, and sets the `flags` of their groups.
    @inline(__always)
    static func addSales<A: MoneyAddition>(_ documents: some Sequence<Int>, _ docs: DocumentTable, _ rates: FlowRates, group: [Int32],
                                           into sums: UnsafeMutablePointer<Int64>, slot: (Int) -> Int,
                                           flags: UnsafeMutablePointer<Int64>, _: A.Type) throws(MetricError) {
        var overflow = false
        for i in documents {
            let value = try rates.convert(docs.amount[i], currency: docs.currency[i], on: docs.issue[i])
            if docs.isCreditNote(i) { A.subtract(&sums[slot(i)], value, &overflow) } else { A.add(&sums[slot(i)], value, &overflow) }
            flags[Int(group[i])] = 1
        }
        try MetricError.check(overflow, "the sales of a group")
    }

    /// Write-offs dated in `(a, f.day]`, each converted at its own date's rate.
    func writeOffs(_ f: DateFrame, from a: Int32) throws(MetricError) -> [Int64] {
        var sums: [Int64] = perGroup(0)
        let wo = ledger.writeOffs, docs = ledger.documents, rates = flowRates
        var overflow = false
        for k in 0..<wo.count where wo.day[k] > a && wo.day[k] <= f.day {
            try stop.poll(row: k)
            let i = Int(wo.document[k])
            guard f.selected(i) else { continue }
            sums[Int(f.rowGroup[i])].add(try rates.convert(wo.amount[k], currency: docs.currency[i], on: wo.day[k]), overflow: &overflow)
            touch(f.rowGroup[i])
        }
        try MetricError.check(overflow, "the write-offs of a group")
        return sums
    }

    /// Days to pay and days late of the invoices cleared in `(a, f.day]`, weighted by the invoice
    /// amount at its issue date's rate. An invoice clears on the first date its cumulative
    /// allocations reach its amount; write-offs never clear it.
    func paymentTiming(_ f: DateFrame, from a: Int32) throws(MetricError) -> PaymentTiming {
        let groups = registry.count, docs = ledger.documents, rates = flowRates, day = f.day, rowGroup = f.rowGroup, mask = f.mask
        // Per group: weight, weighted days to pay, weighted days late, whether an invoice counted.
        let acc = try ParallelSum.sum(count: rows.documentCount, size: 4 * groups, of: Int128.self, stop: stop) { (range, acc) throws(MetricError) in
            for i in range where !docs.isCreditNote(i) && mask?[i] != false {
                guard let cleared = PaymentBehaviour.clearingDay(i, docs), cleared > a, cleared <= day else { continue }
                let w = Int128(try rates.convert(docs.amount[i], currency: docs.currency[i], on: docs.issue[i]))
                let g = Int(rowGroup[i])
                acc[g] += w
                acc[groups + g] += w * Int128(cleared - docs.issue[i])
                acc[2 * groups + g] += w * Int128(max(0, cleared - docs.due[i]))
                acc[3 * groups + g] = 1
            }
        }
        touch(counts: acc[(3 * groups)...].map { Int($0) })
        return PaymentTiming(weight: Array(acc[..<groups]), weightedDaysToPay: Array(acc[groups..<2 * groups]),
                             weightedDaysLate: Array(acc[(2 * groups)..<(3 * groups)]))
    }
}
