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
    static let flowKinds: Set<MetricKind> = [.sales, .dso, .bpdso, .add, .writeOffs, .badDebtRate, .daysToPay, .daysLate,
                                             .collections, .paidLateRate, .paidOnTimeRate]

    static func applies(to query: MetricQuery) -> Bool {
        query.dates.count > 1 && zip(query.dates, query.dates.dropFirst()).allSatisfy { $0 < $1 } && query.filter == nil
            && !query.dimensions.contains { $0 == .bucket || $0 == .disputeReason }
            && query.metrics.allSatisfy { kinds.contains($0.kind) || flowKinds.contains($0.kind) }
            && query.metrics.contains { kinds.contains($0.kind) }
    }

    init(run: QueryRun, dates: [Int32], specs: [AgingSpec]) throws(MetricError) {
        let pass = try SweepPass(run: run, dates: dates, specs: specs)
        try WorkMemory.require(Self.bytes(pass), for: "a series over \(dates.count) dates and \(pass.groups) groups")
        var acc = try ParallelSum.sum(count: pass.rows.count, size: pass.size, stop: run.stop) { (range, acc) throws(MetricError) in
            try pass.run(range, into: acc)
        }
        let n = dates.count, groups = pass.groups, part = pass.part
        // Running sums of the steps, added to the per-date sums.
        var overflow = false
        acc.withUnsafeMutableBufferPointer { p in
            for slot in 0..<n * groups {
                if slot >= groups {
                    for step in 3...5 { p[step * part + slot].add(p[step * part + slot - groups], overflow: &overflow) }
                }
                for sum in 0...2 { p[sum * part + slot].add(p[(sum + 3) * part + slot], overflow: &overflow) }
            }
        }
        for j in 0..<n {
            try run.stop.checkpoint()
            let a = Array(acc[j * groups..<(j + 1) * groups])
            let c = Array(acc[part + j * groups..<part + (j + 1) * groups])
            let count = acc[2 * part + j * groups..<2 * part + (j + 1) * groups].map { Int($0) }
            let overdue = zip(a, c).map { ar, current in
                var value = ar
                value.subtract(current, overflow: &overflow)
                return value
            }
            sums.append(BalanceSums(ar: a, current: c, overdue: overdue,
                                    disputed: [Int64](repeating: 0, count: groups), count: count))
            aging.append(specs.indices.map { s in
                (0..<pass.bucketCounts[s]).map { b in
                    let start = pass.bucketBase[s] + (j * pass.bucketCounts[s] + b) * groups
                    return Array(acc[start..<start + groups])
                }
            })
        }
        try MetricError.check(overflow, "the open items of a group in a series")
    }

    /// Bytes the sweep allocates at its peak: the accumulators of its workers, then the sums per
    /// date and group copied out of one of them.
    static func bytes(_ pass: SweepPass) -> Int {
        let workers = ParallelSum.workers(count: pass.rows.count, size: pass.size)
        let perDate = pass.groups * (5 + pass.bucketCounts.reduce(0, +)) * MemoryLayout<Int64>.stride
        return WorkMemory.product(workers, pass.size, MemoryLayout<Int64>.stride) + WorkMemory.product(pass.dates.count, perDate)
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
