import ARCore
import ARStore

/// Balances at many dates in one pass over the items (a series without a filter and without
/// date-dependent dimensions): each item walks its allocations and write-offs once while the
/// dates advance, and stops at the date it is settled for good. Cost: O(rows + allocations +
/// open (item, date) pairs) instead of O(dates × (rows + allocations)).
struct BalanceSweep {
    /// Per date: AR, current, overdue, (disputed left at 0), counts, and one column per aging spec.
    var sums: [BalanceSums] = []
    /// `aging[date][spec][bucket][group]`.
    var aging: [[[[Int64]]]] = []

    /// Metrics the sweep computes; `disputed` and `customers` need more than an item's open amount.
    static let kinds: Set<MetricKind> = [.ar, .current, .overdue, .overdueRate, .count, .aging]
    /// Flows that need only each document's (fixed) group, so they can go along with a sweep.
    static let flowKinds: Set<MetricKind> = [.sales, .dso, .bpdso, .add, .writeOffs, .badDebtRate, .daysToPay, .daysLate]

    static func applies(to query: MetricQuery) -> Bool {
        query.dates.count > 1 && zip(query.dates, query.dates.dropFirst()).allSatisfy { $0 < $1 } && query.filter == nil
            && !query.dimensions.contains { $0 == .bucket || $0 == .disputeReason }
            && query.metrics.allSatisfy { kinds.contains($0.kind) || flowKinds.contains($0.kind) }
            && query.metrics.contains { kinds.contains($0.kind) }
    }

    init(run: QueryRun, dates: [Int32], specs: [AgingSpec]) throws(MetricError) {
        let rows = run.rows, docs = run.ledger.documents, wo = run.ledger.writeOffs, currencies = run.ledger.currencies
        let group = run.groupRows(nil).groups
        let groups = run.registry.count, n = dates.count, currencyCount = currencies.count
        // Factors flat by date then currency; a missing one is an error only when used.
        var rates = [CrossRate](repeating: .identity, count: n * currencyCount)
        var missing = [Bool](repeating: false, count: n * currencyCount)
        for (j, day) in dates.enumerated() {
            for (c, factor) in try run.book.factors(to: run.target, on: day).enumerated() {
                if let factor { rates[j * currencyCount + c] = factor } else { missing[j * currencyCount + c] = true }
            }
        }
        // Items in a currency converted by 1 at every date add a constant between two of their
        // events: one start and one end per stretch in difference arrays, not one add per date.
        let constant = (0..<currencyCount).map { c in (0..<n).allSatisfy { !missing[$0 * currencyCount + c] && rates[$0 * currencyCount + c].isIdentity } }
        var ar = [Int64](repeating: 0, count: (n + 1) * groups), current = ar, count = [Int](repeating: 0, count: (n + 1) * groups)
        var arStep = ar, currentStep = ar, countStep = count
        let dateIndex = DateIndex(dates)
        let bucketCounts = specs.map(\.bucketNames.count)
        var buckets = bucketCounts.map { [Int64](repeating: 0, count: n * $0 * groups) }
        for r in 0..<rows.count {
            var j = dateIndex.first(notBefore: rows.issue[r])
            guard j < n else { continue }
            let g = Int(group[r]), isDocument = r < rows.documentCount, c = Int(rows.currency[r]), due = rows.due[r]
            let negate = rows.type[r] != ItemRows.invoiceType, stretches = specs.isEmpty && constant[c]
            var o = rows.amount[r]
            var k = isDocument ? Int(docs.allocationStart[r]) : 0, w = isDocument ? Int(docs.writeOffStart[r]) : 0
            let kEnd = isDocument ? Int(docs.allocationStart[r + 1]) : 0, wEnd = isDocument ? Int(docs.writeOffStart[r + 1]) : 0
            while j < n {
                let d = dates[j]
                while k < kEnd, docs.allocationDay[k] <= d { o -= docs.allocationAmount[k]; k += 1 }
                while w < wEnd, wo.day[w] <= d { o -= wo.amount[w]; w += 1 }
                if o == 0 {
                    if k == kEnd && w == wEnd { break }   // settled for good
                    j += 1
                    continue
                }
                let signed = negate ? -o : o
                if stretches {
                    // Open at `signed` until the next allocation or write-off, current up to its due date.
                    let next = min(k < kEnd ? docs.allocationDay[k] : .max, w < wEnd ? wo.day[w] : .max)
                    let stop = dateIndex.first(notBefore: next)
                    let currentStop = min(stop, dateIndex.first(after: due))
                    arStep[j * groups + g] += signed
                    arStep[stop * groups + g] -= signed
                    countStep[j * groups + g] += 1
                    countStep[stop * groups + g] -= 1
                    if currentStop > j {
                        currentStep[j * groups + g] += signed
                        currentStep[currentStop * groups + g] -= signed
                    }
                    j = stop
                    continue
                }
                let at = j * currencyCount + c
                if missing[at] { throw MetricError.noRate(currencies[c].code, on: d) }
                let value = try rates[at].apply(signed)
                let slot = j * groups + g
                ar[slot] += value
                count[slot] += 1
                if due >= d { current[slot] += value }
                for (s, spec) in specs.enumerated() {
                    let basis = spec.basis == .dueDate ? due : rows.issue[r]
                    buckets[s][(j * bucketCounts[s] + spec.bucket(days: Int(d) - Int(basis))) * groups + g] += value
                }
                j += 1
            }
        }
        // Running sums of the steps, added to the per-date sums.
        for slot in 0..<n * groups {
            if slot >= groups {
                arStep[slot] += arStep[slot - groups]
                currentStep[slot] += currentStep[slot - groups]
                countStep[slot] += countStep[slot - groups]
            }
            ar[slot] += arStep[slot]
            current[slot] += currentStep[slot]
            count[slot] += countStep[slot]
        }
        for j in 0..<n {
            let range = j * groups..<(j + 1) * groups
            let a = Array(ar[range]), c = Array(current[range])
            sums.append(BalanceSums(ar: a, current: c, overdue: zip(a, c).map { $0 - $1 },
                                    disputed: [Int64](repeating: 0, count: groups), count: Array(count[range])))
            aging.append(specs.indices.map { s in
                (0..<bucketCounts[s]).map { b in
                    let start = (j * bucketCounts[s] + b) * groups
                    return Array(buckets[s][start..<start + groups])
                }
            })
        }
    }
}

/// The first index of increasing `dates` whose day is on or after `day` (`dates.count` if none).
func firstIndex(in dates: [Int32], notBefore day: Int32) -> Int {
    var lo = 0, hi = dates.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if dates[mid] < day { lo = mid + 1 } else { hi = mid }
    }
    return lo
}

/// `firstIndex(in:notBefore:)` of increasing dates by one table lookup: the sweep asks it once
/// per item and once per stretch, and a binary search there mispredicts on every step.
struct DateIndex {
    let first: Int32, last: Int32, count: Int
    /// Per day from `first` to `last`: the index of the first date on or after it.
    let table: [Int32]

    init(_ dates: [Int32]) {
        first = dates.first ?? 0
        last = dates.last ?? -1
        count = dates.count
        table = last < first ? [] : (first...last).map { Int32(firstIndex(in: dates, notBefore: $0)) }
    }

    @inline(__always)
    func first(notBefore day: Int32) -> Int {
        if day <= first { return 0 }
        if day > last { return count }
        return Int(table[Int(day - first)])
    }

    /// The first index whose date is after `day`.
    @inline(__always)
    func first(after day: Int32) -> Int { day >= last ? count : first(notBefore: day + 1) }
}
