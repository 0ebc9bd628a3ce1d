import ARCharts

/// A page ready to draw: its blocks in their frames, long tables cut, notes at the foot.
struct LaidOutPage {
    enum Item {
        case chart(Chart, Rect)
        case text(title: String?, lines: [TextLine], Rect)
    }

    var title: String
    var items: [Item]
    var notes: [String]
}

/// A line of a text block, already wrapped, at its offset from the block's top.
struct TextLine {
    var text: String
    var style: TextStyle
    var y: Double
    var height: Double
}

/// Places evaluated blocks on pages: each page's grid over the space between header and footer,
/// and tables longer than their frame continued on pages of their own, header row repeated.
struct PackLayout {
    let page: Page
    let theme: Theme
    let metrics: TextMetrics
    static let headerHeight = 50.0, footerHeight = 18.0, noteLineHeight = 12.0, gutter = 14.0

    /// - Throws: ``PackRenderError`` for a table too wide for its block even with money in whole units.
    func layout(_ pages: [EvaluatedPage]) throws(PackRenderError) -> [LaidOutPage] {
        var laidOut: [LaidOutPage] = []
        for (index, evaluated) in pages.enumerated() {
            var notes = evaluated.notes
            var current = LaidOutPage(title: evaluated.title, items: [], notes: [])
            let noteLines = wrapNotes(&notes)
            current.notes = noteLines
            let body = bodyRect(notes: noteLines.count)
            var continuations: [(TableData, Int)] = []
            for block in evaluated.blocks {
                let frame = frame(of: block, page: evaluated, in: body)
                switch block.content {
                case var .chart(chart):
                    chart.theme = theme
                    try checkTitle(chart.title, in: PackLayout.aligned(frame), page: (index + 1, evaluated.title), at: block.location)
                    current.items.append(.chart(chart, PackLayout.aligned(frame)))
                case let .table(wide):
                    let table = try fitted(wide, in: PackLayout.aligned(frame), page: (index + 1, evaluated.title), at: block.location)
                    try checkTitle(table.title, in: PackLayout.aligned(frame),
                                   page: (index + 1, evaluated.title), at: block.location)
                    let fit = PackLayout.tableCapacity(PackLayout.aligned(frame), title: table.title != nil)
                    let shown = min(fit, table.rows.count)
                    current.items.append(.chart(themed(table.slice(0..<shown, continued: false)), PackLayout.aligned(frame)))
                    if shown < table.rows.count { continuations.append((table, shown)) }
                case let .text(title, paragraphs):
                    try checkTitle(title, in: frame, page: (index + 1, evaluated.title), at: block.location)
                    let (lines, cut) = textLines(title: title, paragraphs: paragraphs, in: frame)
                    current.items.append(.text(title: title, lines: lines, frame))
                    if cut { current.notes.append("Note: a text on this page was cut to fit its block.") }
                }
            }
            laidOut.append(current)
            for (table, start) in continuations { laidOut += continuation(of: table, from: start, pageTitle: evaluated.title) }
        }
        return laidOut
    }

    /// Pages holding the rows of `table` from `start` on, the full body each.
    private func continuation(of table: TableData, from start: Int, pageTitle: String) -> [LaidOutPage] {
        var pages: [LaidOutPage] = []
        let body = bodyRect(notes: 0)
        let fit = max(1, PackLayout.tableCapacity(body, title: true))
        var row = start
        while row < table.rows.count {
            let end = min(table.rows.count, row + fit)
            pages.append(LaidOutPage(title: pageTitle + " (continued)", items: [.chart(themed(table.slice(row..<end, continued: true)), body)],
                                     notes: []))
            row = end
        }
        return pages
    }

    private func themed(_ chart: Chart) -> Chart {
        var copy = chart
        copy.theme = theme
        return copy
    }

    /// The space between the page header and the notes and footer.
    func bodyRect(notes: Int) -> Rect {
        page.content.inset(top: PackLayout.headerHeight,
                           bottom: PackLayout.footerHeight + (notes > 0 ? Double(notes) * PackLayout.noteLineHeight + 6 : 0))
    }

    private func frame(of block: EvaluatedBlock, page: EvaluatedPage, in body: Rect) -> Rect {
        return Layout(rowWeights: page.rowWeights, columnWeights: page.columnWeights, gutter: PackLayout.gutter)
            .frame(in: body, row: block.row, column: block.column, rowSpan: block.rowSpan, columnSpan: block.columnSpan)
    }

