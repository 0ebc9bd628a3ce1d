import ARCharts
import ARCore
import ARQuery

/// Turns a query result into a chart that reads right without help: the kind asked for, or one
/// chosen from the result's shape (docs/charts.md, "The automatic choice"), a title that says
/// what it is of, and notes for whatever is not drawn.
public enum ChartBuilder {
    /// The chart of `result`.
    /// - Parameters:
    ///   - spec: the query's `| chart …` clause; `nil` or a `nil` kind chooses from the shape.
    ///   - title: a title given on the command line (the clause's title wins).
    ///   - context: the as-of date, currency, perimeter and snapshot, for the subtitle and metadata.
    public static func chart(for result: ResultSet, spec: ChartSpec?, title: String? = nil, theme: Theme = .light,
                             context: ChartContext = ChartContext()) -> Chart {
        let shape = ResultShape(result)
        let asked = spec?.kind.map(chartKind)
        var chart: Chart
        if shape.isForecast {
            chart = forecast(shape, kind: asked)
        } else if shape.isItems && asked == nil {
            chart = items(shape)
        } else {
            chart = build(asked ?? automaticKind(shape), shape)
        }
        chart.title = spec?.title ?? title ?? automaticTitle(shape)
        chart.subtitle = subtitle(shape, context: context, kind: chart.kind)
        chart.metadata = context.metadata()
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

    /// Vertical charts hold this many categories; more become the largest ones and "Other".
    static let maxColumns = 12
    /// Horizontal bar charts hold this many rows before the same.
    static let maxRows = 15

    /// The kind a result's shape calls for (docs/charts.md, "The automatic choice").
    static func automaticKind(_ shape: ResultShape) -> ChartKind {
        if shape.isSeries { return .line }
        if shape.rowCount == 1 && shape.keyColumns.isEmpty && shape.valueColumns.count <= 8 && !shape.looksLikeBuckets {
            return .kpi
        }
        let crowded = shape.rowCount > maxColumns
            || shape.result.rows.indices.contains { shape.label(ofRow: $0).count > 14 }
        if shape.looksLikeBuckets { return crowded ? .horizontalStackedBar : .stackedBar }
        return crowded ? .horizontalBar : .groupedBar
    }

    /// The chart of `kind`; bars, lines and areas of several units become one panel per unit.
    static func build(_ kind: ChartKind, _ shape: ResultShape) -> Chart {
        switch kind {
        case .kpi: return kpi(shape)
        case .waterfall: return waterfall(shape)
        case .heatmap: return heatmap(shape)
        case .table, .smallMultiples: return table(shape)
        case .donut: return donut(shape)
        case .stackedBar, .groupedBar, .horizontalBar, .horizontalStackedBar, .line, .area:
            let units = shape.unitGroups
            guard units.count > 1 else { return seriesChart(kind, shape) }
            return Chart.smallMultiples(panels: units.map { columns in
                var panel = seriesChart(kind, shape.keeping(columns))
                panel.title = columns.map { MetricNames.display(shape.name(ofColumn: $0)) }.joined(separator: ", ")
                return panel
            })
        }
    }

    static func valueFormat(_ shape: ResultShape) -> ValueFormat {
        guard let first = shape.valueColumns.first else { return .number(decimals: 0) }
        return format(shape.type(ofColumn: first), shape.result.currency)
    }

    static func format(_ type: ResultType, _ currency: Currency) -> ValueFormat {
        switch type {
        case .money: .money(currency: currency.code)
        case .ratio: .ratio
        case .days: .days
        case .percent: .percent
        case .points: .number(decimals: 1)
        case .count: .count
        case .string, .date: .number(decimals: 0)
        }
    }
}
