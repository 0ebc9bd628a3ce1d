import ARCore
import ARMetrics

/// `where` conditions: item fields compared with typed literals.
extension Binder {
    /// Fields an item has besides its dimensions.
    static let itemFields: [String: ItemField] = [
        "dpd": .dpd, "age": .age, "open": .open, "amount": .amount,
        "issue_date": .issueDate, "due_date": .dueDate, "id": .id,
    ]

    var fieldNames: [String] {
        ["dpd", "age", "open", "amount", "issue_date", "due_date", "id", "disputed"] + catalog.dimensionNames
    }

    /// The item field `call` names (a field takes no arguments).
    func field(_ call: CallSyntax) throws(QueryDiagnostic) -> ItemField {
        if let argument = call.arguments.first {
            throw QueryDiagnostic(.unexpectedToken, "expected a field without arguments, found '\(call.name.text)(…)'",
                                  at: argument.name.span.through(call.span))
        }
        if let field = Binder.itemFields[call.name.lowercased] { return field }
        if let dimension = catalog.dimension(named: call.name.text) { return .dimension(dimension) }
        var diagnostic = QueryDiagnostic.unknownName(.unknownField, what: "a field of items", found: call.name.text,
                                                     at: call.name.span, candidates: fieldNames)
        if MetricKind(rawValue: call.name.lowercased) != nil {
            diagnostic.help = "'\(call.name.text)' is a metric; filter on metrics with 'having'"
        } else if call.name.lowercased == Binder.predictedPayDate {
            diagnostic.help = "'predicted_pay_date' is forecast for the items the filter keeps: use it in 'order by' of 'items'"
        }
        throw diagnostic
    }

    static let predictedPayDate = "predicted_pay_date"

    /// An `order by` key of `items`: an item field, or the forecast's `predicted_pay_date`.
    func itemSortColumn(_ call: CallSyntax) throws(QueryDiagnostic) -> ItemSortKey.Column {
        if call.name.lowercased == Binder.predictedPayDate, call.arguments.isEmpty { return .predictedPayDate }
        do {
            return .field(try field(call))
        } catch var diagnostic {
            if diagnostic.code == .unknownField,
               let near = EditDistance.closest(to: call.name.lowercased, among: fieldNames + [Binder.predictedPayDate]) {
                diagnostic.help = "did you mean '\(near)'?"
            }
            throw diagnostic
        }
    }

    /// The ``ItemPredicate`` of a `where` condition; money literals are major units of a currency
    /// with `digits` minor digits.
    func predicate(_ filter: FilterSyntax, digits: Int) throws(QueryDiagnostic) -> ItemPredicate {
        switch filter {
        case let .compare(call, op, value):
            let field = try field(call)
            return .compare(field, op, try predicateValue(value, for: field, digits: digits))
        case let .isIn(call, list, negated):
            let field = try field(call)
            guard case let .list(items) = list.kind, !items.isEmpty else {
                throw mismatch(list, expected: "a list such as '(\"EMEA\", \"APAC\")'")
            }
            var values: [PredicateValue] = []
            for item in items { values.append(try predicateValue(item, for: field, digits: digits)) }
            return negated ? .not(.isIn(field, values)) : .isIn(field, values)
        case let .flag(call):
            if call.name.lowercased == "disputed", call.arguments.isEmpty { return .disputed }
            let field = try field(call)
            throw QueryDiagnostic(.unexpectedToken, "expected a comparison such as '\(field) = …' after '\(call.name.text)', found none",
                                  at: call.span, help: "the only condition that stands alone is 'disputed'")
        case let .not(inner, _): return .not(try predicate(inner, digits: digits))
        case let .and(a, b): return .and(try predicate(a, digits: digits), try predicate(b, digits: digits))
        case let .or(a, b): return .or(try predicate(a, digits: digits), try predicate(b, digits: digits))
        }
    }

    /// A literal typed for `field`: days are integers, amounts minor units, dates days, the rest strings.
    private func predicateValue(_ value: ValueSyntax, for field: ItemField, digits: Int) throws(QueryDiagnostic) -> PredicateValue {
        switch field {
        case .dpd, .age:
            return .integer(Int64(try integer(value, in: -1_000_000...1_000_000, what: "a number of days for '\(field)'")))
        case .open, .amount:
            return .integer(try minorUnits(value, digits: digits))
        case .issueDate, .dueDate:
            return .day(try date(value))
        case .id, .dimension:
            if case .date = value.kind { return .string(String(decoding: source[value.span.start..<value.span.end], as: UTF8.self)) }
            return .string(try string(value))
        }
    }
}
