import ARCore
import ARStore

/// Computes the figures of metrics.md over a ``Ledger``, grouped by dimensions, at one date or
/// a series of dates.
///
/// ```swift
/// let engine = MetricEngine(ledger: ledger)
/// let table = try engine.run(MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.dso)],
///                                        dimensions: [.region], dates: [ledger.snapshot.asOf]))
/// ```
///
/// Money is exact: each item is converted on its own (half away from zero) and then summed, so
/// every breakdown adds up to its total; ratios are computed last, from exact sums.
public struct MetricEngine: Sendable {
    public let ledger: Ledger
    let rows: ItemRows
    /// Facts derived on first use, shared by the engine's copies.
    let derived: DerivedFacts
    /// What the engine polls while it works (``cancellable(by:)``); never stops by default.
    public internal(set) var cancellation = CancellationToken.never

    /// Lays out the item rows (documents, then cash on account) once.
    /// - Complexity: O(documents + payments).
    public init(ledger: Ledger) {
        self.ledger = ledger
        rows = ItemRows(ledger)
        derived = DerivedFacts()
    }

    /// Runs a grouped metric query at one or several dates (``MetricQuery/dates``).
    ///
    /// Rows come sorted by dimension keys (missing values last, buckets in bucket order), then date.
    /// A group appears at a date when some row contributes to one of the figures asked.
    /// - Throws: ``MetricError`` when a date is after the snapshot's `as_of`, an amount has no
    ///   rate to convert it, or a dimension names an unknown attribute.
    public func run(_ query: MetricQuery) throws -> MetricTable {
        try run(query, strategy: EvaluationStrategy(for: query))
    }

    /// Runs `query` with the given strategy (``EvaluationStrategy/sweep`` only where
    /// ``EvaluationStrategy/init(for:)`` chooses it; a planner shows the choice before running).
    public func run(_ query: MetricQuery, strategy: EvaluationStrategy) throws -> MetricTable {
        try check(query.dates)
        let run = try QueryRun(ledger: ledger, rows: rows, query: query, derived: derived, stop: cancellation)
        if query.dimensions.isEmpty { _ = run.registry.id(0) }
        let columns = query.metrics.flatMap(MetricColumns.columns(for:))
        let perDate = strategy == .sweep && BalanceSweep.applies(to: query) ? try sweptValues(run, query) : try framedValues(run, query)
        let rows = try MetricColumns.rows(run: run, dates: query.dates, columns: columns, perDate: perDate,
                                      forceEmptyGroup: query.dimensions.isEmpty)
        return MetricTable(dimensions: query.dimensions, isSeries: query.dates.count > 1, columns: columns,
                           rows: rows, currency: run.target.currency)
    }

    /// Values and touched groups per date, one frame per date.
    private func framedValues(_ run: QueryRun, _ query: MetricQuery) throws(MetricError) -> [(values: [[MetricValue]], touched: [Bool])] {
        try WorkMemory.requireFrames(run)
        var perDate: [(values: [[MetricValue]], touched: [Bool])] = []
        for day in query.dates {
            try cancellation.checkpoint()
            if perDate.count == 1 { try WorkMemory.requireValues(query, run: run) }
            run.touched = []
            let values = try MetricEvaluation(run: run, frame: try run.frame(at: day.rawValue)).values(for: query.metrics)
            perDate.append((values, run.touched))
        }
        return perDate
    }

    /// Values and touched groups per date, the balances of every date from one ``BalanceSweep``.
    private func sweptValues(_ run: QueryRun, _ query: MetricQuery) throws(MetricError) -> [(values: [[MetricValue]], touched: [Bool])] {
        let specs = Array(Set(query.metrics.filter { $0.kind == .aging }.map(\.aging)))
        let sweep = try BalanceSweep(run: run, dates: query.dates.map(\.rawValue), specs: specs)
        try WorkMemory.requireValues(query, run: run)
        let needsFrame = query.metrics.contains { BalanceSweep.flowKinds.contains($0.kind) }
        var perDate: [(values: [[MetricValue]], touched: [Bool])] = []
        for (j, day) in query.dates.enumerated() {
            try cancellation.checkpoint()
            run.touched = []
            run.touch(counts: sweep.sums[j].count)
            let aging = Dictionary(uniqueKeysWithValues: zip(specs, sweep.aging[j]))
            let frame = needsFrame ? try run.fixedGroupFrame(at: day.rawValue) : nil
            let evaluation = MetricEvaluation(run: run, day: day.rawValue, frame: frame, balances: sweep.sums[j], aging: aging)
            perDate.append((try evaluation.values(for: query.metrics), run.touched))
        }
        return perDate
    }

    func check(_ dates: [Day]) throws(MetricError) {
        guard !dates.isEmpty else { throw MetricError(code: "bad_query", message: "no date to compute at: give an as-of date") }
        let asOf = ledger.snapshot.asOf
        if let late = dates.first(where: { $0 > asOf }) { throw MetricError.afterAsOf(late, asOf: asOf) }
    }
}

/// How the engine computes a metric query's dates.
public enum EvaluationStrategy: String, Sendable, Hashable {
    /// Balances at every date in one pass over the items (``BalanceSweep``): a series with no
    /// filter and no date-dependent dimension, of balances (and flows along with them).
    case sweep
    /// The open state, conversion and groups computed at each date on its own.
    case perDate = "per date"

    /// The strategy the engine uses for `query`.
    public init(for query: MetricQuery) {
        self = BalanceSweep.applies(to: query) ? .sweep : .perDate
    }
}
