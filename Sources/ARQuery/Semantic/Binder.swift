import ARCore
import ARMetrics

/// Resolves a parsed statement against a ``Catalog`` and the query's parameters: metric and
/// dimension names, typed literals, money in minor units, dates of a series.
struct Binder {
    let catalog: Catalog
    let parameters: [String: String]
    /// The query's UTF-8 bytes, to quote literals as written.
    let source: [UInt8]

    init(catalog: Catalog, parameters: [String: String], source: String) {
        self.catalog = catalog
        self.parameters = parameters
        self.source = Array(source.utf8)
    }

    func bind(_ statement: StatementSyntax) throws(QueryDiagnostic) -> BoundStatement {
        switch statement {
        case let .metrics(calls, clauses): .metrics(try bindMetricStatement(calls, clauses))
        case let .items(_, clauses): .items(try bindItems(clauses))
        case let .forecast(head, clauses):
            .forecast(try bindForecast(head, clauses), chart: try clauses.chart.map { (c) throws(QueryDiagnostic) in try chartSpec(c) })
        case let .explain(inner, sql): .explain(try bind(inner), sql: sql)
        }
    }

    /// Codes offered as suggestions for a misspelt currency.
    static let commonCurrencies = ["EUR", "USD", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN",
                                   "CZK", "HUF", "RON", "TRY", "INR", "BRL", "MXN", "ZAR", "SGD", "HKD", "NZD", "AED"]

    /// The currency of `in CODE`, or `nil`.
    func currency(_ clauses: ClausesSyntax) throws(QueryDiagnostic) -> Currency? {
        guard let name = clauses.currency else { return nil }
        guard let currency = Currency(code: name.text) else {
            let near = EditDistance.closest(to: name.text.uppercased(), among: Binder.commonCurrencies)
            throw QueryDiagnostic(.unknownCurrency, "expected an ISO 4217 currency code, found '\(name.text)'",
                                  at: name.span, help: near.map { "did you mean '\($0)'?" } ?? "use a code such as 'EUR', 'USD' or 'GBP'")
        }
        return currency
    }

    /// The currency money literals are in: the `in` currency, else the reporting one.
    func moneyDigits(_ clauses: ClausesSyntax) throws(QueryDiagnostic) -> Int {
        (try currency(clauses) ?? catalog.reportingCurrency).minorDigits
    }

    func limit(_ clauses: ClausesSyntax) throws(QueryDiagnostic) -> Int? {
        try clauses.limit.map { (value) throws(QueryDiagnostic) in try integer(value, in: 0...1_000_000_000, what: "a row count") }
    }

    func dimensions(_ clauses: ClausesSyntax) throws(QueryDiagnostic) -> [Dimension] {
        var dimensions: [Dimension] = []
        for name in clauses.dimensions ?? [] {
            guard let dimension = catalog.dimension(named: name.text) else {
                throw QueryDiagnostic.unknownName(.unknownDimension, what: "a dimension", found: name.text, at: name.span,
                                                  candidates: catalog.dimensionNames)
            }
            if dimensions.contains(dimension) {
                throw QueryDiagnostic(.duplicateName, "expected each dimension once, found '\(name.text)' twice", at: name.span)
            }
            dimensions.append(dimension)
        }
        return dimensions
    }

    /// Q2014 for the first clause of `clauses` not in `allowed`.
    func rejectClauses(_ clauses: ClausesSyntax, allowed: [String], statement: String) throws(QueryDiagnostic) {
        let given = clauses.keywords.sorted { $0.value.start < $1.value.start }
        guard let bad = given.first(where: { !allowed.contains($0.key) }) else { return }
        let list = Parser.list(allowed.map { "'\($0)'" })
        let found = switch bad.key {
        case "series": String(decoding: source[bad.value.start..<bad.value.end], as: UTF8.self).lowercased() + " from"
        case "chart": "| chart"
        default: bad.key
        }
        throw QueryDiagnostic(.unsupportedClause, "expected a clause of '\(statement)' (\(list)), found '\(found)'",
                              at: bad.value)
    }

    // MARK: - Items and forecasts

    func bindItems(_ clauses: ClausesSyntax) throws(QueryDiagnostic) -> ItemsStatement {
        try rejectClauses(clauses, allowed: ["where", "as of", "in", "order by", "limit"], statement: "items")
        let digits = try moneyDigits(clauses)
        var order: [ItemSortKey] = []
        for key in clauses.order ?? [] {
            order.append(ItemSortKey(column: try itemSortColumn(key.key), descending: key.descending))
        }
        return ItemsStatement(filter: try clauses.filter.map { (f) throws(QueryDiagnostic) in try predicate(f, digits: digits) },
                              asOf: try dates(clauses)[0], currency: try currency(clauses),
                              order: order, limit: try limit(clauses))
    }

    func bindForecast(_ head: ForecastHeadSyntax, _ clauses: ClausesSyntax) throws(QueryDiagnostic) -> ForecastQuery {
        try rejectClauses(clauses, allowed: ["by", "where", "as of", "in", "chart"], statement: "forecast")
        let granularity: ForecastGranularity = head.granularity.text == "weekly" ? .weekly : .monthly
        let unitIsWeeks = head.unit.text.hasPrefix("week")
        guard unitIsWeeks == (granularity == .weekly) else {
            let expected = granularity == .weekly ? "weeks" : "months"
            throw QueryDiagnostic(.invalidTimeRange, "expected '\(expected)' after a \(granularity.rawValue) forecast, found '\(head.unit.text)'",
                                  at: head.unit.span, help: "did you mean '\(expected)'?")
        }
        let periods = try integer(head.periods, in: 1...(granularity == .weekly ? 260 : 60), what: "a number of periods")
        let digits = try moneyDigits(clauses)
        let asOf = try dates(clauses)[0]
        try checkForecastHorizon(asOf: asOf, granularity: granularity, periods: periods, head)
        return ForecastQuery(granularity: granularity, periods: periods, dimensions: try dimensions(clauses),
                               filter: try clauses.filter.map { (f) throws(QueryDiagnostic) in try predicate(f, digits: digits) },
                               asOf: asOf, currency: try currency(clauses))
    }
}
