import Foundation

/// A donut of the first series' positive values, with the total in the hole and a key on the
/// right giving each slice's value and share. Beyond seven slices the smallest become "Other".
struct DonutPainter: KindPainter {
    let chart: Chart
    let canvas: Canvas
    static let maxSlices = 8

    /// (label, value) of each slice, largest first, with small ones folded into "Other".
    func slices() -> [(String, Double)] {
        let values = chart.series.first?.values ?? []
        var slices: [(String, Double)] = []
        for (index, name) in chart.categories.enumerated() where index < values.count {
            if let v = values[index], v.isFinite, v > 0 { slices.append((name, v)) }
        }
        slices.sort { $0.1 > $1.1 }
        if slices.count > DonutPainter.maxSlices {
            let rest = slices[(DonutPainter.maxSlices - 1)...].reduce(0) { $0 + $1.1 }
            slices = Array(slices.prefix(DonutPainter.maxSlices - 1)) + [("Other", rest)]
        }
        return slices
    }

    func paint(in area: Rect) {
        let slices = slices()
        let total = slices.reduce(0) { $0 + $1.1 }
        guard total > 0 else {
            ChartPainter.paintNoData(on: canvas, in: area, theme: theme)
            return
        }
        // In a narrow frame the names matter more than the values: drop the value column first.
        var key = Key(slices: slices, total: total, format: chart.valueFormat, canvas: canvas, maxWidth: area.width * 0.55,
                      showValues: true)
        if key.truncatesNames {
            key = Key(slices: slices, total: total, format: chart.valueFormat, canvas: canvas, maxWidth: area.width * 0.55,
                      showValues: false)
        }
        // Donut and key form one group, centred in the area.
        let diameter = max(20, min(area.height - 8, area.width - key.width - 40))
        let groupWidth = diameter + 40 + key.width
        let left = area.x + max(0, (area.width - groupWidth) / 2)
        let radius = diameter / 2
        let cx = left + radius, cy = area.midY
        var angle = -Double.pi / 2
        for (index, slice) in slices.enumerated() {
            let sweep = slice.1 / total * 2 * Double.pi
            canvas.fillRingSegment(cx: cx, cy: cy, outer: radius, inner: radius * 0.6,
                                   start: angle, end: angle + sweep, theme.seriesColor(index))
            // A thin gap in the background colour separates neighbouring slices.
            if slices.count > 1 {
                canvas.line(cx + cos(angle) * radius * 0.6, cy + sin(angle) * radius * 0.6,
                            cx + cos(angle) * radius, cy + sin(angle) * radius, theme.background, width: 1.5)
            }
            angle += sweep
        }
        canvas.setFont(size: max(11, min(20, radius * 0.2)), bold: true)
        let totalText = canvas.fitting([chart.valueFormat.label(total), chart.valueFormat.compactLabel(total)],
                                       maxWidth: radius * 1.1)
        canvas.text(totalText, x: cx, y: cy - 2, anchor: .center, theme.text)
        canvas.setFont(size: 11)
        // Negative parts have no slice: the figure in the hole is then not the series' total.
        let hasNegative = chart.series.first?.values.contains { ($0 ?? 0) < 0 } == true
        canvas.text(hasNegative ? "Positive parts" : "Total", x: cx, y: cy + canvas.fontSize + 6, anchor: .center, theme.mutedText)
        key.paint(on: canvas, x: cx + radius + 40, midY: area.midY, maxHeight: area.height, theme: theme)
    }

    /// The slice key: swatch, name, value and share in aligned columns.
    struct Key {
        var rows: [(name: String, value: String, share: String)]
        var nameWidth: Double
        var valueWidth: Double
        var shareWidth: Double
        var truncatesNames: Bool
        var width: Double { 16 + nameWidth + 16 + valueWidth + 12 + shareWidth }

        init(slices: [(String, Double)], total: Double, format: ValueFormat, canvas: Canvas, maxWidth: Double,
             showValues: Bool) {
            canvas.setFont(size: 11)
            let values = slices.map { showValues ? format.label($0.1) : "" }
            let shares = slices.map { NumberText.grouped($0.1 / total * 100, decimals: 1) + "%" }
            valueWidth = values.map(canvas.width).max() ?? 0
            shareWidth = shares.map(canvas.width).max() ?? 0
            let room = max(40, maxWidth - (16 + 16 + valueWidth + 12 + shareWidth))
            let widestName = slices.map { canvas.width($0.0) }.max() ?? 0
            nameWidth = min(room, widestName)
            truncatesNames = widestName > room
            let names = slices.map { [nameWidth] in canvas.truncated($0.0, maxWidth: nameWidth) }
            rows = (0..<slices.count).map { (names[$0], values[$0], shares[$0]) }
        }

        func paint(on canvas: Canvas, x: Double, midY: Double, maxHeight: Double, theme: Theme) {
            canvas.setFont(size: 11)
            let rowHeight = min(26.0, maxHeight / Double(rows.count))
            var y = midY - rowHeight * Double(rows.count - 1) / 2
            for (index, row) in rows.enumerated() {
                canvas.fillRounded(Rect(x: x, y: y - 5, width: 10, height: 10), radius: 2, theme.seriesColor(index))
                canvas.text(row.name, x: x + 16, y: y, theme.text)
                let valueRight = x + 16 + nameWidth + 16 + valueWidth
                canvas.text(row.value, x: valueRight, y: y, anchor: .trailing, theme.text)
                canvas.text(row.share, x: valueRight + 12 + shareWidth, y: y, anchor: .trailing, theme.mutedText)
                y += rowHeight
            }
        }
    }
}
