import ARCore
import ARQuery
import ARStore

/// The metric providers of credit risk, for a ``QueryRunner``.
///
/// ```swift
/// let model = try RiskMetrics.scoringModel(path: "scoring/default.yaml", ledger: ledger)
/// let runner = try QueryRunner(source: source, providers: RiskMetrics.providers(scoring: model))
/// try runner.run("exposure, limit_used, score by customer having limit_used > 1")
/// ```
public enum RiskMetrics {
    /// Exposure and limits, and `score`/`risk_class` when a model is given.
    public static func providers(scoring model: ScoringModel? = nil) -> [any MetricProvider] {
        [CreditExposureProvider()] + (model.map { [ScoreProvider(model: $0)] } ?? [])
    }

    /// The catalog a scoring model binds against: the ledger's columns and the exposure metrics.
    public static func catalog(for ledger: Ledger) -> Catalog {
        Catalog(ledger: ledger, providedMetrics: CreditExposureProvider().metrics)
    }

    /// The model in `path`, checked against `ledger`'s columns.
    public static func scoringModel(path: String, ledger: Ledger) throws -> ScoringModel {
        try ScoringModelLoader(catalog: catalog(for: ledger)).load(path: path)
    }
}
