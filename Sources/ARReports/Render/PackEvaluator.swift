import ARCharts
import ARCore
import ARPresentation
import ARQuery
import Foundation

/// The data phase of a render: every query of the pack answered through the library's
/// ``QueryRunner`` with the recipient's parameters and perimeter, as `arlens query` would answer
/// it. The first failure stops the render, so no page is drawn from a partial pack.
///
/// Statements without a date are as of the pack's `as_of`: they are compiled against the runner's
/// catalog with that date as the default.
public struct PackEvaluator: Sendable {
    public let pack: PackDefinition
    public let runner: QueryRunner
    public let parameters: PackParameters

    public init(pack: PackDefinition, runner: QueryRunner, parameters: PackParameters) {
        self.pack = pack
        self.runner = runner
        self.parameters = parameters
    }

    var options: QueryOptions { QueryOptions(perimeter: parameters.perimeter) }

    /// Answers every query of the pack.
    /// - Throws: ``PackRenderError`` naming the page, the query and its error.
    public func evaluate() throws(PackRenderError) -> EvaluatedPack {
        let started = DispatchTime.now()
        var pages: [EvaluatedPage] = []
        var recorder = UseRecorder()
        for (index, page) in pack.pages.enumerated() {
            let pageStarted = DispatchTime.now()
            var evaluated = EvaluatedPage(title: page.title, rowWeights: page.rowWeights, columnWeights: page.columnWeights,
                                          blocks: [], queryMilliseconds: 0, notes: [])
            for block in page.blocks {
                do {
                    let content = try self.content(of: block, recorder: &recorder, notes: &evaluated.notes)
                    evaluated.blocks.append(EvaluatedBlock(content: content, row: block.row, column: block.column,
                                                           rowSpan: block.rowSpan, columnSpan: block.columnSpan, location: block.location))
                } catch {
                    var located = error
                    located.page = (index + 1, page.title)
                    located.pack = pack.name
                    located.file = pack.file
                    throw located
                }
            }
            evaluated.queryMilliseconds = Milliseconds.since(pageStarted)
            pages.append(evaluated)
        }
        let snapshot = (try? runner.source.resolve(parameters.asOf).id) ?? runner.source.latest.id
        return EvaluatedPack(pages: pages, parameters: parameters, snapshotID: snapshot,
                             snapshotsUsed: recorder.snapshots, headline: recorder.headline,
                             queryMilliseconds: Milliseconds.since(started))
    }

    private func content(of block: PackBlock, recorder: inout UseRecorder,
                         notes: inout [String]) throws(PackRenderError) -> EvaluatedBlock.Content {
        switch block.content {
        case let .chart(query):
            let (result, spec) = try table(query, recorder: &recorder, notes: &notes)
            return .chart(ChartBuilder.chart(for: result, spec: spec, title: block.title, theme: pack.theme))
        case let .table(query, columns):
            let (result, spec) = try table(query, recorder: &recorder, notes: &notes)
            return .table(try TableBuilder.table(result, columns: columns, title: spec?.title ?? block.title, query: query))
        case let .kpi(queries):
            var tiles: [KPITile] = []
            for query in queries { tiles += try kpiTiles(query, recorder: &recorder, notes: &notes) }
            if recorder.headline.isEmpty { recorder.headline = tiles }
            return .chart(Chart.kpi(title: block.title, tiles: tiles, theme: pack.theme))
        case let .comparison(query, against):
            return .table(try comparison(query, against: against, title: block.title, recorder: &recorder, notes: &notes))
        case let .text(template):
            let text = try fill(template, recorder: &recorder, notes: &notes)
            return .text(title: block.title, paragraphs: TextBlock.paragraphs(text))
        }
    }

    // MARK: - Running queries

    /// The compiled statements of `query`, bound with the parameters, as of `asOf` by default.
    func compile(_ query: PackQuery, asOf: Day? = nil) throws(PackRenderError) -> [CompiledStatement] {
        var catalog = runner.compiler.catalog
        catalog.asOf = asOf ?? parameters.asOf
        let statements: [CompiledStatement]
        do throws(QueryDiagnostic) {
            statements = try QueryCompiler(catalog: catalog).compileStatements(query.text, parameters: parameters.values)
        } catch {
            throw failure(query, error)
        }
        guard !statements.isEmpty else { throw failure(query, "expected a statement, found none") }
        return statements
    }

    /// Runs the last statement of `query` (the one a block shows) and returns its table.
    func run(_ statement: CompiledStatement, of query: PackQuery, recorder: inout UseRecorder,
             notes: inout [String], kpi: Bool = false) throws(PackRenderError) -> ResultSet {
        let outcome: QueryOutcome
        do {
            outcome = try (kpi ? KPIHistory.series(for: statement, runner: runner, options: options) : nil)
                ?? runner.execute(statement, options: options)
        } catch let diagnostic as QueryDiagnostic {
            throw failure(query, diagnostic)
        } catch {
            throw failure(query, "the query failed: \(error)")
        }
        guard let result = outcome.result else {
            throw failure(query, "expected a query that gives a table, found an 'explain'", help: "packs draw results; drop 'explain'")
        }
        recorder.record(result.context)
        for warning in result.context.warnings where !notes.contains(warning) { notes.append(warning) }
        return result
    }

    private func table(_ query: PackQuery, recorder: inout UseRecorder,
                       notes: inout [String]) throws(PackRenderError) -> (ResultSet, ChartSpec?) {
        let statement = try compile(query).last!
        let result = try run(statement, of: query, recorder: &recorder, notes: &notes)
        if case let .metrics(s) = statement.bound { return (result, s.chart) }
        return (result, nil)
    }

    private func kpiTiles(_ query: PackQuery, recorder: inout UseRecorder, notes: inout [String]) throws(PackRenderError) -> [KPITile] {
        let statement = try compile(query).last!
        let result = try run(statement, of: query, recorder: &recorder, notes: &notes, kpi: true)
        return ChartBuilder.chart(for: result, spec: ChartSpec(kind: .kpi), theme: pack.theme).tiles
    }

    // MARK: - Errors

    func failure(_ query: PackQuery, _ diagnostic: QueryDiagnostic) -> PackRenderError {
        var error = failure(query, diagnostic.message, help: diagnostic.help)
        error.diagnostic = diagnostic
        error.location = query.locate(diagnostic.span.start)
        return error
    }

    func failure(_ query: PackQuery, _ message: String, help: String? = nil) -> PackRenderError {
        var error = PackRenderError(pack: pack.name, message: message, help: help)
        error.query = query.text
        error.location = query.location
        error.file = pack.file
        return error
    }
}

/// The snapshots behind a pack's figures, and its headline tiles, gathered while its queries run.
struct UseRecorder {
    private(set) var snapshots: [String] = []
    var headline: [KPITile] = []

    mutating func record(_ context: ResultContext) {
        for use in context.snapshots where !snapshots.contains(use.id) { snapshots.append(use.id) }
    }
}

/// Elapsed wall time for the render's timings.
enum Milliseconds {
    static func since(_ start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }
}
