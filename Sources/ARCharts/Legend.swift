/// The series key. It reserves its own strip (top, bottom or right) before the plot is laid
/// out, so it can never cover data.
struct Legend {
    struct Entry {
        var name: String
        var color: Color
        /// A line swatch (lines, overlays) rather than a square (bars, areas).
        var isLine: Bool
    }

    let placement: LegendPlacement
    let entries: [Entry]
    let theme: Theme
    private var strip = Rect(x: 0, y: 0, width: 0, height: 0)
    private var rows: [[(entry: Entry, text: String, width: Double)]] = []

    static let rowHeight = 18.0
    static let swatch = 10.0
    static let gap = 18.0

    init(chart: Chart) {
        theme = chart.theme
        let named = Legend.entries(of: chart)
        switch (chart.kind, chart.legend) {
        case (.waterfall, _), (.heatmap, _), (.kpi, _), (.table, _), (.donut, _), (.smallMultiples, _), (_, .hidden):
            // Donut slices are labelled by the donut painter's own key.
            placement = .hidden
        case (_, .automatic):
            placement = named.count > 1 ? .top : .hidden
        case (_, let chosen):
            placement = chosen
        }
        entries = placement == .hidden ? [] : named
    }

    /// One entry per coloured series, then the muted ones (one "n others" entry when there are
    /// several), then the overlay's lines.
    static func entries(of chart: Chart) -> [Entry] {
        let isLine = chart.kind == .line
        let colors = chart.seriesColors
        var entries = chart.series.indices.filter { !chart.series[$0].isMuted }.map {
            Entry(name: chart.series[$0].name, color: colors[$0], isLine: isLine)
        }
        let muted = chart.series.filter(\.isMuted)
        if let only = muted.first, muted.count == 1 {
            entries.append(Entry(name: only.name, color: chart.theme.mutedSeries, isLine: isLine))
        } else if muted.count > 1 {
            entries.append(Entry(name: "\(muted.count) others", color: chart.theme.mutedSeries, isLine: isLine))
        }
        for series in chart.overlay?.series ?? [] {
            entries.append(Entry(name: series.name, color: chart.theme.overlayLine, isLine: true))
        }
        return entries
    }

    /// Lays the entries out and returns the area left for the plot.
    mutating func reserve(in area: Rect, canvas: Canvas) -> Rect {
        guard !entries.isEmpty else { return area }
        canvas.setFont(size: 11)
        if placement == .right {
            let maxText = min(area.width * 0.3, entries.map { canvas.width($0.name) }.max() ?? 0)
            let width = Legend.swatch + 6 + maxText + 12
            rows = entries.map { [($0, canvas.truncated($0.name, maxWidth: maxText), maxText)] }
            let (rest, right) = area.splitRight(width)
            strip = right.inset(left: 12)
            return rest
        }
        rows = [[]]
        var x = 0.0
        let maxText = max(40, area.width - Legend.swatch - 6)
        for entry in entries {
            let text = canvas.truncated(entry.name, maxWidth: maxText)
            let width = Legend.swatch + 6 + canvas.width(text)
            if x > 0 && x + width > area.width { rows.append([]); x = 0 }
            rows[rows.count - 1].append((entry, text, width))
            x += width + Legend.gap
        }
        let height = Double(rows.count) * Legend.rowHeight + 8
        if placement == .bottom {
            let (rest, bottom) = area.splitBottom(height)
            strip = bottom.inset(top: 8)
            return rest
        }
        let (top, rest) = area.splitTop(height)
        strip = top.inset(bottom: 8)
        return rest
    }

    func paint(on canvas: Canvas) {
        guard !rows.isEmpty else { return }
        canvas.setFont(size: 11)
        for (rowIndex, row) in rows.enumerated() {
            let y = strip.y + (Double(rowIndex) + 0.5) * Legend.rowHeight
            var x = strip.x
            for item in row {
                if item.entry.isLine {
                    canvas.line(x, y, x + Legend.swatch + 2, y, item.entry.color, width: 2.5)
                } else {
                    canvas.fillRounded(Rect(x: x, y: y - Legend.swatch / 2, width: Legend.swatch, height: Legend.swatch),
                                       radius: 2, item.entry.color)
                }
                canvas.text(item.text, x: x + Legend.swatch + 6, y: y, theme.text)
                x += item.width + Legend.gap
            }
        }
    }
}
