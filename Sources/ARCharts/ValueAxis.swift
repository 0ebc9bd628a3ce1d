import Foundation

/// A numeric axis: nice ticks over the data range, their labels, and value-to-position mapping.
struct ValueAxis {
    let scale: NiceScale
    let ticks: [Double]
    let labels: [String]
    /// Printed once beside the axis (the currency code).
    let unit: String?

    /// An axis over `minimum...maximum` for `length` points, about one tick per `spacing` points.
    init(minimum: Double, maximum: Double, length: Double, format: ValueFormat, spacing: Double = 48) {
        let target = max(2, min(10, Int(length / spacing) + 1))
        scale = NiceScale(minimum: minimum, maximum: maximum, targetTicks: target)
        ticks = scale.ticks
        labels = format.tickLabels(ticks, step: scale.step)
        unit = format.axisUnit
    }

    /// An axis over `values` and zero, for `length` points.
    init(values: [Double], length: Double, format: ValueFormat) {
        let (low, high) = ValueAxis.range(values, includeZero: true)
        self.init(minimum: low, maximum: high, length: length, format: format)
    }

    /// The widest tick label in the canvas's current font.
    func labelWidth(_ canvas: Canvas) -> Double { labels.map(canvas.width).max() ?? 0 }

    /// Maps `value` onto `start...end` (start is where `scale.lower` goes).
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        let span = scale.upper - scale.lower
        guard span > 0 else { return start }
        return start + (value - scale.lower) / span * (end - start)
    }

    /// The range of values to plot: min and max of `values`, with zero included for bars and
    /// areas (their length means something) and for lines close enough to zero.
    static func range(_ values: [Double], includeZero: Bool) -> (Double, Double) {
        guard var low = values.min(), var high = values.max() else { return (0, 1) }
        if includeZero || (low > 0 && low < high * 0.5) || (high < 0 && high > low * 0.5) {
            low = min(low, 0)
            high = max(high, 0)
        }
        return (low, high)
    }
}

/// The labels along a category axis: all of them when they fit, thinned (time axes) or slanted
/// and cut with an ellipsis (names) when they do not.
struct CategoryLabels {
    let texts: [String]
    let shown: [Int]
    let slanted: Bool
    /// Space needed below the plot.
    let height: Double

    static let angle = -Double.pi / 4
    static let maxSlantedWidth = 120.0

    init(chart: Chart, canvas: Canvas, plotWidth: Double) {
        let count = chart.categories.count
        let raw = chart.categoriesAreDates ? DateLabels.labels(for: chart.categories) : chart.categories
        let slot = plotWidth / Double(max(1, count))
        let widths = raw.map(canvas.width)
        let widest = widths.max() ?? 0
        if widest + 8 <= slot {
            (texts, shown, slanted, height) = (raw, Array(0..<count), false, 22)
        } else if chart.categoriesAreDates || slot < canvas.fontSize * 1.1 {
            let fit = Int(plotWidth / (min(widest, CategoryLabels.maxSlantedWidth) + 12))
            let cut = raw.map { canvas.truncated($0, maxWidth: max(slot * 3, CategoryLabels.maxSlantedWidth)) }
            (texts, shown, slanted, height) = (cut, DateLabels.shownIndices(count: count, fit: fit), false, 22)
        } else {
            let cut = raw.map { canvas.truncated($0, maxWidth: CategoryLabels.maxSlantedWidth) }
            let longest = cut.map(canvas.width).max() ?? 0
            let drop = longest * sin(-CategoryLabels.angle) + canvas.capHeight
            (texts, shown, slanted, height) = (cut, Array(0..<count), true, drop + 12)
        }
    }

    /// Draws the labels under `plot`, one per slot.
    func paint(on canvas: Canvas, plot: Rect, leftLimit: Double, color: Color) {
        let slot = plot.width / Double(max(1, texts.count))
        for index in shown {
            let x = plot.x + (Double(index) + 0.5) * slot
            if slanted {
                // A slanted label reaches left by width × cos 45°: cut it at the chart's edge.
                let room = (x + 3 - leftLimit) / cos(CategoryLabels.angle)
                let text = canvas.truncated(texts[index], maxWidth: room)
                canvas.rotatedText(text, x: x + 3, y: plot.maxY + 9, angle: CategoryLabels.angle, color)
            } else {
                // The last labels may not reach past the plot's right edge, where the chart is cut.
                let half = canvas.width(texts[index]) / 2
                canvas.text(texts[index], x: min(x, plot.maxX + 6 - half), y: plot.maxY + 12, anchor: .center, color)
            }
        }
    }
}
