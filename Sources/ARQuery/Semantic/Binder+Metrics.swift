import ARCore
import ARMetrics

/// Metric statements and metric calls with their arguments.
extension Binder {
    static let metricNames = MetricKind.allCases.map(\.name)

    func bindMetricStatement(_ calls: [CallSyntax], _ clauses: ClausesSyntax) throws(QueryDiagnostic) -> MetricStatement {
        var metrics: [MetricRequest] = []
        for call in calls { metrics.append(try metric(call)) }
        let dimensions = try dimensions(clauses)
        try checkProvidedDimensions(metrics, clauses)
        let digits = try moneyDigits(clauses)
        let query = MetricQuery(metrics: metrics, dimensions: dimensions,
                                filter: try clauses.filter.map { (f) throws(QueryDiagnostic) in try predicate(f, digits: digits) },
                                dates: try dates(clauses), currency: try currency(clauses))
        var statement = MetricStatement(query: query, shownMetricCount: metrics.count, limit: try limit(clauses))
        if let having = clauses.having {
            statement.having = try havingPredicate(having, into: &statement, digits: digits)
        }
        for key in clauses.order ?? [] {
            statement.order.append(try sortKey(key, into: &statement))
        }
        if let chart = clauses.chart { statement.chart = try chartSpec(chart) }
        if let project = clauses.project {
            statement.projection = try projection(project, clauses, metrics: calls, requests: metrics)
        }
        if let period = try defaultPeriod(clauses, dates: statement.query.dates) {
            for i in statement.query.metrics.indices where statement.query.metrics[i].kind.coversPeriod {
                if statement.query.metrics[i].period == nil { statement.query.metrics[i].period = period }
            }
        }
        if let top = clauses.top { try applyTop(top, clauses, to: &statement) }
        if let compare = clauses.compare { statement.comparison = try comparison(compare, clauses, dates: statement.query.dates) }
        try checkPeriods(statement, calls: calls, overLast: clauses.overLast)
        return statement
    }

    /// A metric call: `dso`, `dso(method: countback, period: 3 months)`.
    func metric(_ call: CallSyntax) throws(QueryDiagnostic) -> MetricRequest {
        guard let kind = MetricKind(rawValue: call.name.lowercased) else {
            return try providedMetric(call)
        }
        var request = MetricRequest(kind)
        let allowed = Binder.arguments(of: kind)
        var seen: [String] = []
        // `rules:` first, so `rate:` or `margin:` written before it still override it.
        let ordered = call.arguments.filter { $0.name.lowercased == "rules" } + call.arguments.filter { $0.name.lowercased != "rules" }
        for argument in ordered {
            let name = argument.name.lowercased
            guard allowed.contains(name) else {
                let help = allowed.isEmpty ? "'\(kind.name)' takes no arguments"
                    : EditDistance.closest(to: name, among: allowed).map { "did you mean '\($0)'?" }
                    ?? "'\(kind.name)' takes " + Parser.list(allowed.map { "'\($0)'" })
                throw QueryDiagnostic(.unknownArgument, "expected an argument of '\(kind.name)', found '\(argument.name.text)'",
                                      at: argument.name.span, help: help)
            }
            if seen.contains(name) {
                throw QueryDiagnostic(.duplicateName, "expected each argument once, found '\(argument.name.text)' twice",
                                      at: argument.name.span)
            }
            seen.append(name)
            try apply(name, argument.value, to: &request)
        }
        return request
    }

    /// The argument names each metric takes.
    static func arguments(of kind: MetricKind) -> [String] {
        var names: [String] = kind.coversPeriod ? ["period"] : []
        switch kind {
        case .aging: names += ["buckets", "basis"]
        case .dso: names += ["method"]
        case .promiseKeptRate: names += ["grace"]
        case .penalties: names += ["rules", "rate", "margin", "fixed", "basis"]
        default: break
        }
        if kind.takesWeighting { names.append("weighted") }
        return names
    }

    private func apply(_ name: String, _ value: ValueSyntax, to request: inout MetricRequest) throws(QueryDiagnostic) {
        switch (name, request.kind) {
        case ("period", _): request.period = try period(value)
        case ("buckets", _): request.aging.bounds = try bucketBounds(value)
        case ("basis", .aging):
            let basis = try choice(value, among: ["due_date", "issue_date"], what: "an aging basis")
            request.aging.basis = basis == "due_date" ? .dueDate : .issueDate
        case ("method", _):
            request.dsoMethod = try choice(value, among: ["standard", "countback"], what: "a dso method") == "standard" ? .standard : .countback
        case ("grace", _): request.graceDays = try days(value, in: 0...365)
        case ("weighted", _): request.weighted = try choice(value, among: ["true", "false"], what: "'true' or 'false'") == "true"
        case ("rules", _):
            let rules = try choice(value, among: ["eu", "fr", "uk"], what: "penalty rules")
            request.penalties = rules == "eu" ? .eu : rules == "fr" ? .france : .uk
        case ("rate", _): request.penalties.referenceRatePercent = try percent(value, what: "a reference rate in percent")
        case ("margin", _): request.penalties.marginPercent = try percent(value, what: "a margin in percentage points")
        case ("fixed", _):
            request.penalties.fixedSum = .flat(try minorUnits(value, digits: request.penalties.fixedCurrency.minorDigits))
        default:
            request.penalties.dayCountBasis = Int(try choice(value, among: ["360", "365"], what: "a day-count basis"))!
        }
    }

    /// `[30, 60, 90]`: increasing positive bounds.
    private func bucketBounds(_ value: ValueSyntax) throws(QueryDiagnostic) -> [Int] {
        guard case let .list(items) = value.kind, !items.isEmpty, items.count <= 24 else {
            throw mismatch(value, expected: "a list of 1 to 24 day bounds such as '[30, 60, 90]'")
        }
        var bounds: [Int] = []
        for item in items {
            let bound = try integer(item, in: 1...36_600, what: "a number of days")
            if let last = bounds.last, bound <= last {
                throw QueryDiagnostic(.invalidArgument, "expected a bound above \(last), found \(quoted(item))",
                                      at: item.span, help: "list bucket bounds in increasing order")
            }
            bounds.append(bound)
        }
        return bounds
    }

    private func percent(_ value: ValueSyntax, what: String) throws(QueryDiagnostic) -> ExactRate {
        let text = try decimalText(value, what: what)
        guard let rate = ExactRate(text) else { throw mismatch(value, expected: what) }
        return rate
    }

    func chartSpec(_ chart: ChartSyntax) throws(QueryDiagnostic) -> ChartSpec {
        var kind: ChartSpec.Kind?
        if let name = chart.kind {
            guard let named = ChartSpec.Kind(rawValue: name.lowercased) else {
                throw QueryDiagnostic.unknownName(.unknownChartKind, what: "a chart kind", found: name.text,
                                                  at: name.span, candidates: ChartSpec.Kind.allCases.map(\.rawValue))
            }
            kind = named
        }
        var options: [String: String] = [:]
        for option in chart.options {
            options[option.name.text] = try string(option.value)
        }
        return ChartSpec(kind: kind, title: chart.title, options: options)
    }
}
