/// One parsed ARQL statement (the parser's output; the binder's input).
indirect enum StatementSyntax: Hashable, Sendable {
    /// `[show] metrics …clauses`.
    case metrics([CallSyntax], ClausesSyntax)
    /// `items …clauses`.
    case items(keyword: SourceSpan, ClausesSyntax)
    /// `forecast collections weekly next 8 weeks …clauses`.
    case forecast(ForecastHeadSyntax, ClausesSyntax)
    /// `explain QUERY` or `explain sql QUERY`.
    case explain(StatementSyntax, sql: Bool)
}

/// The head of a forecast statement.
struct ForecastHeadSyntax: Hashable, Sendable {
    var granularity: NameSyntax
    var periods: ValueSyntax
    var unit: NameSyntax
}

/// The series clause: `monthly from 2025-10-31 to 2026-09-30`.
struct SeriesSyntax: Hashable, Sendable {
    var granularity: NameSyntax
    var from: ValueSyntax
    var to: ValueSyntax
}

/// `over last 12 months`.
struct OverLastSyntax: Hashable, Sendable {
    var amount: ValueSyntax
    var unit: NameSyntax
    var span: SourceSpan
}

/// `project 6 months`: extend a series by a trend projection.
struct ProjectSyntax: Hashable, Sendable {
    var amount: ValueSyntax
    var unit: NameSyntax
    /// From `project` to the unit.
    var span: SourceSpan
}

/// `overdue desc` in `order by`.
struct OrderKeySyntax: Hashable, Sendable {
    var key: CallSyntax
    var descending: Bool
}

/// `| chart bar title "Aging" stacked, width: 800`.
struct ChartSyntax: Hashable, Sendable {
    /// `nil`: chosen from the result's shape.
    var kind: NameSyntax?
    var title: String?
    var options: [ArgumentSyntax]
    var span: SourceSpan
}

/// The clauses after a statement's head, each at most once, in any order.
struct ClausesSyntax: Hashable, Sendable {
    var dimensions: [NameSyntax]?
    var filter: FilterSyntax?
    var having: FilterSyntax?
    var asOf: ValueSyntax?
    var series: SeriesSyntax?
    var overLast: OverLastSyntax?
    var project: ProjectSyntax?
    var currency: NameSyntax?
    var order: [OrderKeySyntax]?
    var limit: ValueSyntax?
    var chart: ChartSyntax?
    /// `compare previous month`: the unit back to the previous value.
    var compare: UnitClauseSyntax?
    /// `year to date`: the period of every period metric, from the start of the unit.
    var toDate: UnitClauseSyntax?
    /// `top 10`: order by the first metric, descending, and keep that many rows.
    var top: ValueSyntax?
    /// The span of each clause's first keyword, by clause name (`by`, `where`, `as of`, …).
    var keywords: [String: SourceSpan] = [:]
}

/// A clause naming a calendar unit: `compare previous month`, `year to date`.
struct UnitClauseSyntax: Hashable, Sendable {
    var unit: DateUnit
    /// The whole clause.
    var span: SourceSpan
}
