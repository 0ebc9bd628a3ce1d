/// The front door of ARQL: text in, bound statements out.
///
/// ```swift
/// let compiler = QueryCompiler(catalog: Catalog(ledger: ledger))
/// let statements = try compiler.compile("ar by entity where entity = $entity", parameters: ["entity": "FR01"])
/// ```
public struct QueryCompiler: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Parses and binds every `;`-separated statement of `text`.
    ///
    /// - Parameter parameters: values of the `$name` parameters, read as the type each place needs.
    /// - Throws: ``QueryDiagnostic`` for the first error, positioned in `text`.
    public func compile(_ text: String, parameters: [String: String] = [:]) throws -> [BoundStatement] {
        try compileTyped(text, parameters: parameters)
    }

    /// ``compile(_:parameters:)`` with the error type stated, for callers inside the module.
    func compileTyped(_ text: String, parameters: [String: String]) throws(QueryDiagnostic) -> [BoundStatement] {
        try compileStatements(text, parameters: parameters).map(\.bound)
    }

    /// Every statement of `text`, bound, with where it stands in the text: errors found while
    /// running a statement (a date no snapshot covers, a missing rate) point there.
    /// - Throws: ``QueryDiagnostic`` for the first error, positioned in `text`.
    public func compileStatements(_ text: String, parameters: [String: String] = [:]) throws(QueryDiagnostic) -> [CompiledStatement] {
        let syntax = try Parser.parseWithSpans(text)
        let binder = Binder(catalog: catalog, parameters: parameters, source: text)
        var statements: [CompiledStatement] = []
        for (statement, span) in syntax {
            statements.append(CompiledStatement(bound: try binder.bind(statement), span: span,
                                                timeSpan: statement.timeSpan, currencySpan: statement.currencySpan))
        }
        return statements
    }
}

/// A bound statement and the spans of its text that run-time errors point at.
public struct CompiledStatement: Sendable, Hashable {
    public var bound: BoundStatement
    /// The whole statement.
    public var span: SourceSpan
    /// The time clause (`as of …`, `monthly from … to …`, `over last …`), when written.
    public var timeSpan: SourceSpan?
    /// The `in CURRENCY` clause, when written.
    public var currencySpan: SourceSpan?

    public init(bound: BoundStatement, span: SourceSpan, timeSpan: SourceSpan? = nil, currencySpan: SourceSpan? = nil) {
        self.bound = bound
        self.span = span
        self.timeSpan = timeSpan
        self.currencySpan = currencySpan
    }
}

extension StatementSyntax {
    var clauses: ClausesSyntax {
        switch self {
        case let .metrics(_, c), let .items(_, c), let .forecast(_, c): c
        case let .explain(inner, _): inner.clauses
        }
    }

    var timeSpan: SourceSpan? {
        let c = clauses
        if let series = c.series { return series.granularity.span.through(series.to.span) }
        if let over = c.overLast { return over.span }
        if let asOf = c.asOf { return (c.keywords["as of"] ?? asOf.span).through(asOf.span) }
        return nil
    }

    var currencySpan: SourceSpan? { clauses.currency?.span }
}
