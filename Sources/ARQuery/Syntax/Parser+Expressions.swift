import ARCore
import ARMetrics

extension Parser {
    // MARK: - Filters: or < and < not < comparison

    mutating func filter() throws(QueryDiagnostic) -> FilterSyntax {
        var lhs = try conjunction()
        while let keyword = acceptWord("or") {
            try countCondition(at: keyword)
            lhs = .or(lhs, try conjunction())
        }
        return lhs
    }

    private mutating func conjunction() throws(QueryDiagnostic) -> FilterSyntax {
        var lhs = try negation()
        while let keyword = acceptWord("and") {
            try countCondition(at: keyword)
            lhs = .and(lhs, try negation())
        }
        return lhs
    }

    /// Bounds the conditions of one statement: a long `and` chain makes a deep tree that every
    /// later stage walks recursively.
    private mutating func countCondition(at keyword: Token) throws(QueryDiagnostic) {
        conditions += 1
        if conditions > Parser.maximumConditions {
            throw QueryDiagnostic(.nestingTooDeep, "expected at most \(Parser.maximumConditions) conditions joined by 'and' or 'or', found more",
                                  at: keyword.span, help: "use 'in (…)' for a list of values")
        }
    }

    private mutating func negation() throws(QueryDiagnostic) -> FilterSyntax {
        if let keyword = acceptWord("not") {
            try enterNesting()
            defer { leaveNesting() }
            return .not(try negation(), keyword: keyword.span)
        }
        return try comparison()
    }

    private mutating func comparison() throws(QueryDiagnostic) -> FilterSyntax {
        if accept(.leftParen) != nil {
            try enterNesting()
            defer { leaveNesting() }
            let inner = try filter()
            try expect(.rightParen, "')'")
            return inner
        }
        let operand = try call(what: "a field, a metric, 'not' or '('")
        if let op = comparisonOperator() {
            advance()
            let value = try value()
            try rejectUnquotedCode(value)
            return .compare(operand, op, value)
        }
        if current.isWord("not"), tokens[index + 1].isWord("in") {
            advance()
            advance()
            return .isIn(operand, try value(), negated: true)
        }
        if acceptWord("in") != nil {
            return .isIn(operand, try value(), negated: false)
        }
        return .flag(operand)
    }

    /// `INV-00000087` written without quotes lexes as `INV`, `-`, `00000087`: say to quote it.
    private func rejectUnquotedCode(_ value: ValueSyntax) throws(QueryDiagnostic) {
        guard case .word = value.kind, current.kind == .minus, current.span.start == value.span.end else { return }
        var end = current.span.end
        var k = index + 1
        while k < tokens.count, tokens[k].span.start == end, tokens[k].kind == .word || tokens[k].kind == .number || tokens[k].kind == .minus {
            end = tokens[k].span.end
            k += 1
        }
        let written = tokens[index - 1].text + tokens[index..<k].map(\.text).joined()
        throw QueryDiagnostic(.unexpectedToken, "expected a value, found '\(written)' unquoted", at: value.span.through(SourceSpan(start: end, end: end)),
                              help: "quote values with '-' in them: \"\(written)\"")
    }

    private func comparisonOperator() -> ComparisonOperator? {
        switch current.kind {
        case .equal: .eq
        case .notEqual: .ne
        case .less: .lt
        case .lessEqual: .le
        case .greater: .gt
        case .greaterEqual: .ge
        default: nil
        }
    }

    // MARK: - Calls and values

    /// `name` or `name(argument: value, …)`.
    mutating func call(what: String) throws(QueryDiagnostic) -> CallSyntax {
        let name = try name(what: what)
        var arguments: [ArgumentSyntax] = []
        var end = name.span
        if accept(.leftParen) != nil {
            try enterNesting()
            defer { leaveNesting() }
            if current.kind != .rightParen {
                repeat {
                    let argument = try self.name(what: "an argument name such as 'period'")
                    try expect(.colon, "':' after '\(argument.text)'")
                    arguments.append(ArgumentSyntax(name: argument, value: try value()))
                } while accept(.comma) != nil
            }
            end = try expect(.rightParen, "',' or ')'").span
        }
        return CallSyntax(name: name, arguments: arguments, span: name.span.through(end))
    }

    static let durationUnits: Set<String> = ["day", "days", "week", "weeks", "month", "months", "year", "years"]

    /// A literal, parameter, bare word, duration or list.
    mutating func value() throws(QueryDiagnostic) -> ValueSyntax {
        let token = current
        switch token.kind {
        case .number, .minus:
            return try number()
        case .string:
            advance()
            return ValueSyntax(kind: .string(token.text), span: token.span)
        case .date:
            advance()
            // The lexer has checked the date.
            guard let day = Day(iso: token.text) else { throw QueryDiagnostic.internalError("lexed date") }
            return ValueSyntax(kind: .date(day), span: token.span)
        case .parameter:
            advance()
            return ValueSyntax(kind: .parameter(token.text), span: token.span)
        case .word:
            advance()
            return ValueSyntax(kind: .word(token.text), span: token.span)
        case .leftBracket, .leftParen:
            return try list(closing: token.kind == .leftBracket ? .rightBracket : .rightParen)
        default:
            throw unexpected(expected: "a value (number, \"string\", date, $parameter or list)")
        }
    }

    /// `12 months` (read as one duration value) or `$n months`: the amount and a unit among `units`.
    mutating func amountAndUnit(_ units: [String]) throws(QueryDiagnostic) -> (ValueSyntax, NameSyntax) {
        let amount = try value()
        if case let .duration(number, unit) = amount.kind {
            guard units.contains(unit.text) else {
                throw QueryDiagnostic(.unexpectedToken, "expected \(Parser.list(units.map { "'\($0)'" })), found '\(unit.text)'",
                                      at: unit.span)
            }
            return (number, unit)
        }
        return (amount, try expectWord(oneOf: units))
    }

    private mutating func number() throws(QueryDiagnostic) -> ValueSyntax {
        let minus = accept(.minus)
        let token = try expect(.number, "a number")
        let span = (minus?.span ?? token.span).through(token.span)
        if current.kind == .word, Parser.durationUnits.contains(current.text.lowercased()) {
            let unit = NameSyntax(text: current.text.lowercased(), span: current.span)
            advance()
            let number = ValueSyntax(kind: .number(token.text, negative: minus != nil), span: span)
            return ValueSyntax(kind: .duration(number, unit: unit), span: span.through(unit.span))
        }
        if current.kind == .word, let near = EditDistance.closest(to: current.text.lowercased(), among: Array(Parser.durationUnits)),
           !Parser.clauseKeywords.contains(current.text.lowercased()) {
            throw QueryDiagnostic(.unexpectedToken, "expected a unit ('days', 'weeks', 'months', 'years') or ',', found \(current.quoted)",
                                  at: current.span, help: "did you mean '\(near)'?")
        }
        return ValueSyntax(kind: .number(token.text, negative: minus != nil), span: span)
    }

    private mutating func list(closing: Token.Kind) throws(QueryDiagnostic) -> ValueSyntax {
        let open = current.span
        advance()
        try enterNesting()
        defer { leaveNesting() }
        var items: [ValueSyntax] = []
        if current.kind != closing {
            repeat { items.append(try value()) } while accept(.comma) != nil
        }
        let close = try expect(closing, closing == .rightBracket ? "',' or ']'" : "',' or ')'")
        return ValueSyntax(kind: .list(items), span: open.through(close.span))
    }
}
