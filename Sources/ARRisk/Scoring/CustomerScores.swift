import ARCore
import ARMetrics
import ARQuery

/// The scores of a model's customers at some dates: each criterion's figure per customer from one
/// metric run (all dates at once), then bands, points and the weighted mean per customer.
public struct CustomerScores {
    /// One criterion of one customer's score.
    public struct Line: Sendable {
        public var criterion: Criterion
        /// The figure as a number (money in major units); `nil` when the customer has none.
        public var figure: Double?
        /// The attribute's value, for an attribute criterion.
        public var text: String?
        public var band: Band?
        /// `nil`: no figure and no `missing` points, so the criterion is left out.
        public var points: Double?
    }

    /// A customer's score at a date.
    public struct Score: Sendable {
        public var value: Double
        public var className: String
        public var rank: Int
        public var lines: [Line]
    }

    public let model: ScoringModel
    private var figures: [[Day: [String: MetricValue]]] = []
    private var minorPerMajor: Int64 = 100
    private let attributes: [String: [String: String]]

    /// Reads every criterion's figures at `dates` on the context's engine (in `currency`, else the
    /// reporting currency, for money figures).
    public init(model: ScoringModel, dates: [Day], currency: Currency?, context: MetricContext) throws {
        self.model = model
        let ledger = context.engine.ledger
        var attributes: [String: [String: String]] = [:]
        for criterion in model.criteria {
            switch criterion.figure {
            case let .metric(_, request):
                let table = try context.run(MetricQuery(metrics: [request], dimensions: [.customer], dates: dates, currency: currency))
                minorPerMajor = table.currency.minorUnitsPerMajor
                var byDay: [Day: [String: MetricValue]] = [:]
                for row in table.rows { if let id = row.keys[0] { byDay[row.date, default: [:]][id] = row.values[0] } }
                figures.append(byDay)
            case let .attribute(name):
                figures.append([:])
                guard let column = ledger.customers.extras.column(named: name) else { continue }
                var values: [String: String] = [:]
                for c in 0..<ledger.customers.count { if let v = column[c], !v.isEmpty { values[ledger.customers.ids[c]] = v } }
                attributes[name] = values
            }
        }
        self.attributes = attributes
    }

    /// The score of customer `id` on `day`; `nil` when no criterion gave points.
    public func score(of id: String, on day: Day) -> Score? {
        var lines: [Line] = []
        var weighted = 0.0, weights = 0.0
        for (k, criterion) in model.criteria.enumerated() {
            var line = Line(criterion: criterion)
            switch criterion.figure {
            case let .metric(_, request):
                line.figure = Self.number(figures[k][day]?[id] ?? Self.empty(request.valueKind), minorPerMajor: minorPerMajor)
                line.band = line.figure.flatMap(criterion.band(of:))
                line.points = line.band?.points ?? criterion.missingPoints
            case let .attribute(name):
                line.text = attributes[name]?[id]
                line.points = line.text.flatMap { criterion.values[$0] } ?? criterion.missingPoints
            }
            if let points = line.points {
                weighted += points * criterion.weight
                weights += criterion.weight
            }
            lines.append(line)
        }
        guard weights > 0 else { return nil }
        let value = weighted / weights
        let riskClass = model.riskClass(of: value)
        return Score(value: value, className: riskClass.name, rank: riskClass.rank, lines: lines)
    }

    /// A figure the metric run did not touch: zero money or count, else none (as the engine).
    static func empty(_ kind: MetricValueKind) -> MetricValue {
        kind == .money ? .money(0) : kind == .count ? .count(0) : .missing
    }

    /// The figure bands compare: money in major units, ratios as fractions, days, counts.
    static func number(_ value: MetricValue, minorPerMajor: Int64) -> Double? {
        switch value {
        case let .money(minor): Double(minor) / Double(minorPerMajor)
        case let .ratio(x), let .days(x), let .percent(x): x.isFinite ? x : nil
        case let .count(n): Double(n)
        case .missing: nil
        }
    }
}

extension CustomerScores.Line {
    init(criterion: Criterion) {
        self.init(criterion: criterion, figure: nil, text: nil, band: nil, points: nil)
    }
}
