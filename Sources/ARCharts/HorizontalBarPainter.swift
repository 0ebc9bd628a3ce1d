/// Horizontal bars (ranked lists such as the top overdue customers): names on the left, cut
/// with an ellipsis, grouped or stacked bars, and the value (the stack's total) at the bar end
/// when there is one bar per row.
struct HorizontalBarPainter: KindPainter {
    let chart: Chart
    let canvas: Canvas
    private var stacked: Bool { chart.kind == .horizontalStackedBar || chart.series.count == 1 }
    private var count: Int { chart.categories.count }

    func paint(in area: Rect) {
        canvas.setFont(size: 11)
        let (low, high) = ValueAxis.range(rangeValues(), includeZero: true)
        let nameWidth = min(area.width * 0.3, chart.categories.map(canvas.width).max() ?? 0)
        let endLabels = stacked ? (0..<count).map { endLabel($0) } : []
        let labelRoom = (endLabels.map(canvas.width).max() ?? 0) + (stacked ? 8 : 0)
        let unitSpace = chart.valueFormat.axisUnit == nil ? 0.0 : 16.0
        let plot = area.inset(top: unitSpace, left: nameWidth + 10, bottom: 22, right: max(12, labelRoom))
        let axis = ValueAxis(minimum: low, maximum: high, length: plot.width, format: chart.valueFormat, spacing: 80)
        guard plot.width > 4, plot.height > 4, count > 0 else { return }

        for (tick, label) in zip(axis.ticks, axis.labels) {
            let x = axis.position(tick, from: plot.x, to: plot.maxX)
            canvas.line(x, plot.y, x, plot.maxY, theme.grid)
            canvas.text(label, x: x, y: plot.maxY + 12, anchor: .center, theme.mutedText)
        }
        if let unit = axis.unit { canvas.text(unit, x: plot.x, y: area.y + 4, anchor: .center, theme.mutedText) }

        let slot = plot.height / Double(count)
        let band = min(slot * 0.72, 28 * Double(stacked ? 1 : chart.series.count))
        let named = namedRows(count: count, rowHeight: slot)
        for index in 0..<count {
            let center = plot.y + (Double(index) + 0.5) * slot
            if named.contains(index) {
                let name = canvas.truncated(chart.categories[index], maxWidth: nameWidth)
                canvas.text(name, x: plot.x - 10, y: center, anchor: .trailing, theme.text)
            }
            let (left, right) = paintRow(index, top: center - band / 2, band: band, axis: axis, plot: plot)
            if stacked && slot >= canvas.fontSize, !endLabels[index].isEmpty {
                let atRight = right > axis.position(0, from: plot.x, to: plot.maxX) || left == right
                canvas.text(endLabels[index], x: atRight ? right + 6 : left - 6, y: center,
                            anchor: atRight ? .leading : .trailing, theme.text)
            }
        }
        let zero = axis.position(0, from: plot.x, to: plot.maxX)
        canvas.line(zero, plot.y, zero, plot.maxY, theme.axis)
    }

    /// Draws row `index`'s bars and returns the left and right ends of what it drew.
    private func paintRow(_ index: Int, top: Double, band: Double, axis: ValueAxis, plot: Rect) -> (Double, Double) {
        let colors = chart.seriesColors
        let zero = axis.position(0, from: plot.x, to: plot.maxX)
        let barHeight = stacked ? band : band / Double(chart.series.count)
        var up = 0.0, down = 0.0
        var extent = (zero, zero)
        for (seriesIndex, series) in chart.series.enumerated() {
            guard let v = value(series, index), v != 0 else { continue }
            let base = stacked ? (v >= 0 ? up : down) : 0
            if v >= 0 { up += v } else { down += v }
            let x0 = axis.position(base, from: plot.x, to: plot.maxX), x1 = axis.position(base + v, from: plot.x, to: plot.maxX)
            let y = stacked ? top : top + Double(seriesIndex) * barHeight
            let inner = barHeight > 4 && !stacked ? barHeight - 1 : barHeight
            canvas.fill(Rect(x: min(x0, x1), y: y, width: abs(x1 - x0), height: inner), colors[seriesIndex])
            if stacked && chart.series.count > 1 && abs(x1 - x0) > 2 {
                canvas.line(x1, y, x1, y + inner, theme.background.withAlpha(0.8), width: 0.75)
            }
            extent = (min(extent.0, x0, x1), max(extent.1, x0, x1))
        }
        return extent
    }

    /// Values the axis must cover: each row's positive and negative stack, or every value.
    private func rangeValues() -> [Double] {
        guard stacked else { return chart.series.flatMap { $0.values.prefix(count).compactMap { $0 }.filter(\.isFinite) } }
        return (0..<count).flatMap { index -> [Double] in
            let values = chart.series.compactMap { value($0, index) }
            return [values.filter { $0 > 0 }.reduce(0, +), values.filter { $0 < 0 }.reduce(0, +)]
        }
    }

    /// The label at the end of a stacked row: its net total, empty when it has no value.
    private func endLabel(_ index: Int) -> String {
        let values = chart.series.compactMap { value($0, index) }
        return values.isEmpty ? "" : chart.valueFormat.label(values.reduce(0, +))
    }

    private func value(_ series: Series, _ index: Int) -> Double? {
        guard index < series.values.count, let v = series.values[index], v.isFinite else { return nil }
        return v
    }
}
