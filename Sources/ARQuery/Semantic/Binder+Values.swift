import ARCore

/// Reading typed values out of literals and parameters. A parameter's text is read as the type the
/// place needs (a date, a number, a string); it is never spliced into the query text.
extension Binder {
    /// The parameter's text, or Q2003 with a suggestion among the parameters given.
    func parameterText(_ name: String, at span: SourceSpan) throws(QueryDiagnostic) -> String {
        if let text = parameters[name] { return text }
        if parameters.isEmpty {
            throw QueryDiagnostic(.unknownParameter, "expected a parameter that was given, found '$\(name)'", at: span,
                                  help: "no parameters were given; pass a value for '\(name)'")
        }
        throw QueryDiagnostic.unknownName(.unknownParameter, what: "a parameter that was given", found: name, at: span,
                                          candidates: parameters.keys.sorted(), quotePrefix: "$")
    }

    func quoted(_ value: ValueSyntax) -> String { value.quoted(in: source) }

    func mismatch(_ value: ValueSyntax, expected: String, help: String? = nil) -> QueryDiagnostic {
        QueryDiagnostic(.typeMismatch, "expected \(expected), found \(quoted(value))", at: value.span, help: help)
    }

    func badParameter(_ value: ValueSyntax, text: String, expected: String) -> QueryDiagnostic {
        QueryDiagnostic(.invalidParameterValue, "expected \(expected) for \(quoted(value)), found '\(text)'",
                        at: value.span)
    }

    func date(_ value: ValueSyntax) throws(QueryDiagnostic) -> Day {
        switch value.kind {
        case let .date(day): return day
        case let .relativeDate(relative): return resolve(relative)
        case let .parameter(name):
            let text = try parameterText(name, at: value.span)
            guard let day = Day(iso: text) else { throw badParameter(value, text: text, expected: "a YYYY-MM-DD date") }
            return day
        default:
            throw mismatch(value, expected: "a date", help: "write dates as YYYY-MM-DD, e.g. '2026-09-30'")
        }
    }

    /// A whole number in `range`.
    func integer(_ value: ValueSyntax, in range: ClosedRange<Int>, what: String = "a whole number") throws(QueryDiagnostic) -> Int {
        var text: String
        var negative = false
        switch value.kind {
        case let .number(t, n): (text, negative) = (t, n)
        case let .parameter(name):
            text = try parameterText(name, at: value.span)
            if text.hasPrefix("-") { negative = true; text.removeFirst() }
        default: throw mismatch(value, expected: what)
        }
        guard let magnitude = Int(text), magnitude >= 0 else {
            if case .parameter = value.kind { throw badParameter(value, text: text, expected: what) }
            throw mismatch(value, expected: what)
        }
        let number = negative ? -magnitude : magnitude
        guard range.contains(number) else {
            throw QueryDiagnostic(.invalidNumber, "expected \(what) from \(range.lowerBound) to \(range.upperBound), found \(quoted(value))",
                                  at: value.span)
        }
        return number
    }

    /// A decimal's text with its sign, from a number literal or a parameter.
    func decimalText(_ value: ValueSyntax, what: String) throws(QueryDiagnostic) -> String {
        switch value.kind {
        case let .number(text, negative): return (negative ? "-" : "") + text
        case let .parameter(name):
            let text = try parameterText(name, at: value.span)
            guard Double(text) != nil, !text.contains("e"), !text.contains("E") else {
                throw badParameter(value, text: text, expected: what)
            }
            return text
        default: throw mismatch(value, expected: what)
        }
    }

    /// Major units (`5000.50`) as minor units of a currency with `digits` minor digits.
    func minorUnits(_ value: ValueSyntax, digits: Int) throws(QueryDiagnostic) -> Int64 {
        let text = try decimalText(value, what: "an amount")
        switch MinorUnits.parse(text, digits: digits) {
        case let .success(minor): return minor
        case let .failure(error):
            let reason = switch error {
            case .notANumber: "an amount"
            case .tooManyDecimals: "an amount with at most \(digits) decimals"
            case .outOfRange: "a smaller amount"
            }
            throw QueryDiagnostic(.invalidNumber, "expected \(reason), found \(quoted(value))", at: value.span)
        }
    }

    func double(_ value: ValueSyntax, what: String) throws(QueryDiagnostic) -> Double {
        let text = try decimalText(value, what: what)
        guard let number = Double(text), number.isFinite else { throw mismatch(value, expected: what) }
        return number
    }

    /// A string: a quoted string, a bare word, a number's text, or a parameter's text.
    func string(_ value: ValueSyntax) throws(QueryDiagnostic) -> String {
        switch value.kind {
        case let .string(text), let .word(text): return text
        case let .number(text, negative): return (negative ? "-" : "") + text
        case let .parameter(name): return try parameterText(name, at: value.span)
        default: throw mismatch(value, expected: "a string such as \"EMEA\"")
        }
    }

    /// A bare word (or parameter) among `choices`.
    func choice(_ value: ValueSyntax, among choices: [String], what: String) throws(QueryDiagnostic) -> String {
        let text: String
        switch value.kind {
        case let .word(t), let .string(t): text = t.lowercased()
        case let .number(t, _): text = t
        case let .parameter(name): text = try parameterText(name, at: value.span).lowercased()
        default: throw mismatch(value, expected: what)
        }
        guard choices.contains(text) else {
            var diagnostic = QueryDiagnostic.unknownName(.invalidArgument, what: what, found: text, at: value.span,
                                                         candidates: choices)
            diagnostic.message = "expected \(what), found \(quoted(value))"
            throw diagnostic
        }
        return text
    }
}
