import ARCore
import ARMetrics
import ARStore

/// Runs ARQL against a ``SnapshotSource``: compile, plan (which snapshot answers each date, which
/// strategy), execute that plan, and return printable results. The command line, the REPL, the
/// server and report packs all go through it, so a query means the same everywhere.
///
/// ```swift
/// let runner = try QueryRunner(source: SnapshotSource(store: SnapshotStore(at: url)))
/// for outcome in try runner.run("ar, overdue_rate by entity") { print(outcome.text(as: .table)) }
/// ```
///
/// A runner is a `Sendable` value: share one between threads and requests. It keeps the engines of
/// the snapshots (and perimeters) it has used, so the next query on them starts at once.
public struct QueryRunner: Sendable {
    public let source: SnapshotSource
    /// Binds against the latest snapshot: its as-of is the default date, its columns the dimensions.
    public internal(set) var compiler: QueryCompiler
    /// The latest snapshot's engine, over the whole ledger.
    public let engine: MetricEngine
    let engines: EngineCache
    let customerNames = CustomerNames()
    /// Computers of the metrics the engine does not know (``MetricProvider``).
    public internal(set) var providers: [any MetricProvider]

    /// A runner over every snapshot of `source`; loads the latest one.
    /// - Parameter cacheCapacity: how many engines (snapshot × perimeter) to keep built.
    /// - Parameter providers: metrics computed beside the engine's (credit exposure, scores).
    /// - Throws: the store's error when the latest snapshot cannot be read.
    public init(source: SnapshotSource, cacheCapacity: Int = 8, providers: [any MetricProvider] = []) throws {
        self.source = source
        self.providers = providers
        engines = EngineCache(capacity: cacheCapacity)
        engine = try engines.engine(source.latest, perimeter: .everything, source: source)
        compiler = QueryCompiler(catalog: Catalog(ledger: engine.ledger, providedMetrics: providers.flatMap(\.metrics)))
    }

    /// A runner over one ledger already in memory; lays out its item rows once.
    public init(ledger: Ledger, label: String = "ledger", providers: [any MetricProvider] = []) {
        source = SnapshotSource(ledger: ledger, label: label)
        self.providers = providers
        engines = EngineCache(capacity: 8)
        engine = MetricEngine(ledger: ledger)
        engines.insert(engine, for: EngineCache.Key(snapshotID: source.latest.id, perimeter: .everything))
        compiler = QueryCompiler(catalog: Catalog(ledger: ledger, providedMetrics: providers.flatMap(\.metrics)))
    }

    /// The latest snapshot's ledger.
    public var ledger: Ledger { engine.ledger }

    /// The engine of `snapshot` restricted to `perimeter`, built on first use, polling `cancellation`.
    public func engine(for snapshot: SnapshotSource.Snapshot, perimeter: Perimeter = .everything,
                       cancellation: CancellationToken = .never) throws -> MetricEngine {
        let engine = try engines.engine(snapshot, perimeter: perimeter, source: source)
        return cancellation.flag == nil && cancellation.deadline == nil ? engine : engine.cancellable(by: cancellation)
    }

    /// Compiles and runs every statement of `text`.
    /// - Throws: ``QueryDiagnostic`` for the first statement that fails, whether the query is wrong
    ///   (`Q1xxx`, `Q2xxx`) or running it failed (`Q3xxx`: a date no snapshot covers, a missing
    ///   rate, cancellation), positioned in `text`; render it with `rendered(source:)`.
    public func run(_ text: String, parameters: [String: String] = [:], options: QueryOptions = QueryOptions()) throws -> [QueryOutcome] {
        try compiler.compileStatements(text, parameters: parameters).map { statement throws(QueryDiagnostic) in
            try execute(statement, options: options)
        }
    }

    /// Runs one compiled statement; a failure points at the part of the statement it concerns.
    public func execute(_ statement: CompiledStatement, options: QueryOptions = QueryOptions()) throws(QueryDiagnostic) -> QueryOutcome {
        do {
            return try executeBound(statement.bound, options: options)
        } catch {
            throw QueryDiagnostic.running(error, in: statement)
        }
    }

    /// Runs one bound statement (errors point at the start of the text).
    public func execute(_ statement: BoundStatement, options: QueryOptions = QueryOptions()) throws -> QueryOutcome {
        try execute(CompiledStatement(bound: statement, span: SourceSpan(start: 0, end: 0)), options: options)
    }

    /// The plan `statement` runs: what `explain` prints.
    /// - Throws: ``SnapshotResolutionError`` for a date no snapshot covers.
    public func plan(_ statement: BoundStatement, options: QueryOptions = QueryOptions()) throws -> PhysicalPlan {
        let logical = Planner(catalog: compiler.catalog).plan(statement)
        return try PhysicalPlanner(source: source, perimeter: options.perimeter).plan(logical)
    }

    private func executeBound(_ statement: BoundStatement, options: QueryOptions) throws -> QueryOutcome {
        switch statement {
        case let .explain(inner, sql: false):
            return .text(try plan(inner, options: options).explained)
        case let .explain(inner, sql: true):
            return .text(try SQLExplainer.sql(for: inner, plan: plan(inner, options: options), runner: self))
        case let .metrics(s):
            return try PlanExecutor(runner: self, options: options, statement: s).outcome(plan(statement, options: options))
        case .items, .forecast:
            return try PlanExecutor(runner: self, options: options, statement: nil).outcome(plan(statement, options: options))
        }
    }
}

/// How one run goes: whose data it may read, and when it must stop.
public struct QueryOptions: Sendable {
    /// The rows the run may read; the engine never sees the others (``Ledger/restricted(to:)``).
    public var perimeter: Perimeter
    /// Polled by the engine between blocks of rows: a cancelled run, or one past its deadline,
    /// stops within a few milliseconds and fails with Q3006 or Q3007.
    public var cancellation: CancellationToken

    public init(perimeter: Perimeter = .everything, cancellation: CancellationToken = .never) {
        self.perimeter = perimeter
        self.cancellation = cancellation
    }

    /// These options with a time budget from now (the earlier deadline wins).
    public func withBudget(_ budget: Duration) -> QueryOptions {
        var options = self
        options.cancellation = cancellation.withBudget(budget)
        return options
    }
}

/// What one statement produced.
public enum QueryOutcome: Sendable {
    /// A result table, the chart the query asked for, and the engine's table behind it (for charts).
    case table(ResultSet, chart: ChartSpec?, metrics: MetricTable?)
    /// A plan or SQL text (`explain`).
    case text(String)

    /// The outcome printed in `format`.
    public func text(as format: ResultFormatter.Format) -> String {
        switch self {
        case let .table(result, _, _): ResultFormatter.format(result, as: format)
        case let .text(text): text
        }
    }

    /// The result table, if the outcome is one.
    public var result: ResultSet? {
        if case let .table(result, _, _) = self { return result }
        return nil
    }
}
