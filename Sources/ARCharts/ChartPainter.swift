/// Lays out a chart's frame (background, title, legend) and hands the plot area to the painter
/// of its kind. Shared by the single-chart renderer and the PDF page renderer.
enum ChartPainter {
    /// Space around the chart and between title, legend and plot.
    static let padding = 16.0

    static func paint(_ chart: Chart, on canvas: Canvas, in frame: Rect) {
        let theme = chart.theme
        canvas.save()
        canvas.clip(frame)
        canvas.fill(frame, theme.background)
        var area = frame.inset(by: frame.width < 320 || frame.height < 200 ? padding / 2 : padding)
        area = paintHeader(chart, on: canvas, in: area)

        if chart.isEmpty {
            paintNoData(on: canvas, in: area, theme: theme)
            canvas.restore()
            return
        }
        var legend = Legend(chart: chart)
        area = legend.reserve(in: area, canvas: canvas)
        switch chart.kind {
        case .stackedBar, .groupedBar, .line, .area:
            CartesianPainter(chart: chart, canvas: canvas).paint(in: area)
        case .horizontalBar:
            HorizontalBarPainter(chart: chart, canvas: canvas).paint(in: area)
        case .donut:
            DonutPainter(chart: chart, canvas: canvas).paint(in: area)
        case .waterfall:
            WaterfallPainter(chart: chart, canvas: canvas).paint(in: area)
        case .heatmap:
            HeatmapPainter(chart: chart, canvas: canvas).paint(in: area)
        case .kpi:
            KPIPainter(chart: chart, canvas: canvas).paint(in: area)
        case .table:
            TablePainter(chart: chart, canvas: canvas).paint(in: area)
        }
        legend.paint(on: canvas)
        canvas.restore()
    }

    /// Draws title and subtitle (truncated to the width) and returns the space left below.
    static func paintHeader(_ chart: Chart, on canvas: Canvas, in area: Rect) -> Rect {
        var rest = area
        if let title = chart.title, !title.isEmpty {
            canvas.setFont(size: 16, bold: true)
            let line: Rect
            (line, rest) = rest.splitTop(20)
            canvas.text(canvas.truncated(title, maxWidth: line.width), x: line.x, y: line.midY, chart.theme.text)
        }
        if let subtitle = chart.subtitle, !subtitle.isEmpty {
            canvas.setFont(size: 12)
            let line: Rect
            (line, rest) = rest.splitTop(18)
            canvas.text(canvas.truncated(subtitle, maxWidth: line.width), x: line.x, y: line.midY, chart.theme.mutedText)
        }
        if rest.height < area.height { rest = rest.inset(top: 10) }
        return rest
    }

    /// The panel shown for a chart with nothing to plot: a clear message, never a blank image.
    static func paintNoData(on canvas: Canvas, in area: Rect, theme: Theme) {
        canvas.fillRounded(area, radius: 6, theme.panel, stroke: theme.panelBorder)
        canvas.setFont(size: 15, bold: true)
        canvas.text("No data", x: area.midX, y: area.midY - 9, anchor: .center, theme.mutedText)
        canvas.setFont(size: 11)
        canvas.text(canvas.truncated("Nothing to plot for this selection", maxWidth: area.width - 16),
                    x: area.midX, y: area.midY + 11, anchor: .center, theme.mutedText)
    }
}

/// The painter of one chart kind: draws `chart` into the plot area it is given.
protocol KindPainter {
    var chart: Chart { get }
    var canvas: Canvas { get }
    func paint(in area: Rect)
}

extension KindPainter {
    var theme: Theme { chart.theme }

    /// Lays out a vertical value axis and category labels in `area` (two passes: the axis width
    /// depends on the plot height, which depends on the labels, whose room depends on the width).
    func verticalLayout(in area: Rect, low: Double, high: Double, top: Double) -> (ValueAxis, Rect, CategoryLabels) {
        canvas.setFont(size: 11)
        let first = ValueAxis(minimum: low, maximum: high, length: area.height - 40, format: chart.valueFormat)
        let wide = area.inset(top: top, left: first.labelWidth(canvas) + 10, right: 8)
        let labels = CategoryLabels(chart: chart, canvas: canvas, plotWidth: wide.width)
        let axis = ValueAxis(minimum: low, maximum: high, length: wide.height - labels.height, format: chart.valueFormat)
        let plot = area.inset(top: top, left: axis.labelWidth(canvas) + 10, bottom: labels.height, right: 8)
        return (axis, plot, labels)
    }

    /// Horizontal grid lines with their tick labels on the left, and the unit above the axis.
    func paintValueGrid(_ axis: ValueAxis, plot: Rect, area: Rect) {
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let y = axis.position(tick, from: plot.maxY, to: plot.y)
            canvas.line(plot.x, y, plot.maxX, y, theme.grid)
            canvas.text(label, x: plot.x - 8, y: y, anchor: .trailing, theme.mutedText)
        }
        if let unit = axis.unit { canvas.text(unit, x: area.x, y: area.y + 4, theme.mutedText) }
    }
}
