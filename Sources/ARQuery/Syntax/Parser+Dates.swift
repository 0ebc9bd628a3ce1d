import ARCore

/// Dates in time clauses: a `YYYY-MM-DD` literal, a `$parameter`, or a date relative to the
/// snapshot's as-of date; and the series `monthly over last 12 months`.
extension Parser {
    /// Words that start a relative date.
    static let relativeDateWords = ["last", "previous", "end", "same"]

    /// `2026-09-30`, `$as_of`, `last month`, `end of last quarter`, `same month last year`,
    /// `3 months ago`.
    mutating func dateValue() throws(QueryDiagnostic) -> ValueSyntax {
        let start = current.span
        if acceptWord("end") != nil {
            try expectWord("of")
            try expectWord(oneOf: ["last", "previous"])
            let unit = try dateUnit(["month", "quarter", "year"])
            return ValueSyntax(kind: .relativeDate(.endOfPrevious(unit.unit)), span: start.through(unit.span))
        }
        if current.isWord("last") || current.isWord("previous") {
            advance()
            let unit = try dateUnit(["month", "quarter", "year"])
            return ValueSyntax(kind: .relativeDate(.endOfPrevious(unit.unit)), span: start.through(unit.span))
        }
        if acceptWord("same") != nil {
            _ = try dateUnit(["day", "month", "quarter"])
            try expectWord("last")
            let year = try expectWord("year")
            return ValueSyntax(kind: .relativeDate(.ago(1, .year)), span: start.through(year.span))
        }
        let value = try value()
        if case let .duration(amount, unitName) = value.kind, let ago = acceptWord("ago") {
            guard case let .number(text, false) = amount.kind, let count = Int(text), count <= 100_000,
                  let unit = DateUnit(word: unitName.text) else {
                throw QueryDiagnostic(.invalidNumber, "expected a whole number of days, weeks, months, quarters or years before 'ago'",
                                      at: value.span, help: "write e.g. '3 months ago'")
            }
            return ValueSyntax(kind: .relativeDate(.ago(count, unit)), span: value.span.through(ago.span))
        }
        return value
    }

    /// `over last N units` after a series' step: the N steps ending on the as-of date, as a
    /// series from `N − 1` steps ago to the as-of date.
    mutating func seriesOverLast(_ granularity: NameSyntax) throws(QueryDiagnostic) -> SeriesSyntax {
        let over = try expectWord("over")
        try expectWord("last")
        let (amount, unitName) = try amountAndUnit(["days", "weeks", "months", "quarters", "years", "day", "week", "month",
                                                    "quarter", "year"])
        let span = over.span.through(unitName.span)
        let step = Self.stepUnit(granularity.text)
        guard case let .number(text, false) = amount.kind, let count = Int(text), count >= 1, count <= 100_000,
              let unit = DateUnit(word: unitName.text), let steps = Self.steps(count, unit, of: granularity.text) else {
            let found = if case let .number(text, _) = amount.kind { "\(text) \(unitName.text)" } else { unitName.text }
            throw QueryDiagnostic(.invalidTimeRange, "expected a whole number of \(step)s after 'over last', found '\(found)'",
                                  at: amount.span.through(unitName.span),
                                  help: "a \(granularity.text) series of the last 12 steps is '\(granularity.text) over last 12 \(step)s'")
        }
        let stepUnit = DateUnit(rawValue: step)!
        return SeriesSyntax(granularity: granularity,
                            from: ValueSyntax(kind: .relativeDate(.ago(steps - 1, stepUnit)), span: span),
                            to: ValueSyntax(kind: .relativeDate(.asOf), span: span))
    }

    /// The unit one step of a series covers.
    static func stepUnit(_ granularity: String) -> String {
        switch granularity {
        case "daily": "day"
        case "weekly": "week"
        case "monthly": "month"
        default: "quarter"
        }
    }

    /// How many steps of `granularity` make `count` units, if a whole number.
    static func steps(_ count: Int, _ unit: DateUnit, of granularity: String) -> Int? {
        let days: [DateUnit: Int] = [.day: 1, .week: 7]
        let months: [DateUnit: Int] = [.month: 1, .quarter: 3, .year: 12]
        let step = stepUnit(granularity)
        if let perUnit = days[unit], let perStep = days[DateUnit(rawValue: step)!] {
            return (count * perUnit) % perStep == 0 ? count * perUnit / perStep : nil
        }
        if let perUnit = months[unit], let perStep = months[DateUnit(rawValue: step)!] {
            return (count * perUnit) % perStep == 0 ? count * perUnit / perStep : nil
        }
        return nil
    }

    private mutating func dateUnit(_ units: [String]) throws(QueryDiagnostic) -> (unit: DateUnit, span: SourceSpan) {
        let name = try expectWord(oneOf: units)
        return (DateUnit(rawValue: name.text)!, name.span)
    }
}
