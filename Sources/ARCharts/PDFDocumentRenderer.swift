import CCairo
import Foundation

/// Builds a multi-page PDF report: begin a page, draw charts (and headings) into frames,
/// repeat, then `finish()` for the bytes. Output is deterministic (fixed dates).
///
/// One owner at a time: the renderer holds a Cairo context, which is not thread-safe.
///
///     let pdf = PDFDocumentRenderer(title: "AR pack, March 2026")
///     pdf.beginPage(.a4Landscape)
///     let frames = Layout(rows: 2, columns: 2).frames(in: Page.a4Landscape.content)
///     for (chart, frame) in zip(charts, frames) { pdf.draw(chart, in: frame) }
///     let bytes = try pdf.finish()
public final class PDFDocumentRenderer {
    private let sink = ByteSink()
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let canvas: Canvas
    private var pageOpen = false
    private var finished = false
    /// The number of pages begun so far.
    public private(set) var pageCount = 0

    /// Starts an empty document; `title` and `metadata` (subject, keywords, creation date: the
    /// epoch when it has none) go into the PDF's document information.
    public init(title: String? = nil, metadata: ChartMetadata = ChartMetadata()) {
        surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.context, Page.a4Portrait.width, Page.a4Portrait.height)
        var metadata = metadata
        if metadata.title == nil { metadata.title = title }
        ChartRenderer.setPDFMetadata(surface, metadata)
        context = cairo_create(surface)
        canvas = Canvas(context)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Ends the current page (if any) and starts a new one of `page`'s size, filled white.
    public func beginPage(_ page: Page = .a4Portrait) {
        guard !finished else { return }
        if pageOpen { cairo_show_page(context) }
        cairo_pdf_surface_set_size(surface, page.width, page.height)
        canvas.fill(page.bounds, Color(hex: 0xFFFFFF))
        pageOpen = true
        pageCount += 1
    }

    /// Draws `chart` inside `frame` (points from the page's top-left corner).
    public func draw(_ chart: Chart, in frame: Rect) {
        if !pageOpen { beginPage() }
        ChartPainter.paint(chart, on: canvas, in: frame)
    }

    /// Writes a line of text (a page heading or footer) at the left of `frame`, vertically centred.
    public func drawText(_ text: String, in frame: Rect, size: Double = 18, bold: Bool = true, theme: Theme = .light) {
        if !pageOpen { beginPage() }
        canvas.setFont(size: size, bold: bold)
        canvas.text(canvas.truncated(text, maxWidth: frame.width), x: frame.x, y: frame.midY, theme.text)
    }

    /// Closes the document and returns the PDF bytes. A document without pages gets one blank page.
    public func finish() throws -> [UInt8] {
        if !finished {
            if !pageOpen { beginPage() }
            finished = true
            try checkCairo(cairo_status(context), "drawing the PDF")
            cairo_surface_finish(surface)
            try checkCairo(cairo_surface_status(surface), "finishing the PDF")
        }
        return sink.bytes
    }

    /// Closes the document and writes it to `url`.
    public func write(to url: URL) throws {
        let bytes = try finish()
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw ChartRenderError.writeFailed("cannot write PDF to '\(url.path)': \(error.localizedDescription)")
        }
    }
}
