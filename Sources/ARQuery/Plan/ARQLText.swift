import ARCore
import ARMetrics

/// ARQL text of bound values, for `explain` and for chart and column captions.
extension MetricRequest {
    /// `dso(method: countback, period: 30 days)`: the metric with the arguments that differ from the defaults.
    public var arqlText: String {
        if let provided { return provided.name }
        var arguments: [String] = []
        if let period, period != kind.defaultPeriod { arguments.append("period: \(period)") }
        if kind == .aging {
            if aging.bounds != AgingSpec.standard.bounds {
                arguments.append("buckets: [" + aging.bounds.map(String.init).joined(separator: ", ") + "]")
            }
            if aging.basis != .dueDate { arguments.append("basis: \(aging.basis.rawValue)") }
        }
        if kind == .dso, dsoMethod != .standard { arguments.append("method: \(dsoMethod.rawValue)") }
        if kind == .promiseKeptRate, graceDays != 0 { arguments.append("grace: \(graceDays) days") }
        if kind == .penalties, penalties != .eu { arguments.append(penaltyArguments) }
        if kind.takesWeighting, !weighted { arguments.append("weighted: false") }
        return arguments.isEmpty ? kind.name : "\(kind.name)(\(arguments.joined(separator: ", ")))"
    }

    private var penaltyArguments: String {
        var text = "rate: \(penalties.referenceRatePercent), margin: \(penalties.marginPercent)"
        if case let .flat(amount) = penalties.fixedSum {
            text += ", fixed: " + MinorUnits.format(amount, digits: penalties.fixedCurrency.minorDigits)
        } else {
            text += ", fixed: tiers"
        }
        return text + ", basis: \(penalties.dayCountBasis)"
    }
}

extension ItemPredicate {
    /// The condition as ARQL: `dpd > 90 and not disputed`. Money is shown in minor units.
    public var arqlText: String { text(parenthesised: false) }

    private func text(parenthesised: Bool) -> String {
        let body: String
        switch self {
        case let .compare(field, op, value): return "\(field) \(op.rawValue) \(ItemPredicate.text(of: value))"
        case let .isIn(field, values): return "\(field) in (" + values.map(ItemPredicate.text(of:)).joined(separator: ", ") + ")"
        case .disputed: return "disputed"
        case let .not(inner): return "not " + inner.text(parenthesised: true)
        case let .and(a, b): body = a.text(parenthesised: true) + " and " + b.text(parenthesised: true)
        case let .or(a, b): body = a.text(parenthesised: true) + " or " + b.text(parenthesised: true)
        }
        return parenthesised ? "(\(body))" : body
    }

    static func text(of value: PredicateValue) -> String {
        switch value {
        case let .string(s): JSONText.quoted(s)
        case let .integer(n): String(n)
        case let .day(d): d.iso
        }
    }
}
