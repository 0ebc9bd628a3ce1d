import ARCore
import ARMetrics

/// `having` and `order by` of a metric statement. Metrics they name that are not shown are added
/// to the query as hidden metrics.
extension Binder {
    func havingPredicate(_ filter: FilterSyntax, into statement: inout MetricStatement,
                         digits: Int) throws(QueryDiagnostic) -> HavingPredicate {
        switch filter {
        case let .compare(call, op, value):
            let index = try scalarMetric(call, into: &statement, clause: "having")
            let kind = statement.query.metrics[index].valueKind
            return .compare(metric: index, op, try threshold(value, kind: kind, digits: digits))
        case let .isIn(call, _, _), let .flag(call):
            throw QueryDiagnostic(.unexpectedToken, "expected a comparison such as 'overdue > 10000', found '\(call.name.text)' alone",
                                  at: call.span, help: "'having' compares metric values with =, !=, <, <=, >, >=")
        case let .not(inner, _): return .not(try havingPredicate(inner, into: &statement, digits: digits))
        case let .and(a, b):
            return .and(try havingPredicate(a, into: &statement, digits: digits), try havingPredicate(b, into: &statement, digits: digits))
        case let .or(a, b):
            return .or(try havingPredicate(a, into: &statement, digits: digits), try havingPredicate(b, into: &statement, digits: digits))
        }
    }

    /// The index of `call`'s metric in the query, appending it hidden if it is not there.
    private func scalarMetric(_ call: CallSyntax, into statement: inout MetricStatement,
                              clause: String) throws(QueryDiagnostic) -> Int {
        let request = try metric(call)
        if request.kind == .aging {
            throw QueryDiagnostic(.notAScalar, "expected a metric with one value in '\(clause)', found 'aging'",
                                  at: call.span, help: "use 'overdue', 'current' or 'ar' for a total")
        }
        if let index = statement.query.metrics.firstIndex(of: request) { return index }
        statement.query.metrics.append(request)
        return statement.query.metrics.count - 1
    }

    /// A `having` literal in the metric's unit: money in major units, ratios as fractions.
    private func threshold(_ value: ValueSyntax, kind: MetricValueKind, digits: Int) throws(QueryDiagnostic) -> HavingThreshold {
        switch kind {
        case .money: .minorUnits(try minorUnits(value, digits: digits))
        case .count: .integer(Int64(try integer(value, in: Int(Int32.min)...Int(Int32.max), what: "a whole number")))
        case .ratio: .number(try double(value, what: "a fraction such as 0.25"))
        case .days: .number(try double(value, what: "a number of days"))
        case .percent: .number(try double(value, what: "a percentage such as 85"))
        }
    }

    /// An `order by` key: a dimension of `by`, `date` in a series, or a metric.
    func sortKey(_ key: OrderKeySyntax, into statement: inout MetricStatement) throws(QueryDiagnostic) -> SortKey {
        let call = key.key
        if call.arguments.isEmpty {
            if let dimension = catalog.dimension(named: call.name.text), !isProvidedMetric(call.name.text) || statement.query.dimensions.contains(dimension) {
                guard let index = statement.query.dimensions.firstIndex(of: dimension) else {
                    throw QueryDiagnostic(.unknownDimension, "expected a dimension of 'by', found '\(call.name.text)'",
                                          at: call.span, help: "add '\(call.name.text)' to 'by' to order by it")
                }
                return .dimension(index, descending: key.descending)
            }
            if call.name.lowercased == "date", statement.query.dates.count > 1 {
                return .date(descending: key.descending)
            }
        }
        guard MetricKind(rawValue: call.name.lowercased) != nil || isProvidedMetric(call.name.text) else {
            let names = statement.query.dimensions.map(\.name) + metricNames
            throw QueryDiagnostic.unknownName(.unknownMetric, what: "a metric or dimension", found: call.name.text,
                                              at: call.name.span, candidates: names)
        }
        return .metric(try scalarMetric(call, into: &statement, clause: "order by"), descending: key.descending)
    }
}
