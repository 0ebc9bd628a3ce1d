import ARCore
import ARMetrics
import ARStore

/// What a reader must know before trusting a result whose figures may be zero or empty because
/// the question was wrong, not because the ledger says so: a filter value no row has, a date
/// before the ledger's history, behaviour measures on a ledger without payments.
struct ResultWarnings {
    /// Measures of payment behaviour: meaningless without a payment history.
    static let behaviourMetrics: Set<MetricKind> = [.dso, .bpdso, .add, .cei, .daysToPay, .daysLate, .promiseKeptRate,
                                                    .collections, .collectionsRate, .paidLateRate, .paidOnTimeRate]

    let engine: (SnapshotScan) throws -> MetricEngine

    func warnings(for plan: PhysicalPlan, filter: ItemPredicate?, metrics: [MetricRequest], isForecast: Bool) throws -> [String] {
        var warnings: [String] = []
        guard let scan = plan.scans.last else { return [] }
        let latest = try engine(scan)
        let buckets = (metrics.first { $0.kind == .aging }?.aging ?? .standard).bucketNames
        if let filter { warnings += try unmatched(filter, in: latest, buckets: buckets) }
        for scan in plan.scans {
            let engine = try self.engine(scan)
            guard let first = engine.firstIssueDay, let early = scan.dates.first(where: { $0 < first }) else { continue }
            warnings.append("\(early.iso) is before the ledger's first document (\(first.iso)): figures there are zero for want of history")
            break
        }
        let behaviour = metrics.map(\.kind).filter(Self.behaviourMetrics.contains)
        if latest.holdsOpenItemsOnly, !behaviour.isEmpty || isForecast {
            let names = behaviour.isEmpty ? "the forecast by payment behaviour" : behaviour.map(\.name).joined(separator: ", ")
            warnings.append("the ledger holds open items only (no payment, no write-off): \(names) cannot be measured from it")
        }
        return warnings
    }

    /// A warning for each `dimension = value` (or `in`) of the filter that no row has.
    private func unmatched(_ filter: ItemPredicate, in engine: MetricEngine, buckets: [String]) throws -> [String] {
        var warnings: [String] = []
        for (dimension, values) in Self.named(in: filter) {
            if dimension == .customer {
                for value in values where !engine.hasCustomer(value) {
                    warnings.append("where customer = '\(value)' matches nothing: no customer has that id")
                }
                continue
            }
            let known = dimension == .bucket ? buckets : try engine.values(of: dimension)
            let knownSet = Set(known)
            for value in values where !knownSet.contains(value) {
                var line = "where \(dimension.name) = '\(value)' matches nothing: no row has that \(dimension.name)"
                if let near = EditDistance.closest(to: value, among: known) { line += "; did you mean '\(near)'?" }
                warnings.append(line)
            }
        }
        return warnings
    }

    /// The string values each dimension is compared with for equality or membership.
    static func named(in filter: ItemPredicate) -> [(Dimension, [String])] {
        switch filter {
        case let .compare(.dimension(d), .eq, .string(v)): return [(d, [v])]
        case let .isIn(.dimension(d), values):
            return [(d, values.compactMap { if case let .string(v) = $0 { v } else { nil } })]
        case let .and(a, b), let .or(a, b): return named(in: a) + named(in: b)
        case let .not(inner): return named(in: inner)
        default: return []
        }
    }
}
