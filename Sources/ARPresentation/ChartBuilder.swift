import ARCharts
import ARCore
import ARQuery

/// Turns a query result into a chart: the kind asked for, or one chosen from the result's shape
/// (a series becomes a line, aging buckets a stacked bar, one row of figures KPI tiles).
public enum ChartBuilder {
    /// The chart of `result`.
    /// - Parameters:
    ///   - spec: the query's `| chart …` clause; `nil` or a `nil` kind chooses from the shape.
    ///   - title: a title given on the command line (the clause's title wins).
    public static func chart(for result: ResultSet, spec: ChartSpec?, title: String? = nil, theme: Theme = .light) -> Chart {
        let shape = ResultShape(result)
        let kind = spec?.kind.map(chartKind) ?? automaticKind(shape)
        var chart: Chart
        switch kind {
        case .kpi: chart = kpi(shape)
        case .waterfall: chart = waterfall(shape)
        case .heatmap: chart = heatmap(shape)
        case .table: chart = table(shape)
        case .donut: chart = donut(shape)
        default: chart = seriesChart(kind, shape)
        }
        chart.title = spec?.title ?? title
        chart.subtitle = subtitle(shape)
        chart.theme = theme
        return chart
    }

    static func chartKind(_ kind: ChartSpec.Kind) -> ChartKind {
        switch kind {
        case .bar, .groupedBar: .groupedBar
        case .stackedBar: .stackedBar
        case .horizontalBar: .horizontalBar
        case .line: .line
        case .area: .area
        case .donut, .pie: .donut
        case .waterfall: .waterfall
        case .heatmap: .heatmap
        case .kpi: .kpi
        case .table: .table
        }
    }

    static func automaticKind(_ shape: ResultShape) -> ChartKind {
        if shape.isSeries { return .line }
        if shape.looksLikeBuckets { return .stackedBar }
        if shape.result.rows.count == 1 && shape.keyColumns.isEmpty && shape.valueColumns.count <= 4 { return .kpi }
        return .groupedBar
    }

    static func valueFormat(_ shape: ResultShape) -> ValueFormat {
        guard let first = shape.valueColumns.first else { return .number(decimals: 0) }
        return switch shape.result.columns[first].type {
        case .money: .money(currency: shape.result.currency.code)
        case .ratio: .ratio
        case .days: .days
        case .percent: .percent
        case .points: .number(decimals: 1)
        case .count: .count
        case .string, .date: .number(decimals: 0)
        }
    }

    static func subtitle(_ shape: ResultShape) -> String? {
        let names = shape.valueColumns.map(shape.name(ofColumn:))
        guard !names.isEmpty else { return nil }
        let metrics = shape.looksLikeBuckets ? "aging" : names.prefix(4).joined(separator: ", ")
        let money = shape.valueColumns.contains { shape.result.columns[$0].type == .money }
        return metrics + (money ? " · \(shape.result.currency.code)" : "")
    }
}
