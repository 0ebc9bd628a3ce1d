import ARCore
import ARMetrics

/// Turns tokens into ``StatementSyntax`` by recursive descent.
///
/// Keywords are contextual words (see ``Token``). Every error names what was expected and what
/// was found, and suggests the nearest keyword when a word is a likely typo of one.
struct Parser {
    var tokens: [Token]
    var index = 0
    /// Current nesting of parentheses and lists, bounded so hostile input cannot exhaust the stack.
    var depth = 0
    static let maximumDepth = 64
    /// Conditions joined by `and` / `or` so far, bounded for the same reason.
    var conditions = 0
    static let maximumConditions = 256

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses every `;`-separated statement of `source`; empty statements are skipped.
    static func parse(_ source: String) throws(QueryDiagnostic) -> [StatementSyntax] {
        try parseWithSpans(source).map(\.statement)
    }

    /// ``parse(_:)`` with the span of each statement's text (from its first token to its last).
    static func parseWithSpans(_ source: String) throws(QueryDiagnostic) -> [(statement: StatementSyntax, span: SourceSpan)] {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        var statements: [(statement: StatementSyntax, span: SourceSpan)] = []
        while parser.current.kind != .endOfInput {
            if parser.accept(.semicolon) != nil { continue }
            parser.conditions = 0
            let start = parser.current.span.start
            let statement = try parser.statement()
            let end = parser.index > 0 ? parser.tokens[parser.index - 1].span.end : start
            statements.append((statement, SourceSpan(start: start, end: end)))
            if parser.current.kind != .endOfInput {
                try parser.expect(.semicolon, "';' or end of input")
            }
        }
        return statements
    }

    // MARK: - Statements

    static let statementKeywords = ["show", "items", "forecast", "explain"]

    mutating func statement() throws(QueryDiagnostic) -> StatementSyntax {
        if current.isWord("explain") {
            advance()
            let sql = acceptWord("sql") != nil
            if current.isWord("explain") {
                throw QueryDiagnostic(.unexpectedToken, "expected a statement to explain, found 'explain' again", at: current.span)
            }
            return .explain(try statement(), sql: sql)
        }
        if let keyword = acceptWord("items") {
            return .items(keyword: keyword.span, try clauses())
        }
        if current.isWord("forecast") {
            advance()
            let head = try forecastHead()
            return .forecast(head, try clauses())
        }
        if current.isWord("show") {
            advance()
        } else {
            try rejectMisspeltStatementKeyword()
        }
        var metrics = [try call(what: "a metric")]
        while accept(.comma) != nil {
            metrics.append(try call(what: "a metric"))
        }
        return .metrics(metrics, try clauses())
    }

    /// `shw ar` would otherwise read as a metric `shw` followed by a stray word.
    private func rejectMisspeltStatementKeyword() throws(QueryDiagnostic) {
        guard current.kind == .word, MetricKind(rawValue: current.text.lowercased()) == nil,
              tokens[index + 1].kind == .word,
              let near = EditDistance.closest(to: current.text.lowercased(), among: Parser.statementKeywords)
        else { return }
        throw QueryDiagnostic(.unexpectedToken, "expected a metric or 'show', 'items', 'forecast', 'explain', found \(current.quoted)",
                              at: current.span, help: "did you mean '\(near)'?")
    }

    /// `collections (weekly|monthly) next N (weeks|months)`.
    private mutating func forecastHead() throws(QueryDiagnostic) -> ForecastHeadSyntax {
        try expectWord("collections")
        let granularity = try expectWord(oneOf: ["weekly", "monthly"])
        try expectWord("next")
        let (periods, unit) = try amountAndUnit(["weeks", "months", "week", "month"])
        return ForecastHeadSyntax(granularity: granularity, periods: periods, unit: unit)
    }

    // MARK: - Token helpers

    var current: Token { tokens[index] }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    mutating func accept(_ kind: Token.Kind) -> Token? {
        guard current.kind == kind else { return nil }
        defer { advance() }
        return current
    }

    mutating func acceptWord(_ keyword: String) -> Token? {
        guard current.isWord(keyword) else { return nil }
        defer { advance() }
        return current
    }

    @discardableResult
    mutating func expect(_ kind: Token.Kind, _ what: String) throws(QueryDiagnostic) -> Token {
        guard let token = accept(kind) else { throw unexpected(expected: what) }
        return token
    }

    @discardableResult
    mutating func expectWord(_ keyword: String) throws(QueryDiagnostic) -> NameSyntax {
        try expectWord(oneOf: [keyword])
    }

    /// One of `keywords`; a near miss gets a `did you mean` help.
    mutating func expectWord(oneOf keywords: [String]) throws(QueryDiagnostic) -> NameSyntax {
        if current.kind == .word, keywords.contains(current.text.lowercased()) {
            defer { advance() }
            return NameSyntax(text: current.text.lowercased(), span: current.span)
        }
        throw unexpected(expected: Parser.list(keywords.map { "'\($0)'" }), suggestions: keywords)
    }

    /// A name: any word.
    mutating func name(what: String) throws(QueryDiagnostic) -> NameSyntax {
        guard current.kind == .word else { throw unexpected(expected: what) }
        defer { advance() }
        return NameSyntax(text: current.text, span: current.span)
    }

    /// `expected X, found Y` at the current token, with a suggestion among `suggestions`.
    func unexpected(expected: String, suggestions: [String] = []) -> QueryDiagnostic {
        var help: String?
        if current.kind == .word, let near = EditDistance.closest(to: current.text.lowercased(), among: suggestions) {
            help = "did you mean '\(near)'?"
        }
        return QueryDiagnostic(.unexpectedToken, "expected \(expected), found \(current.quoted)", at: current.span, help: help)
    }

    /// `'a', 'b' or 'c'`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    mutating func enterNesting() throws(QueryDiagnostic) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw QueryDiagnostic(.nestingTooDeep, "expected at most \(Parser.maximumDepth) nested levels, found more",
                                  at: current.span, help: "simplify the expression")
        }
    }

    mutating func leaveNesting() { depth -= 1 }
}
