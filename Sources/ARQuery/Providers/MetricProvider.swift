import ARCore
import ARMetrics

/// Computes metrics the engine does not (credit exposure, scores) so that ARQL can ask for them
/// like any other: by customer dimensions, as of any date, in a series, in `having` and `order by`.
///
/// A ``QueryRunner`` made with providers binds their metric names and, for each metric step of a
/// plan, runs the engine's own metrics as usual and asks each provider for its columns over the
/// same dimensions, filter, dates and currency; the parts are joined on (date, keys).
///
/// ```swift
/// let runner = try QueryRunner(source: source, providers: [CreditExposureProvider()])
/// try runner.run("exposure, credit_limit, limit_used by customer_group")
/// ```
public protocol MetricProvider: Sendable {
    /// The metrics it computes; names must not be those of built-in metrics.
    var metrics: [ProvidedMetric] { get }

    /// The table of `requests` (each carrying one of ``metrics``) for `query`'s dimensions,
    /// filter, dates and currency, one column per request in order, rows sorted by keys then date.
    /// - Throws: ``MetricError`` (shown as a Q3xxx diagnostic) or ``QueryDiagnostic``.
    func table(for requests: [MetricRequest], query: MetricQuery, context: MetricContext) throws -> MetricTable
}

/// What a provider computes with: the engine of the snapshot (and perimeter) the plan step reads,
/// and a way to run other metric queries on it, provided metrics included.
public struct MetricContext: Sendable {
    /// The engine of the step's snapshot, restricted to the run's perimeter.
    public let engine: MetricEngine
    let runner: QueryRunner

    /// Runs `query` on ``engine``, built-in and provided metrics alike.
    public func run(_ query: MetricQuery) throws -> MetricTable {
        try runner.aggregate(query, on: engine, strategy: nil)
    }

    /// The runner's compiler: binds ARQL metric calls (`days_late(period: 12 months)`) for a provider.
    public var compiler: QueryCompiler { runner.compiler }
}

extension QueryRunner {
    /// This runner with `more` providers: the same source and engines (nothing is loaded again),
    /// their metric names bound as well. A provider whose model binds against the runner's
    /// catalog (a scoring model) is added this way.
    public func adding(providers more: [any MetricProvider]) -> QueryRunner {
        var runner = self
        runner.providers += more
        var catalog = compiler.catalog
        catalog.providedMetrics += more.flatMap(\.metrics)
        runner.compiler = QueryCompiler(catalog: catalog)
        return runner
    }

    /// What a provider computes with, on `engine` (the latest snapshot's when `nil`).
    public func metricContext(engine: MetricEngine? = nil) -> MetricContext {
        MetricContext(engine: engine ?? self.engine, runner: self)
    }
}
