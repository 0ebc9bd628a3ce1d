import ARCharts

/// What every page of a rendered pack says about itself: the pack, the date and rows the figures
/// are of, the snapshot behind them, and when the pack was made.
struct PageChrome {
    var packTitle: String
    var asOf: String
    /// `entity FR01` or `all data`.
    var perimeter: String
    var recipient: String?
    var snapshotID: String
    /// `2026-11-02 07:00 Europe/Paris`.
    var generated: String
}

/// Draws laid-out pages with their header (pack, page title, as-of, perimeter) and footer
/// (snapshot, generation time, page number) on a ``PageCanvas``.
struct PageDrawer {
    let page: Page
    let chrome: PageChrome

    func draw(_ laidOut: LaidOutPage, number: Int, of total: Int, on canvas: any PageCanvas) throws {
        try canvas.beginPage(page)
        header(laidOut.title, on: canvas)
        for item in laidOut.items {
            switch item {
            case let .chart(chart, frame):
                try canvas.draw(chart, in: frame)
            case let .text(_, lines, frame):
                let inner = frame.inset(by: 16)
                for line in lines {
                    canvas.text(line.text, in: Rect(x: inner.x, y: inner.y + line.y, width: inner.width, height: line.height),
                                style: line.style, alignment: .leading)
                }
            }
        }
        footer(notes: laidOut.notes, number: number, total: total, on: canvas)
    }

    private func header(_ title: String, on canvas: any PageCanvas) {
        let content = page.content
        let top = Rect(x: content.x, y: content.y, width: content.width, height: 14)
        canvas.text(chrome.packTitle, in: top.inset(right: content.width * 0.4), style: .packTitle, alignment: .leading)
        canvas.text("as of " + chrome.asOf, in: top, style: .meta, alignment: .trailing)
        let second = Rect(x: content.x, y: content.y + 16, width: content.width, height: 24)
        canvas.text(title, in: second.inset(right: content.width * 0.3), style: .pageTitle, alignment: .leading)
        let who = chrome.recipient.map { "for \($0) · " } ?? ""
        canvas.text(who + chrome.perimeter, in: second, style: .meta, alignment: .trailing)
    }

    private func footer(notes: [String], number: Int, total: Int, on canvas: any PageCanvas) {
        let content = page.content
        let bottom = Rect(x: content.x, y: content.maxY - 12, width: content.width, height: 12)
        var y = bottom.y - 4 - Double(notes.count) * PackLayout.noteLineHeight
        for note in notes {
            canvas.text(note, in: Rect(x: content.x, y: y, width: content.width, height: PackLayout.noteLineHeight),
                        style: .note, alignment: .leading)
            y += PackLayout.noteLineHeight
        }
        canvas.text("snapshot \(chrome.snapshotID) · as of \(chrome.asOf) · generated \(chrome.generated) · ARLens",
                    in: bottom.inset(right: 80), style: .footer, alignment: .leading)
        canvas.text("page \(number) of \(total)", in: bottom, style: .footer, alignment: .trailing)
    }
}
