import ARCharts
import ARCore
import ARQuery

extension ChartBuilder {
    /// What the chart is of: "Aging by customer group", "Overdue rate by entity",
    /// "Expected collections, weekly by entity", "Largest open items".
    static func automaticTitle(_ shape: ResultShape) -> String? {
        let by = shape.keyColumns.isEmpty ? ""
            : " by " + shape.keyColumns.map { MetricNames.dimension(shape.name(ofColumn: $0)) }.joined(separator: ", ")
        if shape.isForecast {
            return "Expected collections, " + (shape.name(ofColumn: 0) == "week" ? "weekly" : "monthly") + by
        }
        if shape.isItems { return "Largest open items" }
        let names = shape.valueColumns.map { MetricNames.display(shape.name(ofColumn: $0)) }
        guard !names.isEmpty else { return nil }
        let what = shape.looksLikeBuckets ? "Aging" : names.joined(separator: ", ")
        return what + by + (shape.isProjection ? ", projected" : "")
    }

    /// The as-of date (or the series' span), the currency of the figures and the perimeter:
    /// "as of 2026-10-31 · EUR · entity FR01".
    /// KPI tiles are of their last date: their history is the sparkline.
    static func subtitle(_ shape: ResultShape, context: ChartContext, kind: ChartKind) -> String? {
        var parts: [String] = []
        let dates = shape.dates
        if kind == .kpi, let asOf = context.asOf ?? dates.last {
            parts.append("as of \(asOf.iso)")
        } else if let first = dates.first, let last = dates.last, first != last {
            parts.append("\(first.iso) to \(last.iso)")
        } else if let asOf = context.asOf ?? dates.first {
            parts.append("as of \(asOf.iso)")
        }
        let money = shape.isForecast || shape.valueColumns.contains { shape.type(ofColumn: $0) == .money }
        if money { parts.append(shape.result.currency.code) }
        if let perimeter = context.perimeter, !perimeter.isEmpty { parts.append(perimeter) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
