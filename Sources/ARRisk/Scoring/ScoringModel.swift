import ARMetrics

/// A scoring model (docs/risk.md, "Scoring"): criteria, each a figure per customer mapped to
/// points by bands and weighted; the score is the weighted mean of the points (0–100), mapped to
/// a risk class by thresholds.
public struct ScoringModel: Sendable {
    /// The file it was read from, as given.
    public var file: String
    public var criteria: [Criterion]
    /// Best first; each class holds the scores at or above its minimum (and below the previous').
    public var classes: [RiskClass]

    /// The class of `score`: the first whose minimum it reaches, with its rank (1 for the best).
    public func riskClass(of score: Double) -> (name: String, rank: Int) {
        let index = classes.firstIndex { score >= $0.minimum } ?? classes.count - 1
        return (classes[index].name, index + 1)
    }
}

/// One criterion of a model.
public struct Criterion: Sendable {
    /// What the criterion reads per customer.
    public enum Figure: Sendable {
        /// An ARQL metric call (`days_late(period: 12 months)`) as written and as bound.
        case metric(text: String, request: MetricRequest)
        /// A column of the customers file (`rating`).
        case attribute(String)
    }

    public var name: String
    public var figure: Figure
    public var weight: Double
    /// Numeric bands, for a metric.
    public var bands: [Band]
    /// Points by value, for an attribute.
    public var values: [String: Double]
    /// Points when the customer has no figure; `nil` leaves the criterion out of its score.
    public var missingPoints: Double?

    /// The band holding `x`, if any.
    public func band(of x: Double) -> Band? { bands.first { $0.contains(x) } }
}

/// `from ≤ x < below`; an open end is unbounded.
public struct Band: Sendable, Equatable {
    public var from: Double?
    public var below: Double?
    public var points: Double
    /// The line of the band in the model file.
    public var line: Int

    public func contains(_ x: Double) -> Bool {
        (from.map { x >= $0 } ?? true) && (below.map { x < $0 } ?? true)
    }

    /// `[1, 10)`, `< 1`, `≥ 30`.
    public var label: String {
        switch (from, below) {
        case let (f?, b?): "[\(Self.text(f)), \(Self.text(b)))"
        case let (nil, b?): "< \(Self.text(b))"
        case let (f?, nil): "≥ \(Self.text(f))"
        case (nil, nil): "any"
        }
    }

    static func text(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}

/// A risk class and the lowest score it holds.
public struct RiskClass: Sendable, Equatable {
    public var name: String
    public var minimum: Double
}
