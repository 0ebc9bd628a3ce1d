import ARCore
import ARStore

extension QueryRun {
    /// Count-back DSO per group (metrics.md): walk back one calendar month at a time, taking
    /// each month's net sales off `AR(d)`, for at most 24 months.
    func countBackDSO(_ f: DateFrame, ar: [Int64]) throws(MetricError) -> [MetricValue] {
        let months = 24
        let bounds = (0...months).map { Day(rawValue: f.day).adding(months: -$0).rawValue }   // decreasing
        let docs = ledger.documents
        var sales = [Int64](repeating: 0, count: registry.count * months)
        var seen: [Int] = perGroup(0)
        for i in 0..<rows.documentCount where docs.issue[i] > bounds[months] && docs.issue[i] <= f.day && f.selected(i) {
            // Month k (1-based) is (bounds[k], bounds[k - 1]]: find the first bound below the issue day.
            var lo = 1, hi = months
            while lo < hi {
                let mid = (lo + hi) / 2
                if bounds[mid] < docs.issue[i] { hi = mid } else { lo = mid + 1 }
            }
            var value = try book.cross(from: docs.currency[i], to: target, on: docs.issue[i]).apply(docs.amount[i])
            if docs.isCreditNote(i) { value = -value }
            sales[Int(f.rowGroup[i]) * months + lo - 1] += value
            seen[Int(f.rowGroup[i])] = 1
        }
        touch(counts: seen)
        return (0..<registry.count).map { g in
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