    /// Notes wrapped to the page width, at most four lines (the rest counted).
    private func wrapNotes(_ notes: inout [String]) -> [String] {
        var lines: [String] = []
        for note in notes {
            lines += metrics.wrap(note.hasPrefix("Note:") ? note : "Note: " + note, .note, width: page.content.width)
        }
        if lines.count > 4 { lines = Array(lines.prefix(3)) + ["Note: and \(lines.count - 3) more lines of notes (see the run log)."] }
        return lines
    }

    /// `frame`, inset where ARCharts would pad it by 8 points rather than 16 (frames lower than
    /// 200 or narrower than 320 points), so that every block's content starts 16 points in.
    static func aligned(_ frame: Rect) -> Rect {
        frame.width < 320 || frame.height < 200 ? frame.inset(by: 8) : frame
    }

    /// The table as it fits `frame`'s width: with exact figures, else with money in whole units
    /// (its subtitle says so). ARCharts would cut the cells of a wider table, so it is an error.
    func fitted(_ table: TableData, in frame: Rect, page: (Int, String), at location: PackLocation) throws(PackRenderError) -> TableData {
        let padding = frame.width < 320 || frame.height < 200 ? 8.0 : 16.0
        let available = frame.width - 2 * padding
        if naturalWidth(table) <= available { return table }
        if let whole = table.inWholeUnits(), naturalWidth(whole) <= available { return whole }
        var error = PackRenderError(pack: "", message: "expected the table '\(table.title ?? table.header.joined(separator: ", "))' to fit "
                                    + "its block, found it \(Int(naturalWidth(table).rounded())) points wide for \(Int(available)) points",
                                    help: "show fewer columns with 'show:', or give the block more of the page's width")
        error.page = page
        error.location = location
        throw error
    }

    /// A block title ARCharts would cut with an ellipsis is an error: shorten it in the pack.
    func checkTitle(_ title: String?, in frame: Rect, page: (Int, String), at location: PackLocation) throws(PackRenderError) {
        guard let title else { return }
        let available = frame.width - 2 * (frame.width < 320 || frame.height < 200 ? 8.0 : 16.0)
        let width = metrics.width(title, .blockTitle)
        guard width > available else { return }
        var error = PackRenderError(pack: "", message: "expected the title '\(title)' to fit its block, found it \(Int(width.rounded())) points wide for \(Int(available))",
                                    help: "shorten the title, or give the block more of the page's width")
        error.page = page
        error.location = location
        throw error
    }

    /// The width the table's columns need: each column's widest cell (bold header) plus 8 points a side.
    func naturalWidth(_ table: TableData) -> Double {
        var widths = table.header.map { metrics.width($0, TextStyle(size: 11, bold: true)) }
        for row in table.rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], metrics.width(cell, TextStyle(size: 11)))
            }
        }
        return widths.reduce(0) { $0 + $1 + 16 }
    }

    /// The rows of a table that fit `frame` without ARCharts' "… n more rows" line, by the
    /// geometry of its chart frame (padding, title, subtitle) and table rows (22 points each).
    static func tableCapacity(_ frame: Rect, title: Bool) -> Int {
        let padding = frame.width < 320 || frame.height < 200 ? 8.0 : 16.0
        let header = (title ? 20.0 : 0) + 18 + 10
        return max(0, Int((frame.height - 2 * padding - header - 22) / 22))
    }

    /// A text block's lines: the title, then each paragraph wrapped; smaller type when it would
    /// not fit, cut (and said so) when even that does not.
    private func textLines(title: String?, paragraphs: [String], in frame: Rect) -> ([TextLine], cut: Bool) {
        let inner = frame.inset(by: 16)
        for size in [11.0, 10, 9] {
            var lines: [TextLine] = []
            var y = 0.0
            if let title {
                lines.append(TextLine(text: metrics.truncated(title, .blockTitle, width: inner.width), style: .blockTitle, y: 0, height: 20))
                y = 30
            }
            let style = TextStyle(size: size)
            let lineHeight = size * 1.45
            for paragraph in paragraphs {
                for line in metrics.wrap(paragraph, style, width: inner.width) {
                    lines.append(TextLine(text: line, style: style, y: y, height: lineHeight))
                    y += lineHeight
                }
                y += size * 0.6
            }
            if y <= inner.height || size == 9 {
                let kept = lines.filter { $0.y + $0.height <= inner.height }
                return (kept, kept.count < lines.count)
            }
        }
        return ([], false)
    }
}
