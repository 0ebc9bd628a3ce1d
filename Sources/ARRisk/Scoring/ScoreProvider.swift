import ARCore
import ARMetrics
import ARQuery

/// `score` and `risk_class` for ARQL (``MetricProvider``), from one ``ScoringModel``.
///
/// Rows are the query's groups of customers with open items at each date (passing `where`); a
/// customer's score is its own (criteria are read on all its items, not only the filtered ones);
/// a row of several customers shows the mean of their scores and the class of that mean.
/// `risk_class` is the class's rank: 1 for the first class of the model (A), 5 for E.
public struct ScoreProvider: MetricProvider {
    public let model: ScoringModel

    public init(model: ScoringModel) {
        self.model = model
    }

    public static let score = ProvidedMetric(name: "score", valueKind: .percent,
                                             summary: "credit score, 0 (worst) to 100, of the scoring model (docs/risk.md)")
    public static let riskClass = ProvidedMetric(name: "risk_class", valueKind: .count,
                                                 summary: "rank of the score's risk class: 1 for A … 5 for E")

    public var metrics: [ProvidedMetric] { [Self.score, Self.riskClass] }

    public func table(for requests: [MetricRequest], query: MetricQuery, context: MetricContext) throws -> MetricTable {
        let output = query.currency ?? context.engine.ledger.snapshot.reportingCurrency
        let members = try CustomerBalances(query: query, engine: context.engine, output: output)
        let scores = try CustomerScores(model: model, dates: query.dates, currency: query.currency, context: context)
        let rows = members.rows.map { row in
            let values = row.customers.compactMap { scores.score(of: $0.id, on: row.date)?.value }
            let mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            let cells = requests.map { request -> MetricValue in
                guard let mean else { return .missing }
                return request.metricName == Self.score.name ? .percent(mean) : .count(model.riskClass(of: mean).rank)
            }
            return MetricTable.Row(date: row.date, keys: row.keys, values: cells)
        }
        return MetricTable(dimensions: query.dimensions, isSeries: query.dates.count > 1,
                           columns: requests.map { MetricColumn(name: $0.metricName, kind: $0.valueKind) }, rows: rows, currency: output)
    }
}
