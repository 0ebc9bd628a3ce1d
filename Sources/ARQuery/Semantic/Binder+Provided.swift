import ARMetrics

/// Metrics of the runner's providers (``MetricProvider``): bound by name, per customer.
extension Binder {
    /// Built-in metric names, then the provided ones.
    var metricNames: [String] { Binder.metricNames + catalog.providedMetrics.map(\.name) }

    func isProvidedMetric(_ name: String) -> Bool {
        catalog.providedMetrics.contains { $0.name == name.lowercased() }
    }

    /// A provided metric call (they take no arguments), or Q2001 naming the closest metric.
    func providedMetric(_ call: CallSyntax) throws(QueryDiagnostic) -> MetricRequest {
        guard let metric = catalog.providedMetrics.first(where: { $0.name == call.name.lowercased }) else {
            throw QueryDiagnostic.unknownName(.unknownMetric, what: "a metric", found: call.name.text, at: call.name.span,
                                              candidates: metricNames)
        }
        if let argument = call.arguments.first {
            throw QueryDiagnostic(.unknownArgument, "expected no argument of '\(metric.name)', found '\(argument.name.text)'",
                                  at: argument.name.span, help: "'\(metric.name)' takes no arguments")
        }
        return MetricRequest(provided: metric)
    }

    /// Provided metrics are figures per customer: every dimension must be one of the customer's.
    func checkProvidedDimensions(_ metrics: [MetricRequest], _ clauses: ClausesSyntax) throws(QueryDiagnostic) {
        guard let metric = metrics.first(where: { $0.provided != nil }) else { return }
        for name in clauses.dimensions ?? [] {
            guard let dimension = catalog.dimension(named: name.text), !dimension.isCustomerLevel else { continue }
            throw QueryDiagnostic(.unsupportedClause, "expected a customer dimension with '\(metric.metricName)', found '\(name.text)'",
                                  at: name.span, help: "'\(metric.metricName)' is a figure per customer: group by customer, "
                                      + "customer_group, segment, region, country, sales_rep or a customer column")
        }
    }
}

extension Dimension {
    /// Whether the dimension's value is the customer's (so each customer lies in one group).
    public var isCustomerLevel: Bool {
        switch self {
        case .customer, .customerName, .customerGroup, .segment, .region, .country, .salesRep, .creditLimit,
             .insuredLimit, .paymentTermsDays, .customerAttribute: true
        case .entity, .currency, .bucket, .disputeReason, .issueMonth, .type, .documentAttribute: false
        }
    }
}
