/// Panels in a grid under one title: one per unit (money, ratios, days) or per group. A legend
/// that every panel shares is drawn once above the grid.
struct SmallMultiplesPainter: KindPainter {
    let chart: Chart
    let canvas: Canvas
    static let gap = 12.0

    func paint(in area: Rect) {
        let panels = chart.panels
        guard !panels.isEmpty else { return }
        var grid = area
        var legend: Legend?
        if sharesLegend {
            var keyed = panels[0]
            keyed.legend = .top
            keyed.theme = chart.theme
            legend = Legend(chart: keyed)
            grid = legend!.reserve(in: area, canvas: canvas)
        }
        let columns = Self.columns(count: panels.count, in: grid)
        let rows = (panels.count + columns - 1) / columns
        let width = (grid.width - Self.gap * Double(columns - 1)) / Double(columns)
        let height = (grid.height - Self.gap * Double(rows - 1)) / Double(rows)
        for (index, panel) in panels.enumerated() {
            var panel = panel
            panel.theme = chart.theme
            if legend != nil { panel.legend = .hidden }
            let frame = Rect(x: grid.x + Double(index % columns) * (width + Self.gap),
                             y: grid.y + Double(index / columns) * (height + Self.gap), width: width, height: height)
            ChartPainter.paint(panel, on: canvas, in: frame, asPanel: true)
        }
        legend?.paint(on: canvas)
    }

    /// True when several panels show the same several series (one line per entity in each).
    private var sharesLegend: Bool {
        let names = chart.panels[0].series.map(\.name)
        return chart.panels.count > 1 && names.count > 1
            && chart.panels.allSatisfy { $0.series.map(\.name) == names && $0.kind == chart.panels[0].kind }
    }

    /// The column count that makes panels largest at a square shape or wider (each panel needs
    /// height for its axis labels as much as width for its categories).
    static func columns(count: Int, in area: Rect) -> Int {
        (1...count).max { a, b in score(columns: a, count: count, area: area) < score(columns: b, count: count, area: area) } ?? 1
    }

    private static func score(columns: Int, count: Int, area: Rect) -> Double {
        let rows = (count + columns - 1) / columns
        let width = (area.width - gap * Double(columns - 1)) / Double(columns)
        let height = (area.height - gap * Double(rows - 1)) / Double(rows)
        return min(width, height)
    }
}
