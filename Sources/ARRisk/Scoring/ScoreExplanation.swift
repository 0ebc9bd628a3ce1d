import ARCore
import ARMetrics
import ARQuery

/// `arlens score --explain C0042`: each criterion's figure, band, points and weight, then the
/// score and its class.
public struct ScoreExplanation: Sendable {
    public let customer: String
    public let day: Day
    public let score: CustomerScores.Score?
    public let model: ScoringModel

    /// The explanation of `customer`'s score on `day` (the latest snapshot's as-of when `nil`).
    public init(customer: String, on day: Day? = nil, model: ScoringModel, runner: QueryRunner) throws {
        let context = runner.metricContext()
        guard context.engine.ledger.customers.ids.strings.contains(customer) else {
            throw ConfigError(file: model.file, line: 1, column: 1, "expected a customer id, found '\(customer)'",
                              help: "list the customers with: arlens query \"ar by customer\"")
        }
        let date = day ?? context.engine.ledger.snapshot.asOf
        self.customer = customer
        self.day = date
        self.model = model
        score = try CustomerScores(model: model, dates: [date], currency: nil, context: context).score(of: customer, on: date)
    }

    /// A table of the criteria, then `score 71.5 → class B`.
    public var text: String {
        var lines = ["score of customer '\(customer)' as of \(day.iso) (model \(model.file))", ""]
        let header = ["criterion", "figure", "band", "points", "weight"]
        var rows: [[String]] = []
        for line in score?.lines ?? [] {
            let figure: String
            switch line.criterion.figure {
            case let .metric(text, _): figure = "\(text) = " + (line.figure.map(Self.number) ?? "none")
            case let .attribute(name): figure = "\(name) = " + (line.text.map { "'\($0)'" } ?? "none")
            }
            let band = line.band?.label ?? (line.text != nil && line.points != nil ? "value" : line.points != nil ? "missing" : "left out")
            rows.append([line.criterion.name, figure, band, line.points.map(Self.number) ?? "-", Self.number(line.criterion.weight)])
        }
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max()! }
        for row in [header] + rows {
            lines.append(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingSuffix())
        }
        lines.append("")
        if let score {
            lines.append("score \(Self.number(score.value)) → class \(score.className) (Σ weight × points / Σ weight)")
        } else {
            lines.append("no score: no criterion gave points (give them 'missing' points in the model)")
        }
        return lines.joined(separator: "\n")
    }

    static func number(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }
}

extension String {
    func trimmingSuffix() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
