import ARCore
import ARMetrics
import ARStore

/// Turns a ``LogicalPlan`` into the ``PhysicalPlan`` that runs on a ``SnapshotSource``:
///
/// - every date goes to the snapshot that covers it (docs/store.md); a series whose dates fall
///   in several snapshots becomes one aggregate per snapshot under a merge;
/// - each aggregate gets the engine's evaluation strategy for its dates (``EvaluationStrategy``);
/// - every scan carries the run's perimeter.
struct PhysicalPlanner {
    let source: SnapshotSource
    let perimeter: Perimeter

    func plan(_ logical: LogicalPlan) throws -> PhysicalPlan {
        switch logical {
        case let .having(predicate, input): return .having(predicate, try plan(input))
        case let .sort(keys, input): return .sort(keys, try plan(input))
        case let .limit(count, perDate, input): return .limit(count, perDate: perDate, try plan(input))
        case let .project(shown, input): return .project(shown: shown, try plan(input))
        case let .trend(projection, input): return .trend(projection, try plan(input))
        case let .chart(spec, input): return .chart(spec, try plan(input))
        case let .compare(comparison, input):
            return .compare(comparison, current: try plan(input), previous: try plan(input.previous(at: comparison.previous)))
        case let .aggregate(metrics, dimensions, input):
            let (dates, currency, filter) = Self.scanned(input)
            let query = MetricQuery(metrics: metrics, dimensions: dimensions, filter: filter, dates: dates, currency: currency)
            return try aggregate(query)
        case let .openItems(order, limit, input):
            let (dates, currency, filter) = Self.scanned(input)
            let asOf = dates.first ?? source.latest.asOf
            let items = ItemsStatement(filter: filter, asOf: asOf, currency: currency, order: order, limit: limit)
            return .openItems(try scan(asOf), items)
        case let .forecast(query, _):
            return .forecast(try scan(query.asOf), query)
        case .scan, .filter:
            // ``Planner`` never puts a scan or filter at the top: something always computes above them.
            throw QueryDiagnostic.internalError("a plan with no step that computes")
        }
    }

    /// One aggregate per snapshot the dates fall in, merged when there are several.
    private func aggregate(_ query: MetricQuery) throws(SnapshotResolutionError) -> PhysicalPlan {
        var parts: [(snapshot: SnapshotSource.Snapshot, dates: [Day])] = []
        for day in query.dates {
            let snapshot = try source.resolve(day)
            if parts.last?.snapshot.id == snapshot.id {
                parts[parts.count - 1].dates.append(day)
            } else {
                parts.append((snapshot, [day]))
            }
        }
        if parts.isEmpty { parts = [(source.latest, [])] }
        let plans = parts.map { part -> PhysicalPlan in
            var partial = query
            partial.dates = part.dates
            return .aggregate(SnapshotScan(snapshot: part.snapshot, perimeter: perimeter, dates: part.dates), partial,
                              EvaluationStrategy(for: partial))
        }
        return plans.count == 1 ? plans[0] : .merge(plans)
    }

    private func scan(_ day: Day) throws(SnapshotResolutionError) -> SnapshotScan {
        SnapshotScan(snapshot: try source.resolve(day), perimeter: perimeter, dates: [day])
    }

    /// The dates, currency and filter of the scan and filter nodes at the bottom of a plan.
    private static func scanned(_ plan: LogicalPlan) -> (dates: [Day], currency: Currency?, filter: ItemPredicate?) {
        var filters: [ItemPredicate] = []
        var node: LogicalPlan? = plan
        while let current = node {
            switch current {
            case let .scan(dates, currency):
                guard let first = filters.first else { return (dates, currency, nil) }
                return (dates, currency, filters.dropFirst().reduce(first) { ItemPredicate.and($0, $1) })
            case let .filter(predicate, _): filters.append(predicate)
            default: break
            }
            node = current.input
        }
        return ([], nil, nil)
    }
}
