import ARMetrics
import ARQuery

/// The credit exposure and limit figures (docs/risk.md, "Exposure and limits").
public enum ExposureMetric: String, CaseIterable, Sendable {
    case exposure, creditLimit = "credit_limit", limitUsed = "limit_used", overLimit = "over_limit"
    case insuredLimit = "insured_limit", uninsuredExposure = "uninsured_exposure"

    public var provided: ProvidedMetric {
        ProvidedMetric(name: rawValue, valueKind: self == .limitUsed ? .ratio : .money, summary: summary)
    }

    var summary: String {
        switch self {
        case .exposure: "open receivables of the customer (ar per customer, by credit unit)"
        case .creditLimit: "credit limit; a group's own limit, else the sum of its customers'"
        case .limitUsed: "exposure of the units with a limit / their limit"
        case .overLimit: "exposure above the limit, per credit unit, in the limit's currency then converted"
        case .insuredLimit: "cover granted by the credit insurer; a group's own, else the sum"
        case .uninsuredExposure: "exposure above the insured limit (all of it without cover)"
        }
    }
}

/// Computes ``ExposureMetric`` figures for ARQL (``MetricProvider``).
public struct CreditExposureProvider: MetricProvider {
    public init() {}

    public var metrics: [ProvidedMetric] { ExposureMetric.allCases.map(\.provided) }

    public func table(for requests: [MetricRequest], query: MetricQuery, context: MetricContext) throws -> MetricTable {
        let figures = try ExposureFigures(query: query, engine: context.engine)
        let asked = requests.map { ExposureMetric(rawValue: $0.metricName)! }
        return figures.table(asked)
    }
}
