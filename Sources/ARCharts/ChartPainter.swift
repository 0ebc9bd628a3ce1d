/// Lays out a chart's frame (background, title, legend) and hands the plot area to the painter
/// of its kind. Shared by the single-chart renderer and the PDF page renderer.
enum ChartPainter {
    /// Space around the chart and between title, legend and plot.
    static let padding = 16.0

    /// Draws `chart` in `frame`. A panel of small multiples gets a smaller heading and no
    /// background of its own.
    static func paint(_ chart: Chart, on canvas: Canvas, in frame: Rect, asPanel: Bool = false) {
        let theme = chart.theme
        canvas.save()
        canvas.clip(frame)
        if !asPanel { canvas.fill(frame, theme.background) }
        let small = frame.width < 320 || frame.height < 200
        var area = frame.inset(by: asPanel ? 4 : small ? padding / 2 : padding)
        area = asPanel ? paintPanelHeader(chart, on: canvas, in: area) : paintHeader(chart, on: canvas, in: area)
        area = paintNotes(chart, on: canvas, in: area)

        if chart.isEmpty {
            paintNoData(on: canvas, in: area, theme: theme)
            canvas.restore()
            return
        }
        if chart.kind == .smallMultiples {
            SmallMultiplesPainter(chart: chart, canvas: canvas).paint(in: area)
            canvas.restore()
            return
        }
        var legend = Legend(chart: chart)
        area = legend.reserve(in: area, canvas: canvas)
        painter(for: chart, on: canvas).paint(in: area)
        legend.paint(on: canvas)
        canvas.restore()
    }

    private static func painter(for chart: Chart, on canvas: Canvas) -> any KindPainter {
        switch chart.kind {
        case .stackedBar, .groupedBar, .line, .area: CartesianPainter(chart: chart, canvas: canvas)
        case .horizontalBar, .horizontalStackedBar: HorizontalBarPainter(chart: chart, canvas: canvas)
        case .donut: DonutPainter(chart: chart, canvas: canvas)
        case .waterfall: WaterfallPainter(chart: chart, canvas: canvas)
        case .heatmap: HeatmapPainter(chart: chart, canvas: canvas)
        case .kpi: KPIPainter(chart: chart, canvas: canvas)
        case .table: TablePainter(chart: chart, canvas: canvas)
        case .smallMultiples: SmallMultiplesPainter(chart: chart, canvas: canvas)
        }
    }

    /// A panel's title (12 pt bold) and the space left below it.
    static func paintPanelHeader(_ chart: Chart, on canvas: Canvas, in area: Rect) -> Rect {
        guard let title = chart.title, !title.isEmpty else { return area }
        canvas.setFont(size: 12, bold: true)
        let (line, rest) = area.splitTop(18)
        canvas.text(canvas.truncated(title, maxWidth: line.width), x: line.x, y: line.midY, chart.theme.text)
        return rest.inset(top: 4)
    }

    /// The notes in small print at the bottom of `area`, one line each (cut with an ellipsis);
    /// returns the space left above them.
    static func paintNotes(_ chart: Chart, on canvas: Canvas, in area: Rect) -> Rect {
        guard !chart.notes.isEmpty else { return area }
        canvas.setFont(size: 10.5)
        let lineHeight = 15.0
        let (rest, strip) = area.splitBottom(Double(chart.notes.count) * lineHeight + 8)
        for (index, note) in chart.notes.enumerated() {
            canvas.text(canvas.truncated(note, maxWidth: strip.width), x: strip.x,
                        y: strip.y + 8 + (Double(index) + 0.5) * lineHeight, chart.theme.mutedText)
        }
        return rest
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
    func verticalLayout(in area: Rect, low: Double, high: Double, top: Double,
                        right: Double = 8) -> (ValueAxis, Rect, CategoryLabels) {
        canvas.setFont(size: 11)
        let first = ValueAxis(minimum: low, maximum: high, length: area.height - 40, format: chart.valueFormat)
        let wide = area.inset(top: top, left: first.labelWidth(canvas) + 10, right: right)
        let labels = CategoryLabels(chart: chart, canvas: canvas, plotWidth: wide.width)
        let axis = ValueAxis(minimum: low, maximum: high, length: wide.height - labels.height, format: chart.valueFormat)
        let plot = area.inset(top: top, left: axis.labelWidth(canvas) + 10, bottom: labels.height, right: right)
        return (axis, plot, labels)
    }

    /// The rows to name when rows are thinner than a line of text: every k-th from the first,
    /// the last of them moved to the last row ("Other" is the row a reader looks for there).
    func namedRows(count: Int, rowHeight: Double) -> Set<Int> {
        let every = max(1, Int((canvas.fontSize * 1.3 / max(rowHeight, 0.01)).rounded(.up)))
        var rows = Array(stride(from: 0, to: count, by: every))
        if let last = rows.last, last != count - 1 {
            if rows.count > 1 { rows.removeLast() }
            rows.append(count - 1)
        }
        return Set(rows)
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
