import ARCharts

/// Where a laid-out page is drawn: the PDF document or a PNG page. Both take the same calls, so
/// the PDF and the PNGs of a pack show the same pages.
protocol PageCanvas: AnyObject {
    func beginPage(_ page: Page) throws
    func draw(_ chart: Chart, in frame: Rect) throws
    /// One line of text, vertically centred in `frame`, aligned in it (measured with `metrics`).
    func text(_ text: String, in frame: Rect, style: TextStyle, alignment: ColumnAlignment)
}

/// The PDF: ARCharts' multi-page document renderer, charts drawn as vectors.
final class PDFPageCanvas: PageCanvas {
    let document: PDFDocumentRenderer
    let metrics: TextMetrics

    init(title: String, metrics: TextMetrics) {
        document = PDFDocumentRenderer(title: title)
        self.metrics = metrics
    }

    func beginPage(_ page: Page) { document.beginPage(page) }

    func draw(_ chart: Chart, in frame: Rect) { document.draw(chart, in: frame) }

    func text(_ text: String, in frame: Rect, style: TextStyle, alignment: ColumnAlignment) {
        let width = metrics.width(text, style)
        let x = switch alignment {
        case .leading: frame.x
        case .trailing: frame.maxX - width
        case .center: frame.midX - width / 2
        }
        // One point of slack: the renderer cuts text wider than its frame.
        document.drawText(text, in: Rect(x: x, y: frame.y, width: max(width, frame.maxX - x) + 1, height: frame.height),
                          size: style.size, bold: style.bold, theme: .light)
    }

    func finish() throws -> [UInt8] { try document.finish() }
}
