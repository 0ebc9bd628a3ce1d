import ARCore
import ARMetrics
import ARStore

/// Runs ARQL text against one ledger: compile, execute on the metric engine, finish (having,
/// order, limit) and return printable results. The command line, the REPL and report packs all
/// go through it, so a query means the same everywhere.
///
/// ```swift
/// let runner = QueryRunner(ledger: ledger)
/// for outcome in try runner.run("ar, overdue_rate by entity") { print(outcome.text(as: .table)) }
/// ```
public struct QueryRunner: Sendable {
    public let engine: MetricEngine
    public let compiler: QueryCompiler

    /// Lays out the engine's item rows once; reuse the runner for many queries.
    public init(ledger: Ledger) {
        engine = MetricEngine(ledger: ledger)
        compiler = QueryCompiler(catalog: Catalog(ledger: ledger))
    }

    public var ledger: Ledger { engine.ledger }

    /// Compiles and runs every statement of `text`.
    /// - Throws: ``QueryDiagnostic`` for a query error (render it with `rendered(source:)`), or
    ///   ``MetricError`` when the engine cannot compute a figure (a missing FX rate).
    public func run(_ text: String, parameters: [String: String] = [:]) throws -> [QueryOutcome] {
        try compiler.compile(text, parameters: parameters).map(execute)
    }

    /// Runs one bound statement.
    public func execute(_ statement: BoundStatement) throws -> QueryOutcome {
        switch statement {
        case let .metrics(s):
            let computed = try engine.run(s.query)
            if let projection = s.projection {
                // History plus projected rows; `having`, `order by` and `limit` were refused when binding.
                return .table(TrendProjector(projection: projection, engine: engine).result(computed, seriesDates: s.query.dates),
                              chart: s.chart, metrics: nil)
            }
            let table = try MetricStatementExecutor(statement: s).finish(computed)
            return .table(ResultSet(table), chart: s.chart, metrics: table)
        case let .items(s):
            return .table(try OpenItemsExecutor(engine: engine).run(s), chart: nil, metrics: nil)
        case let .forecast(query, chart):
            return .table(ResultSet(try engine.forecast(query)), chart: chart, metrics: nil)
        case let .explain(inner, sql: false):
            return .text(Planner(catalog: compiler.catalog).plan(inner).explained)
        case let .explain(inner, sql: true):
            return .text(try SQLExplainer.sql(for: inner, ledger: ledger))
        }
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
}

extension ItemField {
    /// The ``ItemTable`` column an `order by` on this field sorts.
    var itemColumn: String {
        switch self {
        case .open: "open_reporting"
        case .amount: "amount"
        case .dpd: "dpd"
        case .age, .issueDate: "issue_date"
        case .dueDate: "due_date"
        case .id: "id"
        case let .dimension(d): ItemTable.columnNames.contains(d.name) ? d.name : "id"
        }
    }
}
