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

    /// Answers every query of the pack: the inline figures first, batched, then the blocks side
    /// by side on the machine's cores (each block's queries through the runner, which is Sendable).
    /// - Throws: ``PackRenderError`` naming the page, the query and its error (the first in page order).
    public func evaluate() throws(PackRenderError) -> EvaluatedPack {
        let started = DispatchTime.now()
        var prefetched = UseRecorder()
        prefetch(into: &prefetched)
        let blocks = pack.pages.enumerated().flatMap { page in page.element.blocks.map { (page: page.offset, block: $0) } }
        let slots = ResultSlots<BlockOutcome>(count: blocks.count)
        let shared = prefetched
        DispatchQueue.concurrentPerform(iterations: blocks.count) { index in
            var recorder = shared
            var notes: [String] = []
            let blockStarted = DispatchTime.now()
            let content = Result { () throws(PackRenderError) in try self.content(of: blocks[index].block, recorder: &recorder, notes: &notes) }
            slots[index] = BlockOutcome(content: content, recorder: recorder, notes: notes, milliseconds: Milliseconds.since(blockStarted))
        }
        var pages = pack.pages.map { page in
            EvaluatedPage(title: page.title, rowWeights: page.rowWeights, columnWeights: page.columnWeights, blocks: [],
                          queryMilliseconds: 0, notes: [])
        }
        var used = prefetched
        for (index, (pageIndex, block)) in blocks.enumerated() {
            let outcome = slots[index]!
            switch outcome.content {
            case let .success(content):
                pages[pageIndex].blocks.append(EvaluatedBlock(content: content, row: block.row, column: block.column, rowSpan: block.rowSpan,
                                                              columnSpan: block.columnSpan, location: block.location))
            case var .failure(error):
                error.page = (pageIndex + 1, pack.pages[pageIndex].title)
                error.pack = pack.name
                error.file = pack.file
                throw error
            }
            pages[pageIndex].queryMilliseconds += outcome.milliseconds
            for note in outcome.notes where !pages[pageIndex].notes.contains(note) { pages[pageIndex].notes.append(note) }
            used.merge(outcome.recorder)
        }
        let snapshot = (try? runner.source.resolve(parameters.asOf).id) ?? runner.source.latest.id
        return EvaluatedPack(pages: pages, parameters: parameters, snapshotID: snapshot,
                             snapshotsUsed: used.snapshots, headline: used.headline,
                             queryMilliseconds: Milliseconds.since(started))
    }

    /// What answering one block gave.
    struct BlockOutcome {
        var content: Result<EvaluatedBlock.Content, PackRenderError>
        var recorder: UseRecorder
        var notes: [String]
        var milliseconds: Double
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
        let key = UseRecorder.ResultKey(statement: statement.bound, kpi: kpi)
        if let known = recorder.results[key] {
            for warning in known.context.warnings where !notes.contains(warning) { notes.append(warning) }
            return known
        }
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
        recorder.results[key] = result
        for warning in result.context.warnings where !notes.contains(warning) { notes.append(warning) }
        return result
    }

    /// Runs the pack's statements without `by` (text figures, totals, trends) in as few statements
    /// as they allow (``StatementBatch``) and keeps each one's result for its block. A batch that
    /// fails is left alone: each of its statements then runs by itself and reports its own error.
    func prefetch(into recorder: inout UseRecorder) {
        var batch = StatementBatch()
        for page in pack.pages {
            for block in page.blocks {
                let queries: [PackQuery] = switch block.content {
                case let .chart(query), let .table(query, _): [query]
                case let .text(template): template.figures.map(\.query)
                case .kpi, .comparison: []
                }
                if case let .kpi(tiles) = block.content {
                    let firstIssue = runner.ledger.documents.issue.min().map { Day(rawValue: $0) }
                    for query in tiles { if let statement = try? compile(query).last { batch.addHistory(of: statement, firstIssue: firstIssue) } }
                }
                for query in queries {
                    if let statement = try? compile(query).last { batch.add(statement) }
                }
            }
        }
        for (statement, answers) in batch.merged() {
            guard let result = try? runner.execute(statement, options: options).result else { continue }
            recorder.record(result.context)
            for (key, columns) in answers { recorder.results[key] = result.columns(columns) }
        }
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
struct UseRecorder: Sendable {
    private(set) var snapshots: [String] = []
    var headline: [KPITile] = []
    /// Results already computed in this render, by statement (and whether it ran as a KPI history):
    /// a statement the pack asks twice runs once.
    var results: [ResultKey: ResultSet] = [:]

    struct ResultKey: Hashable {
        var statement: BoundStatement
        var kpi: Bool
    }

    mutating func record(_ context: ResultContext) {
        for use in context.snapshots where !snapshots.contains(use.id) { snapshots.append(use.id) }
    }

    /// Adds what another block's recorder saw; the first headline found, in page order, stays.
    mutating func merge(_ other: UseRecorder) {
        for id in other.snapshots where !snapshots.contains(id) { snapshots.append(id) }
        if headline.isEmpty { headline = other.headline }
    }
}

/// Elapsed wall time for the render's timings.
enum Milliseconds {
    static func since(_ start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }
}
