import ARCore
import ARQuery
import Foundation

extension ChartContext {
    /// The context of a query result: its as-of date, the snapshot that answered its last date
    /// and its perimeter, as the library's runner recorded them (``ResultContext``).
    public init(_ result: ResultContext, currency: Currency?, renderedAt: Date? = nil) {
        self.init(asOf: result.asOf, currency: currency,
                  perimeter: result.perimeter.isEverything ? nil : result.perimeter.description,
                  snapshotID: result.snapshots.last?.id, renderedAt: renderedAt)
    }
}

extension ChartContext {
    /// This context with its missing parts taken from `other`.
    func filling(from other: ChartContext) -> ChartContext {
        ChartContext(asOf: asOf ?? other.asOf, currency: currency ?? other.currency, perimeter: perimeter ?? other.perimeter,
                     snapshotID: snapshotID ?? other.snapshotID, renderedAt: renderedAt ?? other.renderedAt)
    }
}
