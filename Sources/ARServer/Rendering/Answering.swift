import ARCharts
import ARCore
import ARPresentation
import ARQuery
import ARStore

/// Runs a request's ARQL through the library's one query path (``QueryRunner`` with the
/// principal's perimeter as `QueryOptions.perimeter`) and turns the outcome into response bytes.
/// Blocking: runs on a ``QueryGate`` thread.
struct Answering {
    let data: LoadedData
    let perimeter: Perimeter
    let control: RunControl
    let budget: Duration
    /// Outcomes behind charts already drawn for this view (any size, theme or format).
    let outcomes: OutcomeCache

    var options: QueryOptions { QueryOptions(perimeter: perimeter, cancellation: control.token) }

    /// Every statement's result in `format`: one JSON object per statement (an array for several),
    /// as `arlens query --format json` prints them; CSV blocks separated by a blank line.
    func results(_ spec: QuerySpec, format: ResultFormatter.Format) throws -> RenderedAnswer {
        let outcomes = try diagnosing(spec.text) {
            let statements = try data.runner.compiler.compileStatements(spec.text, parameters: spec.parameters)
            return try statements.map { statement in
                try control.check(budget: budget)
                return try data.runner.execute(statement, options: options)
            }
        }
        if format == .csv {
            let text = outcomes.map { $0.text(as: .csv) }.joined(separator: "\n")
            return .init(contentType: "text/csv; charset=utf-8", body: Array(text.utf8))
        }
        let objects = outcomes.map { outcome -> String in
            switch outcome {
            case .table: outcome.text(as: .json).trimmingCharacters(in: .newlines)
            case let .text(text): "{\"explain\":" + JSONWriter.quoted(text) + "}"
            }
        }
        let body = objects.count == 1 ? objects[0] : "[" + objects.joined(separator: ",") + "]"
        return .init(contentType: "application/json; charset=utf-8", body: Array((body + "\n").utf8))
    }

    /// The chart of the last statement, exactly as `arlens chart` draws it: KPI statements as a
    /// thirteen-month series, the chart clause or the result's shape choosing the kind.
    func chart(_ spec: QuerySpec, render: RenderOptions) throws -> RenderedAnswer {
        let key = ResponseKey(versionKey: data.versionKey, perimeter: perimeter, kind: "outcome", text: spec.text,
                              parameters: spec.parameters).etag
        let outcome = try outcomes.get(key) ?? diagnosing(spec.text) {
            let statements = try data.runner.compiler.compileStatements(spec.text, parameters: spec.parameters)
            guard let statement = statements.last else {
                throw APIError(.badRequest, .missingQuery, "the query gave no statement to chart", help: "give ARQL text, e.g. 'aging by entity'")
            }
            let outcome = try KPIHistory.series(for: statement, runner: data.runner, options: options)
                ?? data.runner.execute(statement, options: options)
            outcomes.put(key, outcome)
            return outcome
        }
        try control.check(budget: budget)
        guard case .table = outcome else {
            throw APIError(.badRequest, .notChartable, "only a query result can be charted, not an explain",
                           help: "ask /v1/query for the plan, or drop 'explain'")
        }
        do {
            let options = ChartOutputOptions(width: render.width, height: render.height, scale: render.scale, theme: render.theme,
                                             title: render.title,
                                             context: ChartContext(currency: data.runner.ledger.snapshot.reportingCurrency))
            let bytes = try ChartOutput.render(outcome, format: render.format, options: options)
            return .init(contentType: render.contentType, body: bytes)
        } catch let error as ChartRenderError {
            throw APIError(.badRequest, .invalidOption, "\(error)", help: "ask for a smaller width, height or scale")
        }
    }

    /// The values of `dimension` the perimeter lets the principal see (pickers, completion).
    func values(of dimension: String) throws -> [String] {
        try unsortedValues(of: dimension).sorted()
    }

    private func unsortedValues(of dimension: String) throws -> [String] {
        let ledger = try diagnosing("") { try data.runner.engine(for: data.source.latest, perimeter: perimeter).ledger }
        let customers = ledger.customers
        switch dimension {
        case "entity": return ledger.entities.ids
        case "region": return customers.region.values
        case "customer_group": return customers.group.values
        case "segment": return customers.segment.values
        case "country": return customers.country.values
        case "sales_rep": return customers.salesRep.values
        case "currency": return ledger.currencies.map(\.code)
        case "customer": return Array(customers.ids.strings.prefix(10_000))
        default:
            throw APIError(.notFound, .notFound, "no value list for '\(dimension)'",
                           help: "use entity, region, customer_group, segment, country, sales_rep, currency or customer")
        }
    }

    /// `body`'s value; a query diagnostic becomes an ``APIError`` positioned in `text`.
    private func diagnosing<T>(_ text: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostic as QueryDiagnostic {
            throw APIError(diagnostic, source: text)
        } catch let error as PerimeterError {
            throw APIError(.internalServerError, .internalError, "the token's scope cannot be applied: \(error)",
                           help: "fix the scope in the token file")
        }
    }
}
