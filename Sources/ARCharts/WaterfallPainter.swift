/// A bridge from an opening level to a closing one: levels drawn from zero, movements floating
/// on the running total, dotted connectors between bars and a signed label on each.
struct WaterfallPainter: KindPainter {
    let chart: Chart
    let canvas: Canvas

    /// One bar: where it starts and ends on the value axis.
    struct Bar: Equatable {
        var from: Double
        var to: Double
        var kind: WaterfallStep.Kind
    }

    /// The bars of `steps`: levels from zero, movements from the running total.
    static func bars(_ steps: [WaterfallStep]) -> [Bar] {
        var running = 0.0
        return steps.map { step in
            let amount = step.value.flatMap { $0.isFinite ? $0 : nil }
            switch step.kind {
            case .start:
                running = amount ?? 0
                return Bar(from: 0, to: running, kind: .start)
            case .total:
                running = amount ?? running
                return Bar(from: 0, to: running, kind: .total)
            case .increase:
                let from = running
                running += abs(amount ?? 0)
                return Bar(from: from, to: running, kind: .increase)
            case .decrease:
                let from = running
                running -= abs(amount ?? 0)
                return Bar(from: from, to: running, kind: .decrease)
            }
        }
    }

    func paint(in area: Rect) {
        let bars = WaterfallPainter.bars(chart.steps)
        let (low, high) = ValueAxis.range(bars.flatMap { [$0.from, $0.to] }, includeZero: true)
        // Extra room on top for the label over the highest bar.
        let (axis, plot, labels) = verticalLayout(in: area, low: low, high: high,
                                                  top: chart.valueFormat.axisUnit == nil ? 16 : 24)
        guard plot.width > 4, plot.height > 4 else { return }
        let y = { (value: Double) in axis.position(value, from: plot.maxY, to: plot.y) }
        paintValueGrid(axis, plot: plot, area: area)

        let slot = plot.width / Double(bars.count)
        let band = min(slot * 0.64, 90)
        for (index, bar) in bars.enumerated() {
            let left = plot.x + Double(index) * slot + (slot - band) / 2
            let top = y(max(bar.from, bar.to)), bottom = y(min(bar.from, bar.to))
            canvas.fill(Rect(x: left, y: top, width: band, height: max(1, bottom - top)), color(bar.kind))
            if index + 1 < bars.count {
                let level = y(bar.to)
                canvas.line(left + band, level, left + slot, level, theme.axis, width: 0.75, dash: [2, 2])
            }
            paintLabel(bar, step: chart.steps[index], left: left, band: band, top: top, bottom: bottom, slot: slot)
        }
        canvas.line(plot.x, y(0), plot.maxX, y(0), theme.axis)
        labels.paint(on: canvas, plot: plot, leftLimit: area.x, color: theme.mutedText)
    }

    private func paintLabel(_ bar: Bar, step: WaterfallStep, left: Double, band: Double,
                            top: Double, bottom: Double, slot: Double) {
        let magnitude = abs(bar.to - bar.from)
        let value = bar.kind == .start || bar.kind == .total ? bar.to : magnitude
        let sign = bar.kind == .increase ? "+" : bar.kind == .decrease ? "−" : ""
        canvas.setFont(size: 10.5, bold: bar.kind == .start || bar.kind == .total)
        // Drop the currency code before cutting digits when the bar is narrow.
        let text = canvas.fitting([sign + chart.valueFormat.label(value), sign + chart.valueFormat.compactLabel(value)],
                                  maxWidth: slot - 2)
        // Above the bar, or below it for a bar that goes down from zero.
        let above = bar.kind == .decrease ? false : bar.to >= 0
        let labelY = above ? top - 9 : bottom + 9
        canvas.text(text, x: left + band / 2, y: labelY, anchor: .center, theme.text)
        canvas.setFont(size: 11)
    }

    private func color(_ kind: WaterfallStep.Kind) -> Color {
        switch kind {
        case .start, .total: return theme.level
        case .increase: return chart.increaseIsGood ? theme.positive : theme.negative
        case .decrease: return chart.increaseIsGood ? theme.negative : theme.positive
        }
    }
}
