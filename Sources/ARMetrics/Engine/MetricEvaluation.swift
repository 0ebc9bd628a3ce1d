import ARCore
import ARStore

/// The figures asked for at one date, sharing the sums several metrics need (AR, sales of a
/// period) through small caches.
final class MetricEvaluation {
    let run: QueryRun
    private let givenFrame: DateFrame?
    private let day: Int32
    private var cachedBalances: BalanceSums?
    private var cachedSales: [Int32: [Int64]] = [:]
    /// Aging columns already computed by a ``BalanceSweep``, by spec.
    private var sweptAging: [AgingSpec: [[Int64]]] = [:]

    init(run: QueryRun, frame: DateFrame) {
        self.run = run
        givenFrame = frame
        day = frame.day
    }

    /// Values from a ``BalanceSweep`` at one date, with a frame of fixed groups for the flows.
    init(run: QueryRun, day: Int32, frame: DateFrame?, balances: BalanceSums, aging: [AgingSpec: [[Int64]]]) {
        self.run = run
        givenFrame = frame
        self.day = day
        cachedBalances = balances
        sweptAging = aging
    }

    /// The frame at the date; a sweep evaluation never reaches a metric that needs it.
    private var frame: DateFrame { givenFrame! }

    /// One array of values per column (per group), in request order.
    func values(for requests: [MetricRequest]) throws(MetricError) -> [[MetricValue]] {
        var columns: [[MetricValue]] = []
        for request in requests { columns += try values(for: request) }
        return columns
    }

    private func balances() throws(MetricError) -> BalanceSums {
        if let cachedBalances { return cachedBalances }
        let sums = try run.balances(frame)
        cachedBalances = sums
        return sums
    }

    private func sales(from a: Int32) throws(MetricError) -> [Int64] {
        if let cached = cachedSales[a] { return cached }
        let sums = try run.sales(frame, from: a)
        cachedSales[a] = sums
        return sums
    }

    /// `numerator / denominator` per group, `.missing` over zero.
    private func ratio(_ n: [Int64], _ d: [Int64], scale: Double = 1, _ make: (Double) -> MetricValue) -> [MetricValue] {
        d.indices.map { g in
            let num = g < n.count ? n[g] : 0
            return d[g] == 0 ? .missing : make(Double(num) / Double(d[g]) * scale)
        }
    }

    private func values(for request: MetricRequest) throws(MetricError) -> [[MetricValue]] {
        let a = request.effectivePeriod?.start(endingOn: Day(rawValue: day)).rawValue ?? day
        let days = Double(day - a)
        switch request.kind {
        case .ar: return [try balances().ar.map { .money($0) }]
        case .current: return [try balances().current.map { .money($0) }]
        case .overdue: return [try balances().overdue.map { .money($0) }]
        case .disputed: return [try balances().disputed.map { .money($0) }]
        case .count: return [try balances().count.map { .count($0) }]
        case .overdueRate:
            let b = try balances()
            return [ratio(b.overdue, b.ar) { .ratio($0) }]
        case .aging:
            let columns: [[Int64]]
            if let swept = sweptAging[request.aging] { columns = swept } else { columns = try run.aging(frame, spec: request.aging) }
            return columns.map { $0.map { .money($0) } }
        case .customers: return [try run.customerCounts(frame).map { .count($0) }]
        case .penalties: return [try run.penalties(frame, rules: request.penalties).map { .money($0) }]
        case .sales: return [try sales(from: a).map { .money($0) }]
        case .dso where request.dsoMethod == .countback:
            let sums = try balances()
            return [try run.countBackDSO(frame, ar: sums.ar, itemCounts: sums.count)]
        case .dso: return [ratio(try balances().ar, try sales(from: a), scale: days) { .days($0) }]
        case .bpdso: return [ratio(try balances().current, try sales(from: a), scale: days) { .days($0) }]
        case .add: return [ratio(try balances().overdue, try sales(from: a), scale: days) { .days($0) }]
        case .cei:
            let (n, nd): (Int64, Int64) = switch request.effectivePeriod {
            case let .months(m): (Int64(m), 1)
            case let .days(k): (Int64(k), 30)
            case nil: (1, 1)
            }
            let end = try balances()
            return [try run.cei(frame, from: a, months: n, nd, end: end, sales: try sales(from: a))]
        case .writeOffs: return [try run.writeOffs(frame, from: a).map { .money($0) }]
        case .badDebtRate: return [ratio(try run.writeOffs(frame, from: a), try sales(from: a)) { .ratio($0) }]
        case .daysToPay where !request.weighted, .daysLate where !request.weighted:
            let c = try run.clearedCounts(frame, from: a)
            return [ratio(request.kind == .daysToPay ? c.daysToPay : c.daysLate, c.count) { .days($0) }]
        case .paidLateRate, .paidOnTimeRate:
            let c = try run.clearedCounts(frame, from: a)
            let onTime = c.count.indices.map { c.count[$0] - c.late[$0] }
            return [ratio(request.kind == .paidLateRate ? c.late : onTime, c.count) { .ratio($0) }]
        case .collections: return [try run.collections(frame, from: a).map { .money($0) }]
        case .collectionsRate:
            let opening = try run.balances(try run.frame(at: a)).ar
            return [ratio(try run.collections(frame, from: a), opening) { .ratio($0) }]
        case .disputesOpened: return [try run.disputesOpened(frame, from: a).count.map { .count($0) }]
        case .disputedOpened: return [try run.disputesOpened(frame, from: a).amount.map { .money($0) }]
        case .disputesResolved: return [try run.disputeResolution(frame, from: a).count.map { .count($0) }]
        case .daysToPay, .daysLate:
            let t = try run.paymentTiming(frame, from: a)
            let sums = request.kind == .daysToPay ? t.weightedDaysToPay : t.weightedDaysLate
            return [t.weight.indices.map { g in t.weight[g] == 0 ? .missing : .days(Double(sums[g]) / Double(t.weight[g])) }]
        case .disputeDays:
            let r = try run.disputeResolution(frame, from: a)
            return [r.count.indices.map { g in r.count[g] == 0 ? .missing : .days(Double(r.days[g]) / Double(r.count[g])) }]
        case .openDisputes: return [try run.openDisputes(frame).map { .count($0) }]
        case .promiseKeptRate:
            let p = try run.promiseKeeping(frame, from: a, grace: request.graceDays)
            return [p.counted.indices.map { g in p.counted[g] == 0 ? .missing : .ratio(Double(p.kept[g]) / Double(p.counted[g])) }]
        }
    }
}
