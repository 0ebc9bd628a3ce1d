import ARCharts
import CCairo

/// A PNG page: charts drawn by ARCharts to PNG at the page's pixel density and placed on a Cairo
/// image of the whole page, with the page's text drawn in the font ARCharts uses.
///
/// Not Sendable: it owns a Cairo surface; one page, one canvas.
final class RasterPageCanvas: PageCanvas {
    let scale: Double
    private var surface: OpaquePointer?
    private var context: OpaquePointer?

    init(scale: Double) { self.scale = scale }

    deinit { close() }

    private func close() {
        if let context { cairo_destroy(context) }
        if let surface { cairo_surface_destroy(surface) }
        context = nil
        surface = nil
    }

    func beginPage(_ page: Page) throws {
        close()
        let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((page.width * scale).rounded(.up)),
                                               Int32((page.height * scale).rounded(.up)))!
        surface = image
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else { throw RasterError.cairo("cannot create a page image") }
        let cr = cairo_create(image)!
        context = cr
        TextMetrics.configure(cr)
        cairo_scale(cr, scale, scale)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
    }

    func draw(_ chart: Chart, in frame: Rect) throws {
        guard let context else { return }
        let png = try ChartRenderer.render(chart, format: .png, size: ChartSize(width: frame.width, height: frame.height, scale: scale))
        // ARCharts decodes its PNG to premultiplied ARGB, the layout of a Cairo ARGB32 image.
        let pixels = try RasterImage(png: png)
        let width = pixels.width, height = pixels.height
        var buffer = pixels.pixels
        try buffer.withUnsafeMutableBytes { bytes in
            let image = cairo_image_surface_create_for_data(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
                                                            Int32(width), Int32(height), Int32(width * 4))!
            defer { cairo_surface_destroy(image) }
            guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else { throw RasterError.cairo("cannot place a chart on the page") }
            cairo_save(context)
            cairo_translate(context, frame.x, frame.y)
            cairo_scale(context, 1 / scale, 1 / scale)
            cairo_set_source_surface(context, image, 0, 0)
            cairo_paint(context)
            cairo_restore(context)
        }
    }

    func text(_ text: String, in frame: Rect, style: TextStyle, alignment: ColumnAlignment) {
        guard let context, !text.isEmpty else { return }
        TextMetrics.setFont(context, style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        let width = extents.x_advance
        let x = switch alignment {
        case .leading: frame.x
        case .trailing: frame.maxX - width
        case .center: frame.midX - width / 2
        }
        // ARCharts' convention: the middle of the capitals (0.73 em in DejaVu Sans) on the frame's middle.
        cairo_set_source_rgb(context, 0x1F / 255.0, 0x23 / 255.0, 0x28 / 255.0)
        cairo_move_to(context, x, frame.midY + style.size * 0.73 / 2)
        cairo_show_text(context, text)
    }

    /// The page as PNG bytes.
    func finish() throws -> [UInt8] {
        guard let surface else { throw RasterError.cairo("no page was begun") }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw RasterError.cairo("no page image") }
        return try PagePNG.encode(data, width: Int(cairo_image_surface_get_width(surface)), height: Int(cairo_image_surface_get_height(surface)),
                                  stride: Int(cairo_image_surface_get_stride(surface)), scale: scale)
    }
}

enum RasterError: Error, CustomStringConvertible {
    case cairo(String)
    var description: String {
        switch self { case let .cairo(message): "page rendering failed: \(message)" }
    }
}
