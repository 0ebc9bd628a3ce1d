import ARCharts
import ARCore
import Foundation

/// What a chart is of, beyond its result: the date the figures are as of, the reporting
/// currency, the perimeter, the snapshot and when it was drawn. Charts say it in their subtitle
/// ("as of 2026-10-31 · EUR · entity FR01") and in the file's metadata (SVG `<title>`/`<desc>`,
/// PDF title, subject, keywords and creation date).
///
/// ```swift
/// let context = ChartContext(asOf: ledger.snapshot.asOf, currency: ledger.snapshot.reportingCurrency,
///                            perimeter: "entity FR01", snapshotID: "2026-10-31-a1b2")
/// let png = try ChartOutput.render(outcome, format: .png, options: ChartOutputOptions(context: context))
/// ```
public struct ChartContext: Sendable, Equatable {
    /// The date the figures are as of. A result that carries its own single date (a metric
    /// table) wins over it.
    public var asOf: Day?
    /// The snapshot's reporting currency, written in the metadata. The subtitle names the
    /// currency of the figures, the result's, which differs only for a query `in USD`.
    public var currency: Currency?
    /// The part of the ledger the figures cover, as a reader says it ("entity FR01").
    public var perimeter: String?
    /// The snapshot the figures come from.
    public var snapshotID: String?
    /// When the chart was drawn: the PDF creation date. Nil uses the as-of date (midnight UTC),
    /// or the Unix epoch without one, so that golden files stay byte-identical.
    public var renderedAt: Date?

    public init(asOf: Day? = nil, currency: Currency? = nil, perimeter: String? = nil, snapshotID: String? = nil,
                renderedAt: Date? = nil) {
        self.asOf = asOf
        self.currency = currency
        self.perimeter = perimeter
        self.snapshotID = snapshotID
        self.renderedAt = renderedAt
    }

    /// The metadata of a chart drawn in this context.
    func metadata() -> ChartMetadata {
        var parts: [String] = []
        if let snapshotID { parts.append("snapshot \(snapshotID)") }
        if let asOf { parts.append("as of \(asOf.iso)") }
        if let currency { parts.append("reporting currency \(currency.code)") }
        if let perimeter { parts.append("perimeter \(perimeter)") }
        let keywords = ["ARLens"] + (snapshotID.map { ["snapshot \($0)"] } ?? [])
        return ChartMetadata(description: parts.isEmpty ? nil : "ARLens chart: " + parts.joined(separator: ", "),
                             keywords: keywords, creationDate: creationDate)
    }

    /// `renderedAt`, else the as-of date at midnight UTC, as ISO 8601; nil without either.
    var creationDate: String? {
        if let renderedAt {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: renderedAt)
        }
        return asOf.map { $0.iso + "T00:00:00Z" }
    }
}
