/// Horizontal bars (ranked lists such as the top overdue customers): names on the left, cut
/// with an ellipsis, values at the bar ends for a single series, grouped bars for several.
struct HorizontalBarPainter: KindPainter {
    let chart: Chart
    let canvas: Canvas

    func paint(in area: Rect) {
        let count = chart.categories.count
        canvas.setFont(size: 11)
        let values = chart.series.flatMap { $0.values.prefix(count).compactMap { $0 }.filter(\.isFinite) }
        let (low, high) = ValueAxis.range(values, includeZero: true)
        let nameWidth = min(area.width * 0.3, chart.categories.map(canvas.width).max() ?? 0)
        let single = chart.series.count == 1
        let valueLabels = single ? chart.series[0].values.map { $0.map(chart.valueFormat.label) ?? "" } : []
        let labelRoom = (valueLabels.map(canvas.width).max() ?? 0) + (single ? 8 : 0)
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
        let band = min(slot * 0.72, 28 * Double(chart.series.count))
        let barHeight = band / Double(chart.series.count)
        let zero = axis.position(0, from: plot.x, to: plot.maxX)
        // When rows are thinner than a line of text, name every k-th row only.
        let nameEvery = max(1, Int((canvas.fontSize * 1.3 / slot).rounded(.up)))
        for index in 0..<count {
            let center = plot.y + (Double(index) + 0.5) * slot
            if index % nameEvery == 0 {
                let name = canvas.truncated(chart.categories[index], maxWidth: nameWidth)
                canvas.text(name, x: plot.x - 10, y: center, anchor: .trailing, theme.text)
            }
            for (seriesIndex, series) in chart.series.enumerated() {
                guard index < series.values.count, let v = series.values[index], v.isFinite else { continue }
                let x1 = axis.position(v, from: plot.x, to: plot.maxX)
                let top = center - band / 2 + Double(seriesIndex) * barHeight
                let inner = barHeight > 4 && !single ? barHeight - 1 : barHeight
                canvas.fill(Rect(x: min(zero, x1), y: top, width: abs(x1 - zero), height: inner), theme.seriesColor(seriesIndex))
                if single && slot >= canvas.fontSize {
                    let anchorX = v >= 0 ? x1 + 6 : x1 - 6
                    canvas.text(valueLabels[index], x: anchorX, y: center, anchor: v >= 0 ? .leading : .trailing, theme.text)
                }
            }
        }
        canvas.line(zero, plot.y, zero, plot.maxY, theme.axis)
    }
}
