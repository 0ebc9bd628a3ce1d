/// A metric computed outside the engine by a provider that a front end plugs in (credit
/// exposure, scores): the binder accepts its name, the query runner computes its column.
/// The engine itself never receives a request that carries one.
public struct ProvidedMetric: Hashable, Sendable {
    /// The ARQL name (`exposure`, `score`).
    public var name: String
    public var valueKind: MetricValueKind
    /// One line for `.metrics` and help.
    public var summary: String

    public init(name: String, valueKind: MetricValueKind, summary: String) {
        self.name = name
        self.valueKind = valueKind
        self.summary = summary
    }
}

extension MetricRequest {
    /// A request for a provided metric (its `kind` is a placeholder the engine never sees).
    public init(provided metric: ProvidedMetric) {
        self.init(.count)
        provided = metric
    }

    /// The kind of value the request yields, provided or built in.
    public var valueKind: MetricValueKind { provided?.valueKind ?? kind.valueKind }

    /// The ARQL name of the request's metric.
    public var metricName: String { provided?.name ?? kind.name }
}
