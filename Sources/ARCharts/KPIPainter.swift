/// KPI tiles in a grid: label, headline value, change against the previous period and a
/// sparkline of recent history.
struct KPIPainter: KindPainter {
    let chart: Chart
    let canvas: Canvas

    func paint(in area: Rect) {
        let tiles = chart.tiles
        let gap = 12.0
        // The grid whose tiles come out largest at a landscape shape (about 1.4 : 1).
        let columns = (1...tiles.count).max { a, b in
            KPIPainter.tileScore(columns: a, count: tiles.count, area: area, gap: gap)
                < KPIPainter.tileScore(columns: b, count: tiles.count, area: area, gap: gap)
        } ?? 1
        let rows = (tiles.count + columns - 1) / columns
        let width = (area.width - gap * Double(columns - 1)) / Double(columns)
        let height = min(max(150, width * 1.1), (area.height - gap * Double(rows - 1)) / Double(rows))
        for (index, tile) in tiles.enumerated() {
            let frame = Rect(x: area.x + Double(index % columns) * (width + gap),
                             y: area.y + Double(index / columns) * (height + gap), width: width, height: height)
            paintTile(tile, in: frame)
        }
    }

    static func tileScore(columns: Int, count: Int, area: Rect, gap: Double) -> Double {
        let rows = (count + columns - 1) / columns
        let width = (area.width - gap * Double(columns - 1)) / Double(columns)
        let height = (area.height - gap * Double(rows - 1)) / Double(rows)
        return min(width, height * 1.4)
    }

    private func paintTile(_ tile: KPITile, in frame: Rect) {
        canvas.fillRounded(frame, radius: 8, theme.panel, stroke: theme.panelBorder)
        let inner = frame.inset(top: 12, left: 14, bottom: 12, right: 14)
        canvas.setFont(size: 11)
        canvas.text(canvas.truncated(tile.label.uppercased(), maxWidth: inner.width), x: inner.x, y: inner.y + 5, theme.mutedText)

        let valueText = tile.value.map(tile.format.label) ?? "–"
        let fullSize = min(28, max(14, inner.height * 0.2))
        var size = fullSize
        canvas.setFont(size: size, bold: true)
        while size > 12 && canvas.width(valueText) > inner.width {
            size -= 1
            canvas.setFont(size: size, bold: true)
        }
        let valueY = inner.y + 18 + fullSize * 0.6
        canvas.text(canvas.truncated(valueText, maxWidth: inner.width), x: inner.x, y: valueY, theme.text)

        let deltaY = valueY + fullSize * 0.5 + 12
        paintChange(tile, x: inner.x, y: deltaY, width: inner.width)
        var spark = Rect(x: inner.x, y: deltaY + 12, width: inner.width, height: inner.maxY - deltaY - 12)
        let ends = sparklineEnds(tile)
        if let ends, spark.height >= 40 {
            canvas.setFont(size: 9.5)
            canvas.text(ends.first, x: spark.x, y: spark.maxY - 4, theme.mutedText)
            canvas.text(ends.last, x: spark.maxX, y: spark.maxY - 4, anchor: .trailing, theme.mutedText)
            spark = spark.inset(bottom: 16)
        }
        paintSparkline(tile.sparkline, in: spark)
    }

    /// "▲ 3.4 pts vs Sep 26": arrow and size of the change, coloured by whether it is good news.
    private func paintChange(_ tile: KPITile, x: Double, y: Double, width: Double) {
        guard let change = tile.change, let label = tile.changeLabel else { return }
        let good: Bool? = switch tile.direction {
        case .higherIsBetter: change > 0
        case .lowerIsBetter: change < 0
        case .neutral: nil
        }
        let arrow = change > 0 ? "▲" : change < 0 ? "▼" : "●"
        let text = arrow + " " + label
        canvas.setFont(size: 11, bold: true)
        let color = change == 0 || good == nil ? theme.mutedText : good == true ? theme.positive : theme.negative
        canvas.text(text, x: x, y: y, color)
        let textWidth = canvas.width(text)
        canvas.setFont(size: 11)
        let since = sparklineEnds(tile)?.previous.map { "vs " + $0 } ?? "vs previous"
        canvas.text(canvas.truncated(since, maxWidth: width - textWidth - 20), x: x + textWidth + 14, y: y, theme.mutedText)
    }

    /// The first, previous and last sparkline dates as axis labels ("Oct 25", "Sep 26", "Oct 26").
    private func sparklineEnds(_ tile: KPITile) -> (first: String, previous: String?, last: String)? {
        let dates = tile.sparklineDates
        guard dates.count >= 2, dates.count == tile.sparkline.count else { return nil }
        let labels = DateLabels.labels(for: dates)
        return (labels[0], labels[labels.count - 2], labels[labels.count - 1])
    }

    private func paintSparkline(_ values: [Double?], in rect: Rect) {
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        guard values.count >= 2, finite.count >= 2, rect.height >= 8,
              let low = finite.min(), let high = finite.max() else { return }
        let span = high > low ? high - low : 1
        let points: [(Double, Double)?] = values.enumerated().map { index, value in
            guard let value, value.isFinite else { return nil }
            let x = rect.x + rect.width * Double(index) / Double(values.count - 1)
            return (x, rect.maxY - (value - low) / span * rect.height)
        }
        let color = theme.level
        let present = points.compactMap { $0 }
        if let first = present.first, let last = present.last {
            canvas.fillPolygon(present + [(last.0, rect.maxY), (first.0, rect.maxY)], color.withAlpha(0.12))
        }
        canvas.polyline(points, color, width: 1.75)
        if let last = present.last { canvas.fillCircle(last.0, last.1, radius: 2.5, color) }
    }
}
