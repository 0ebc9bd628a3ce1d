import ARCore
import ARStore

extension QueryRun {
    /// Sum of `resolved − opened` and count of the disputes resolved in `(a, f.day]`.
    func disputeResolution(_ f: DateFrame, from a: Int32) throws(MetricError) -> (days: [Int64], count: [Int]) {
        var days: [Int64] = perGroup(0), count: [Int] = perGroup(0)
        let disputes = ledger.disputes
        var groups: [(Int32, Int64)] = []
        for k in 0..<disputes.count {
            try stop.poll(row: k)
            guard let resolved = disputes.resolved[k], resolved > a, resolved <= f.day,
                  f.selected(Int(disputes.document[k])) else { continue }
            groups.append((disputeGroup(k, frame: f), Int64(resolved - disputes.opened[k])))
        }
        days = perGroup(0)
        count = perGroup(0)
        for (g, d) in groups {
            days[Int(g)] += d
            count[Int(g)] += 1
            touch(g)
        }
        return (days, count)
    }

    /// Disputes open at the frame's date, counted one by one.
    func openDisputes(_ f: DateFrame) throws(MetricError) -> [Int] {
        let disputes = ledger.disputes
        var groups: [Int32] = []
        for k in 0..<disputes.count where OpenState.isOpen(k, disputes, at: f.day) && f.selected(Int(disputes.document[k])) {
            try stop.poll(row: k)
            groups.append(disputeGroup(k, frame: f))
        }
        var count: [Int] = perGroup(0)
        for g in groups {
            count[Int(g)] += 1
            touch(g)
        }
        return count
    }
}
