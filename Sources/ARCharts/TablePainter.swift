/// A table for report packs: bold header on a panel, striped rows, numeric columns right-aligned,
/// cells cut with an ellipsis, and a "… n more rows" line when the rows do not all fit.
struct TablePainter: KindPainter {
    let chart: Chart
    let canvas: Canvas
    static let rowHeight = 22.0
    static let cellPadding = 8.0

    /// Column widths: natural widths, shrunk (widest first) to fit `total`, or spread when narrower.
    func columnWidths(_ table: TableContent, total: Double) -> [Double] {
        let count = table.columnCount
        var widths = [Double](repeating: 0, count: count)
        canvas.setFont(size: 11, bold: true)
        for (index, text) in table.header.enumerated() { widths[index] = canvas.width(text) }
        canvas.setFont(size: 11)
        for row in table.rows.prefix(500) {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], canvas.width(text)) }
        }
        widths = widths.map { $0 + 2 * TablePainter.cellPadding }
        let natural = widths.reduce(0, +)
        if natural <= total {
            let extra = (total - natural) / Double(count)
            return widths.map { $0 + extra }
        }
        // Cap the widest columns at a common width until everything fits.
        let sorted = widths.sorted(by: >)
        var cap = sorted[0]
        var index = 0
        while index < count {
            let capped = widths.map { min($0, cap) }.reduce(0, +)
            if capped <= total { break }
            let nextCap = index + 1 < count ? sorted[index + 1] : 0
            let othersSum = widths.filter { $0 <= nextCap }.reduce(0, +)
            let cappedCount = Double(widths.filter { $0 > nextCap }.count)
            let needed = (total - othersSum) / cappedCount
            if needed >= nextCap { cap = needed; break }
            cap = nextCap
            index += 1
        }
        return widths.map { min($0, max(cap, 24)) }
    }

    func paint(in area: Rect) {
        guard let table = chart.table, table.columnCount > 0 else { return }
        let widths = columnWidths(table, total: area.width)
        let rowHeight = TablePainter.rowHeight
        let capacity = max(0, Int((area.height - rowHeight) / rowHeight))
        let overflow = table.rows.count > capacity
        let shown = overflow ? max(0, capacity - 1) : table.rows.count

        canvas.fill(Rect(x: area.x, y: area.y, width: area.width, height: rowHeight), theme.panel)
        canvas.setFont(size: 11, bold: true)
        paintRow(table.header, y: area.y, widths: widths, table: table, x: area.x, color: theme.text)
        canvas.line(area.x, area.y + rowHeight, area.maxX, area.y + rowHeight, theme.axis)
        canvas.setFont(size: 11)
        for rowIndex in 0..<shown {
            let y = area.y + Double(rowIndex + 1) * rowHeight
            if rowIndex % 2 == 1 {
                canvas.fill(Rect(x: area.x, y: y, width: area.width, height: rowHeight), theme.panel.withAlpha(0.7))
            }
            paintRow(table.rows[rowIndex], y: y, widths: widths, table: table, x: area.x, color: theme.text)
        }
        let bottom = area.y + Double(shown + 1) * rowHeight
        canvas.line(area.x, bottom, area.maxX, bottom, theme.grid)
        if overflow {
            let more = table.rows.count - shown
            canvas.text("… \(NumberText.grouped(Double(more), decimals: 0)) more row\(more == 1 ? "" : "s")",
                        x: area.x + TablePainter.cellPadding, y: bottom + rowHeight / 2, theme.mutedText)
        }
    }

    private func paintRow(_ cells: [String], y: Double, widths: [Double], table: TableContent, x: Double, color: Color) {
        var left = x
        let pad = TablePainter.cellPadding
        for (index, width) in widths.enumerated() {
            defer { left += width }
            guard index < cells.count else { continue }
            let text = canvas.truncated(cells[index], maxWidth: width - 2 * pad)
            let middle = y + TablePainter.rowHeight / 2
            switch table.alignment(ofColumn: index) {
            case .leading: canvas.text(text, x: left + pad, y: middle, color)
            case .trailing: canvas.text(text, x: left + width - pad, y: middle, anchor: .trailing, color)
            case .center: canvas.text(text, x: left + width / 2, y: middle, anchor: .center, color)
            }
        }
    }
}
