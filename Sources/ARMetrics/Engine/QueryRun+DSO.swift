import ARCore
import ARStore

extension QueryRun {
    /// Count-back DSO per group (metrics.md): walk back one calendar month at a time, taking
    /// each month's net sales off `AR(d)`, for at most 24 months. A group with neither an open
    /// item at `d` nor a document in the 24 months (one only another metric of the query
    /// brought in) has no count-back DSO, as in the SQL.
    func countBackDSO(_ f: DateFrame, ar: [Int64], itemCounts: [Int]) throws(MetricError) -> [MetricValue] {
        let months = 24
        let bounds = (0...months).map { Day(rawValue: f.day).adding(months: -$0).rawValue }   // decreasing
        let groups = registry.count, docs = ledger.documents, rates = flowRates, day = f.day, rowGroup = f.rowGroup, mask = f.mask
        let monthIndex = DateIndex(Array(bounds.reversed()))
        // Per group and month: net sales; then per group, whether a document counted.
        let checks = checksSums
        let acc = try ParallelSum.sum(count: rows.documentCount, size: groups * (months + 1), stop: stop) { (range, acc) throws(MetricError) in
            let issued = range.lazy.filter { docs.issue[$0] > bounds[months] && docs.issue[$0] <= day && mask?[$0] != false }
            // Month k (1-based) is (bounds[k], bounds[k - 1]]; `rising[j]` is `bounds[months - j]`,
            // so the first rising bound on or after the issue day is j = months - k + 1.
            let slot = { (i: Int) in Int(rowGroup[i]) * months + months - monthIndex.first(notBefore: docs.issue[i]) }
            if checks {
                try Self.addSales(issued, docs, rates, group: rowGroup, into: acc, slot: slot, flags: acc + groups * months,
                                  CheckedAddition.self)
            } else {
                try Self.addSales(issued, docs, rates, group: rowGroup, into: acc, slot: slot, flags: acc + groups * months,
                                  UncheckedAddition.self)
            }
        }
        touch(counts: acc[(groups * months)...].map { Int($0) })
        let sales = acc
        return (0..<registry.count).map { g in
            let hasItems = g < itemCounts.count && itemCounts[g] > 0
            let hasSales = groups * months + g < sales.count && sales[groups * months + g] != 0
            guard hasItems || hasSales else { return .missing }
            var r = g < ar.count ? ar[g] : 0
            var days = 0.0
            for k in 1...months {
                let s = sales[g * months + k - 1], length = Int64(bounds[k - 1] - bounds[k])
                if s <= 0 { break }
                if r >= s {
                    days += Double(length)
                    r -= s
                } else {
                    days += Double(r) * Double(length) / Double(s)
                    break
                }
            }
            return .days(days)
        }
    }

    /// CEI over `(a, f.day]` spanning `n` months (`nNumerator / nDenominator`), in the Credit
    /// Research Foundation form, with `AR(a)` recomputed at `a`.
    func cei(_ f: DateFrame, from a: Int32, months nNumerator: Int64, _ nDenominator: Int64,
             end: BalanceSums, sales: [Int64]) throws(MetricError) -> [MetricValue] {
        let start = try balances(try frame(at: a))
        return (0..<registry.count).map { g in
            func at(_ values: [Int64]) -> Int128 { g < values.count ? Int128(values[g]) : 0 }
            // Both sides multiplied by N so that every term stays an integer.
            let base = Int128(nNumerator) * at(start.ar) + Int128(nDenominator) * at(sales)
            let numerator = base - Int128(nNumerator) * at(end.ar)
            let denominator = base - Int128(nNumerator) * at(end.current)
            return denominator == 0 ? .missing : .percent(Double(numerator) / Double(denominator) * 100)
        }
    }
}
