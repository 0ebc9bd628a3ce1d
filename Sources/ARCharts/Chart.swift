/// A chart as data: what to draw, not how. Knows nothing of Cairo.
///
/// Series charts (bars, lines, areas, donut, heatmap) read `categories` and `series`; the
/// waterfall reads `steps`, the KPI board reads `tiles`, the table reads `table` and small
/// multiples read `panels`. Build them with the initialiser or with the factory methods
/// (`Chart.waterfall(steps:)`, `Chart.smallMultiples(panels:)`, …).
public struct Chart: Sendable, Equatable {
    /// How the data is drawn.
    public var kind: ChartKind
    /// The heading above the chart.
    public var title: String?
    /// A smaller line under the title (period, filter, currency).
    public var subtitle: String?
    /// Labels along the category axis, one per value of each series.
    public var categories: [String]
    /// When true, `categories` are ISO `YYYY-MM-DD` days and the axis is a time axis
    /// (labels like "Oct 25", thinned when crowded).
    public var categoriesAreDates: Bool
    /// The plotted series; `nil` values are gaps.
    public var series: [Series]
    /// How values are written on axes, labels and tiles.
    public var valueFormat: ValueFormat
    /// Where the legend goes.
    public var legend: LegendPlacement
    /// Light or dark colours.
    public var theme: Theme
    /// Waterfall steps (only for `.waterfall`).
    public var steps: [WaterfallStep]
    /// KPI tiles (only for `.kpi`).
    public var tiles: [KPITile]
    /// Table content (only for `.table`).
    public var table: TableContent?
    /// Whether a rise is good news: colours waterfall movements (good: bluish green, bad:
    /// vermillion). An AR bridge passes false: sales raise AR, collections bring it down.
    public var increaseIsGood: Bool
    /// Lines drawn over bars against a second value axis on the right (a cumulative total).
    public var overlay: ChartOverlay?
    /// A value range the axis must cover whatever the data (panels of small multiples share one).
    public var valueRange: ClosedRange<Double>?
    /// Small print under the plot: what is not drawn and why, how the chart was chosen.
    public var notes: [String]
    /// What the file says it is: SVG `<title>`/`<desc>`, PDF title, subject and dates.
    public var metadata: ChartMetadata
    /// The charts of a `.smallMultiples` chart, drawn in a grid under one title.
    public var panels: [Chart]

    /// Creates a series chart: bars, lines, areas, donut or heatmap.
    public init(
        kind: ChartKind, title: String? = nil, subtitle: String? = nil,
        categories: [String], categoriesAreDates: Bool = false, series: [Series],
        valueFormat: ValueFormat = .number(decimals: 0), legend: LegendPlacement = .automatic,
        theme: Theme = .light
    ) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.categories = categories
        self.categoriesAreDates = categoriesAreDates
        self.series = series
        self.valueFormat = valueFormat
        self.legend = legend
        self.theme = theme
        self.steps = []
        self.tiles = []
        self.table = nil
        self.increaseIsGood = true
        self.overlay = nil
        self.valueRange = nil
        self.notes = []
        self.metadata = ChartMetadata()
        self.panels = []
    }

    /// A waterfall bridge, e.g. opening AR + sales − collections − credit notes − write-offs = closing AR.
    public static func waterfall(
        title: String? = nil, subtitle: String? = nil, steps: [WaterfallStep],
        valueFormat: ValueFormat = .number(decimals: 0), increaseIsGood: Bool = true, theme: Theme = .light
    ) -> Chart {
        var chart = Chart(kind: .waterfall, title: title, subtitle: subtitle, categories: steps.map(\.label),
                          series: [], valueFormat: valueFormat, legend: .hidden, theme: theme)
        chart.steps = steps
        chart.increaseIsGood = increaseIsGood
        return chart
    }

    /// A board of KPI tiles; each tile carries its own format.
    public static func kpi(title: String? = nil, subtitle: String? = nil, tiles: [KPITile], theme: Theme = .light) -> Chart {
        var chart = Chart(kind: .kpi, title: title, subtitle: subtitle, categories: [], series: [],
                          legend: .hidden, theme: theme)
        chart.tiles = tiles
        return chart
    }

    /// A rows × columns matrix drawn as coloured cells, e.g. aging bucket × customer group.
    /// `values[r][c]` is the cell of row `r` and column `c`; `columnsAreDates` labels ISO-day
    /// columns as months ("Oct 25").
    public static func heatmap(
        title: String? = nil, subtitle: String? = nil, rows: [String], columns: [String], columnsAreDates: Bool = false,
        values: [[Double?]], valueFormat: ValueFormat = .number(decimals: 0), theme: Theme = .light
    ) -> Chart {
        let series = rows.enumerated().map { index, name in
            Series(name: name, values: index < values.count ? values[index] : [])
        }
        return Chart(kind: .heatmap, title: title, subtitle: subtitle, categories: columns,
                     categoriesAreDates: columnsAreDates, series: series, valueFormat: valueFormat, legend: .hidden,
                     theme: theme)
    }

    /// A rendered table, for report packs.
    public static func table(
        title: String? = nil, subtitle: String? = nil, header: [String], rows: [[String]],
        alignments: [ColumnAlignment]? = nil, theme: Theme = .light
    ) -> Chart {
        var chart = Chart(kind: .table, title: title, subtitle: subtitle, categories: [], series: [],
                          legend: .hidden, theme: theme)
        chart.table = TableContent(header: header, rows: rows, alignments: alignments)
        return chart
    }

    /// Several charts in a grid under one title, e.g. one panel per unit (money, ratios, days)
    /// or per group. Panels keep their own titles; a legend common to all is drawn once.
    public static func smallMultiples(title: String? = nil, subtitle: String? = nil, panels: [Chart],
                                      theme: Theme = .light) -> Chart {
        var chart = Chart(kind: .smallMultiples, title: title, subtitle: subtitle, categories: [], series: [],
                          theme: theme)
        chart.panels = panels.map { panel in
            var panel = panel
            panel.theme = theme
            return panel
        }
        return chart
    }

    /// True when there is nothing to plot; such a chart renders as a "No data" panel.
    public var isEmpty: Bool {
        switch kind {
        case .smallMultiples: return panels.allSatisfy(\.isEmpty)
        case .waterfall: return steps.isEmpty
        case .kpi: return tiles.isEmpty
        case .table: return table.map { $0.header.isEmpty && $0.rows.isEmpty } ?? true
        default:
            return categories.isEmpty || !series.contains { $0.values.contains { $0?.isFinite == true } }
        }
    }
}

/// The kinds of chart ARCharts draws.
public enum ChartKind: String, Sendable, CaseIterable, Equatable {
    case stackedBar, groupedBar, horizontalBar, horizontalStackedBar, line, area, donut, waterfall, heatmap, kpi, table
    case smallMultiples
}
