/// A rows × columns matrix of coloured cells (rows are the series, columns the categories),
/// with values written in cells wide enough and a low-to-high key underneath.
struct HeatmapPainter: KindPainter {
    let chart: Chart
    let canvas: Canvas

    func paint(in area: Rect) {
        let rows = chart.series, columns = chart.categories
        canvas.setFont(size: 11)
        let values = rows.flatMap { $0.values.prefix(columns.count).compactMap { $0 }.filter(\.isFinite) }
        let (low, high, capped) = Self.colourRange(values)
        let rowNameWidth = min(area.width * 0.28, rows.map { canvas.width($0.name) }.max() ?? 0)
        let header = 22.0, keyHeight = 34.0
        let grid = area.inset(top: header, left: rowNameWidth + 10, bottom: keyHeight)
        guard grid.width > 4, grid.height > 4 else { return }
        let cellWidth = grid.width / Double(columns.count)
        let cellHeight = min(grid.height / Double(rows.count), 80)

        canvas.setFont(size: 11, bold: true)
        let columnLabels = chart.categoriesAreDates ? DateLabels.labels(for: columns) : columns
        let cellLabels = chart.valueFormat.compactLabels(values)
        var cellLabelIndex = 0
        for (index, name) in columnLabels.enumerated() {
            // "Oct 25" becomes "Oct" before it is cut.
            let monthOnly = chart.categoriesAreDates ? String(name.prefix { $0 != " " }) : name
            let text = canvas.fitting([name, monthOnly], maxWidth: cellWidth - 4)
            canvas.text(text, x: grid.x + (Double(index) + 0.5) * cellWidth, y: area.y + header / 2 - 2,
                        anchor: .center, theme.text)
        }
        canvas.setFont(size: 11)
        let named = namedRows(count: rows.count, rowHeight: cellHeight)
        for (rowIndex, row) in rows.enumerated() {
            let top = grid.y + Double(rowIndex) * cellHeight
            canvas.setFont(size: 11)
            if named.contains(rowIndex) {
                canvas.text(canvas.truncated(row.name, maxWidth: rowNameWidth), x: grid.x - 10, y: top + cellHeight / 2,
                            anchor: .trailing, theme.text)
            }
            for columnIndex in columns.indices {
                let cell = Rect(x: grid.x + Double(columnIndex) * cellWidth, y: top, width: cellWidth, height: cellHeight)
                let inner = cell.inset(by: 1)
                guard columnIndex < row.values.count, let v = row.values[columnIndex], v.isFinite else {
                    canvas.fill(inner, theme.panel)
                    continue
                }
                let color = v < low ? theme.belowZero : theme.heat(high > low ? (v - low) / (high - low) : 0)
                canvas.fill(inner, color)
                canvas.setFont(size: 10.5)
                let text = cellLabels[cellLabelIndex]
                cellLabelIndex += 1
                if canvas.width(text) <= inner.width - 6 && inner.height >= 14 {
                    let ink = color.luminance > 0.5 ? Color(hex: 0x1F2328) : Color(hex: 0xFFFFFF)
                    canvas.text(text, x: cell.midX, y: cell.midY, anchor: .center, ink)
                }
            }
        }
        paintKey(low: low, high: high, capped: capped, at: Rect(x: grid.x, y: grid.y + cellHeight * Double(rows.count) + 12,
                                               width: min(220, grid.width), height: 10))
    }

    /// The values the colour ramp spans: from zero to the highest, or, when a few cells dwarf
    /// the rest (the top one over 4× the 90th percentile, as a "(none)" group and "Other" do), to the 90th
    /// percentile, the cells above it taking the darkest colour (`capped`). Negative cells (credits)
    /// are drawn apart in `belowZero` rather than stretching the ramp; with no positive value the
    /// ramp runs from the lowest.
    static func colourRange(_ values: [Double]) -> (low: Double, high: Double, capped: Bool) {
        let high = values.max() ?? 1
        let low = high > 0 ? 0 : min(0, values.min() ?? 0)
        guard values.count >= 12 else { return (low, high, false) }
        let sorted = values.sorted()
        let percentile = sorted[Int((Double(sorted.count - 1) * 0.9).rounded(.down))]
        guard percentile > low, high - low > 4 * (percentile - low) else { return (low, high, false) }
        return (low, percentile, true)
    }

    /// A gradient bar from the lowest to the highest value, labelled at both ends ("≥" when the
    /// ramp is capped below the highest value).
    private func paintKey(low: Double, high: Double, capped: Bool, at bar: Rect) {
        let steps = 44
        for index in 0..<steps {
            let t = Double(index) / Double(steps - 1)
            canvas.fill(Rect(x: bar.x + bar.width * Double(index) / Double(steps), y: bar.y,
                             width: bar.width / Double(steps) + 0.5, height: bar.height), theme.heat(t))
        }
        canvas.setFont(size: 10)
        canvas.text(chart.valueFormat.label(low), x: bar.x, y: bar.maxY + 10, theme.mutedText)
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }
        if values.contains(where: { $0 < low }) {
            let swatch = Rect(x: bar.maxX + 16, y: bar.y, width: 14, height: bar.height)
            canvas.fill(swatch, theme.belowZero)
            canvas.text("below \(chart.valueFormat.label(low))", x: swatch.maxX + 6, y: bar.midY, theme.mutedText)
        }
        canvas.text((capped ? "≥ " : "") + chart.valueFormat.label(high), x: bar.maxX, y: bar.maxY + 10, anchor: .trailing,
                    theme.mutedText)
    }
}
