extension Parser {
    /// The words that start a clause, for `expected …` messages and suggestions.
    static let clauseKeywords = ["by", "where", "having", "as", "daily", "weekly", "monthly", "quarterly",
                                 "over", "in", "order", "limit", "top", "project", "compare", "year", "quarter", "month"]

    /// Clauses in any order, each at most once, up to `;` or the end.
    mutating func clauses() throws(QueryDiagnostic) -> ClausesSyntax {
        var clauses = ClausesSyntax()
        var lastClause = ""
        while current.kind != .endOfInput, current.kind != .semicolon {
            if current.kind == .pipe {
                try noteClause("chart", in: &clauses)
                clauses.chart = try chart()
                continue
            }
            if current.isWord("next") {
                throw QueryDiagnostic(.unexpectedToken, "expected a clause, found 'next'", at: current.span,
                                      help: "to extend a series by a trend, write 'project 6 months' after 'monthly from … to …'")
            }
            guard current.kind == .word, Parser.clauseKeywords.contains(current.text.lowercased()) else {
                // After a condition, `adn` is more likely `and` than a clause.
                let afterCondition = lastClause == "where" || lastClause == "having"
                throw unexpected(expected: "a clause ('by', 'where', 'having', 'as of', 'monthly from', 'over last', 'in', "
                                 + "'order by', 'limit', 'top', 'compare', 'year to date', 'project', '| chart'), ';' or end of input",
                                 suggestions: (afterCondition ? ["and", "or"] : []) + Parser.clauseKeywords)
            }
            lastClause = current.text.lowercased()
            try clause(into: &clauses)
        }
        return clauses
    }

    private mutating func clause(into clauses: inout ClausesSyntax) throws(QueryDiagnostic) {
        let keyword = current.text.lowercased()
        switch keyword {
        case "by":
            try noteClause("by", in: &clauses)
            advance()
            var names = [try name(what: "a dimension")]
            while accept(.comma) != nil { names.append(try name(what: "a dimension")) }
            clauses.dimensions = names
        case "where":
            try noteClause("where", in: &clauses)
            advance()
            clauses.filter = try filter()
        case "having":
            try noteClause("having", in: &clauses)
            advance()
            clauses.having = try filter()
        case "as":
            try noteClause("as of", in: &clauses)
            advance()
            try expectWord("of")
            clauses.asOf = try dateValue()
        case "over":
            try noteClause("over last", in: &clauses)
            let start = current.span
            advance()
            try expectWord("last")
            let (amount, unit) = try amountAndUnit(["days", "weeks", "months", "years", "day", "week", "month", "year"])
            clauses.overLast = OverLastSyntax(amount: amount, unit: unit, span: start.through(unit.span))
        case "in":
            try noteClause("in", in: &clauses)
            advance()
            clauses.currency = try name(what: "a currency code such as 'EUR'")
        case "order":
            try noteClause("order by", in: &clauses)
            advance()
            try expectWord("by")
            clauses.order = try orderKeys()
        case "limit":
            try noteClause("limit", in: &clauses)
            advance()
            clauses.limit = try value()
        case "top":
            try noteClause("top", in: &clauses)
            advance()
            clauses.top = try value()
        case "compare":
            try noteClause("compare", in: &clauses)
            clauses.compare = try compareClause()
        case "year", "quarter", "month":
            try noteClause("to date", in: &clauses)
            let start = current.span
            advance()
            try expectWord("to")
            let end = try expectWord("date")
            clauses.toDate = UnitClauseSyntax(unit: DateUnit(rawValue: keyword)!, span: start.through(end.span))
        case "project":
            try noteClause("project", in: &clauses)
            let start = current.span
            advance()
            let (amount, unit) = try amountAndUnit(["days", "weeks", "months", "quarters", "day", "week", "month", "quarter"])
            clauses.project = ProjectSyntax(amount: amount, unit: unit, span: start.through(unit.span))
        default:
            try noteClause("series", in: &clauses)
            let granularity = NameSyntax(text: keyword, span: current.span)
            advance()
            if current.isWord("over") {
                clauses.series = try seriesOverLast(granularity)
                return
            }
            try expectWord(oneOf: ["from", "over"])
            let from = try dateValue()
            try expectWord("to")
            clauses.series = SeriesSyntax(granularity: granularity, from: from, to: try dateValue())
        }
    }

    /// `compare previous month|quarter|year` (`last` for `previous`), or `compare same month last year`.
    private mutating func compareClause() throws(QueryDiagnostic) -> UnitClauseSyntax {
        let start = current.span
        advance()
        if acceptWord("same") != nil {
            try expectWord(oneOf: ["month", "quarter", "day"])
            try expectWord("last")
            let end = try expectWord("year")
            return UnitClauseSyntax(unit: .year, span: start.through(end.span))
        }
        try expectWord(oneOf: ["previous", "last"])
        let unit = try expectWord(oneOf: ["month", "quarter", "year"])
        return UnitClauseSyntax(unit: DateUnit(rawValue: unit.text)!, span: start.through(unit.span))
    }

    /// Records the clause's keyword span, rejecting a second occurrence.
    private mutating func noteClause(_ name: String, in clauses: inout ClausesSyntax) throws(QueryDiagnostic) {
        if clauses.keywords[name] != nil {
            throw QueryDiagnostic(.duplicateClause, "expected one '\(name)' clause per statement, found a second",
                                  at: current.span, help: "combine the two clauses into one")
        }
        clauses.keywords[name] = current.span
    }

    private mutating func orderKeys() throws(QueryDiagnostic) -> [OrderKeySyntax] {
        var keys: [OrderKeySyntax] = []
        repeat {
            let key = try call(what: "a metric or dimension")
            var descending = false
            if acceptWord("desc") != nil {
                descending = true
            } else if acceptWord("asc") == nil, current.kind == .word,
                      !Parser.clauseKeywords.contains(current.text.lowercased()) {
                throw unexpected(expected: "'asc', 'desc', ',' or a clause", suggestions: ["desc", "asc"] + Parser.clauseKeywords)
            }
            keys.append(OrderKeySyntax(key: key, descending: descending))
        } while accept(.comma) != nil
        return keys
    }

    /// `| chart [KIND] [title "…"] [option[: value]] …`; without a kind the result's shape chooses.
    private mutating func chart() throws(QueryDiagnostic) -> ChartSyntax {
        let start = current.span
        advance()
        var end = current.span
        try expectWord("chart")
        var kind: NameSyntax?
        if current.kind == .word, !current.isWord("title") {
            let named = try name(what: "a chart kind such as 'bar'")
            kind = named
            end = named.span
        }
        var title: String?
        var options: [ArgumentSyntax] = []
        while current.kind == .word {
            if current.isWord("title") {
                advance()
                let text = try expect(.string, "a title in double quotes")
                title = text.text
                end = text.span
                continue
            }
            let option = NameSyntax(text: current.text.lowercased(), span: current.span)
            advance()
            var optionValue = ValueSyntax(kind: .word("true"), span: option.span)
            if accept(.colon) != nil { optionValue = try value() }
            options.append(ArgumentSyntax(name: option, value: optionValue))
            end = optionValue.span
            _ = accept(.comma)
        }
        return ChartSyntax(kind: kind, title: title, options: options, span: start.through(end))
    }
}
