import ARMetrics

/// A `where` or `having` condition as written.
indirect enum FilterSyntax: Hashable, Sendable {
    /// `dpd > 90`, `overdue > 10000`.
    case compare(CallSyntax, ComparisonOperator, ValueSyntax)
    /// `region in ("EMEA", "APAC")`, or `not in` when `negated`.
    case isIn(CallSyntax, ValueSyntax, negated: Bool)
    /// A bare flag: `disputed`.
    case flag(CallSyntax)
    case not(FilterSyntax, keyword: SourceSpan)
    case and(FilterSyntax, FilterSyntax)
    case or(FilterSyntax, FilterSyntax)

    /// The span of the whole condition.
    var span: SourceSpan {
        switch self {
        case let .compare(lhs, _, rhs): lhs.span.through(rhs.span)
        case let .isIn(lhs, list, _): lhs.span.through(list.span)
        case let .flag(call): call.span
        case let .not(inner, keyword): keyword.through(inner.span)
        case let .and(a, b), let .or(a, b): a.span.through(b.span)
        }
    }
}
