/// Vertical bars (stacked or grouped), lines and stacked areas over a category axis, with an
/// optional overlay of lines against a second axis on the right.
struct CartesianPainter: KindPainter {
    let chart: Chart
    let canvas: Canvas
    var count: Int { chart.categories.count }

    func paint(in area: Rect) {
        let (low, high) = valueRange()
        canvas.setFont(size: 11)
        let right = chart.overlay.map { overlay in
            ValueAxis(values: overlayValues(overlay), length: area.height - 40, format: overlay.valueFormat).labelWidth(canvas) + 18
        } ?? 8
        let hasUnit = chart.valueFormat.axisUnit != nil || chart.overlay?.valueFormat.axisUnit != nil
        let (axis, plot, labels) = verticalLayout(in: area, low: low, high: high, top: hasUnit ? 20 : 6, right: right)
        guard plot.width > 4, plot.height > 4 else { return }
        paintValueGrid(axis, plot: plot, area: area)
        switch chart.kind {
        case .line: paintLines(axis, plot: plot)
        case .area: paintAreas(axis, plot: plot)
        default: paintBars(axis, plot: plot)
        }
        // The zero line when zero is on the axis, else the bottom edge.
        let baseline = axis.scale.lower <= 0 && axis.scale.upper >= 0 ? y(0, axis, plot) : plot.maxY
        canvas.line(plot.x, baseline, plot.maxX, baseline, theme.axis)
        if let overlay = chart.overlay {
            let axis = ValueAxis(values: overlayValues(overlay), length: plot.height, format: overlay.valueFormat)
            paintOverlay(overlay, axis: axis, plot: plot, area: area)
        }
        labels.paint(on: canvas, plot: plot, leftLimit: area.x, color: theme.mutedText)
    }

    /// Data range: per-category sums for stacks, all values (and bands) otherwise, widened to
    /// the chart's `valueRange` when it has one.
    private func valueRange() -> (Double, Double) {
        var values: [Double] = []
        if chart.kind == .stackedBar || chart.kind == .area {
            for index in 0..<count {
                var up = 0.0, down = 0.0
                for series in chart.series {
                    let v = value(series.values, index) ?? 0
                    if v >= 0 { up += v } else { down += v }
                }
                values += [up, down]
            }
        } else {
            for series in chart.series {
                values += series.values.prefix(count).compactMap { $0 }.filter(\.isFinite)
                if let band = series.band {
                    values += (band.lower + band.upper).prefix(2 * count).compactMap { $0 }.filter(\.isFinite)
                }
            }
        }
        if let fixed = chart.valueRange { values += [fixed.lowerBound, fixed.upperBound] }
        let zero = chart.kind != .line || chart.valueRange.map { $0.lowerBound == 0 } == true
        return ValueAxis.range(values, includeZero: zero)
    }

    func value(_ values: [Double?], _ index: Int) -> Double? {
        guard index < values.count, let v = values[index], v.isFinite else { return nil }
        return v
    }

    func y(_ value: Double, _ axis: ValueAxis, _ plot: Rect) -> Double {
        axis.position(value, from: plot.maxY, to: plot.y)
    }

    func slotCenter(_ index: Int, _ plot: Rect) -> Double {
        plot.x + (Double(index) + 0.5) * plot.width / Double(count)
    }

    private func paintBars(_ axis: ValueAxis, plot: Rect) {
        let slot = plot.width / Double(count)
        let stacked = chart.kind == .stackedBar || chart.series.count == 1
        // A lone bar across half the chart reads as a panel, not a bar: cap the width.
        let band = min(slot * (count > 24 ? 0.85 : 0.7), 72 * Double(stacked ? 1 : chart.series.count))
        let barWidth = stacked ? band : band / Double(chart.series.count)
        let zero = y(0, axis, plot)
        let colors = chart.seriesColors
        for index in 0..<count {
            let left = plot.x + Double(index) * slot + (slot - band) / 2
            var up = 0.0, down = 0.0
            for (seriesIndex, series) in chart.series.enumerated() {
                guard let v = value(series.values, index), v != 0 else { continue }
                if stacked {
                    let base = v >= 0 ? up : down
                    let y0 = y(base, axis, plot), y1 = y(base + v, axis, plot)
                    if v >= 0 { up += v } else { down += v }
                    canvas.fill(Rect(x: left, y: min(y0, y1), width: band, height: abs(y1 - y0)), colors[seriesIndex])
                } else {
                    let x = left + Double(seriesIndex) * barWidth
                    let y1 = y(v, axis, plot)
                    let inner = barWidth > 4 ? barWidth - 1 : barWidth
                    canvas.fill(Rect(x: x, y: min(zero, y1), width: inner, height: abs(y1 - zero)), colors[seriesIndex])
                }
            }
            // A hairline between stacked segments keeps neighbours apart without borders.
            if stacked && chart.series.count > 1 && band > 6 {
                var level = 0.0
                for series in chart.series.dropLast() {
                    guard let v = value(series.values, index), v > 0 else { continue }
                    level += v
                    let yy = y(level, axis, plot)
                    canvas.line(left, yy, left + band, yy, theme.background.withAlpha(0.8), width: 0.75)
                }
            }
        }
    }

    /// Stacked areas; a missing value counts as zero in the stack.
    private func paintAreas(_ axis: ValueAxis, plot: Rect) {
        var base = [Double](repeating: 0, count: count)
        let colors = chart.seriesColors
        for (seriesIndex, series) in chart.series.enumerated() {
            let top = (0..<count).map { base[$0] + (value(series.values, $0) ?? 0) }
            let upper = (0..<count).map { (slotCenter($0, plot), y(top[$0], axis, plot)) }
            let lower = (0..<count).reversed().map { (slotCenter($0, plot), y(base[$0], axis, plot)) }
            let color = colors[seriesIndex]
            if count == 1 {
                let x = slotCenter(0, plot), half = plot.width * 0.35
                canvas.fillPolygon([(x - half, upper[0].1), (x + half, upper[0].1), (x + half, lower[0].1), (x - half, lower[0].1)],
                                   color.withAlpha(0.85))
            } else {
                canvas.fillPolygon(upper + lower, color.withAlpha(0.8))
                canvas.polyline(upper, color, width: 1.5)
            }
            base = top
        }
    }
}
