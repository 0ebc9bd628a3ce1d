import ARCore
import ARStore

extension QueryRun {
    /// Disputes opened in `(a, f.day]`, per group: how many, and the amount put in dispute
    /// (docs/metrics-notes.md, "Disputes opened"): the dispute's amount when given, else its
    /// document's open amount on the opened date, at that date's rate.
    func disputesOpened(_ f: DateFrame, from a: Int32) throws(MetricError) -> (count: [Int], amount: [Int64]) {
        let disputes = ledger.disputes, docs = ledger.documents, rates = flowRates
        var opened: [(group: Int32, amount: Int64)] = []
        for k in 0..<disputes.count {
            try stop.poll(row: k)
            let day = disputes.opened[k], doc = Int(disputes.document[k])
            guard day > a, day <= f.day, f.selected(doc) else { continue }
            let amount = disputes.amount[k] ?? Self.openMagnitude(doc, docs, ledger.writeOffs, on: day)
            opened.append((disputeGroup(k, frame: f), try rates.convert(amount, currency: docs.currency[doc], on: day)))
        }
        var count: [Int] = perGroup(0), amount: [Int64] = perGroup(0)
        var overflow = false
        for (g, value) in opened {
            count[Int(g)] += 1
            amount[Int(g)].add(value, overflow: &overflow)
            touch(g)
        }
        try MetricError.check(overflow, "the disputed amount opened in a group")
        return (count, amount)
    }

    /// The amount of document `i` neither allocated nor written off on `day`, never below zero
    /// (its own currency, positive for a credit note too).
    static func openMagnitude(_ i: Int, _ docs: DocumentTable, _ writeOffs: WriteOffTable, on day: Int32) -> Int64 {
        var open = docs.amount[i]
        for k in Int(docs.allocationStart[i])..<Int(docs.allocationStart[i + 1]) where docs.allocationDay[k] <= day {
            open -= docs.allocationAmount[k]
        }
        for w in Int(docs.writeOffStart[i])..<Int(docs.writeOffStart[i + 1]) where writeOffs.day[w] <= day {
            open -= writeOffs.amount[w]
        }
        return max(0, open)
    }
}
