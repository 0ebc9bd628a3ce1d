/// Lines with their interval bands and dashed projections, and the overlay on the right axis.
extension CartesianPainter {
    /// Bands first (so no line hides under another series' band), then muted lines, then the
    /// coloured ones on top.
    func paintLines(_ axis: ValueAxis, plot: Rect) {
        let colors = chart.seriesColors
        for (index, series) in chart.series.enumerated() {
            if let band = series.band { paintBand(band, axis: axis, plot: plot, color: colors[index]) }
        }
        let order = chart.series.indices.filter { chart.series[$0].isMuted } + chart.series.indices.filter { !chart.series[$0].isMuted }
        for index in order {
            let series = chart.series[index]
            let points: [(Double, Double)?] = (0..<count).map { k in
                value(series.values, k).map { (slotCenter(k, plot), y($0, axis, plot)) }
            }
            paintLine(points, color: colors[index], width: series.isMuted ? 1.5 : 2.25,
                      dash: chart.dashPattern(ofSeries: index), projectedFrom: series.projectedFrom,
                      markers: showsMarkers(plot) && !series.isMuted)
        }
    }

    /// Markers while there are few points, far enough apart not to merge into a bead string.
    func showsMarkers(_ plot: Rect) -> Bool {
        count <= 24 && plot.width / Double(max(1, count)) >= 12
    }

    /// A line, dashed from `projectedFrom` on (joined to the last point before it), with
    /// markers; a lone point between gaps is always marked, or it would not show.
    func paintLine(_ points: [(Double, Double)?], color: Color, width: Double, dash: [Double],
                   projectedFrom: Int?, markers: Bool) {
        let split = min(max(projectedFrom ?? points.count, 0), points.count)
        canvas.polyline(Array(points[..<split]), color, width: width, dash: dash)
        if split < points.count {
            let start = max(0, split - 1)
            canvas.polyline(Array(points[start...]), color, width: width, dash: [5, 4])
        }
        for (index, point) in points.enumerated() {
            guard let (x, y) = point else { continue }
            let isolated = (index == 0 || points[index - 1] == nil) && (index == points.count - 1 || points[index + 1] == nil)
            if markers || isolated {
                canvas.fillCircle(x, y, radius: 3.5, theme.background)
                canvas.fillCircle(x, y, radius: 2.5, color)
            }
        }
    }

    /// The interval shaded between its bounds, one polygon per run of categories that have both.
    private func paintBand(_ band: SeriesBand, axis: ValueAxis, plot: Rect, color: Color) {
        var run: [(x: Double, low: Double, high: Double)] = []
        func flush() {
            if run.count == 1, let only = run.first {
                canvas.line(only.x, only.low, only.x, only.high, color.withAlpha(0.5), width: 4)
            } else if run.count > 1 {
                canvas.fillPolygon(run.map { ($0.x, $0.high) } + run.reversed().map { ($0.x, $0.low) }, color.withAlpha(0.16))
            }
            run = []
        }
        for k in 0..<count {
            guard let low = value(band.lower, k), let high = value(band.upper, k) else { flush(); continue }
            run.append((slotCenter(k, plot), y(low, axis, plot), y(high, axis, plot)))
        }
        flush()
    }

    func overlayValues(_ overlay: ChartOverlay) -> [Double] {
        overlay.series.flatMap { $0.values.prefix(count).compactMap { $0 }.filter(\.isFinite) }
    }

    /// The overlay's lines in the overlay colour, its ticks on the right edge (no grid: the
    /// grid belongs to the left axis) and its unit above them.
    func paintOverlay(_ overlay: ChartOverlay, axis: ValueAxis, plot: Rect, area: Rect) {
        canvas.setFont(size: 11)
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let y = axis.position(tick, from: plot.maxY, to: plot.y)
            canvas.line(plot.maxX, y, plot.maxX + 4, y, theme.axis)
            canvas.text(label, x: plot.maxX + 8, y: y, theme.mutedText)
        }
        if let unit = axis.unit { canvas.text(unit, x: area.maxX, y: area.y + 4, anchor: .trailing, theme.mutedText) }
        for (index, series) in overlay.series.enumerated() {
            let points: [(Double, Double)?] = (0..<count).map { k in
                value(series.values, k).map { (slotCenter(k, plot), axis.position($0, from: plot.maxY, to: plot.y)) }
            }
            paintLine(points, color: theme.overlayLine, width: 2, dash: index == 0 ? [] : [2, 3],
                      projectedFrom: series.projectedFrom, markers: showsMarkers(plot))
        }
    }
}
