import CCairo
import Foundation

/// Draws charts to PNG, SVG or PDF bytes through one Cairo code path.
///
/// SVG and PDF output is byte-identical for the same chart and size (the PDF dates are fixed
/// to the Unix epoch), so charts can be kept as golden files and diffed.
public enum ChartRenderer {
    /// Fixed PDF creation and modification date, so equal charts give equal files.
    static let pdfDate = "1970-01-01T00:00:00Z"

    /// Renders `chart` and returns the file's bytes.
    public static func render(_ chart: Chart, format: OutputFormat, size: ChartSize = .standard) throws -> [UInt8] {
        try size.validate()
        let sink = ByteSink()
        // Declared before the surface's own defer, so it runs after it: destroying an unfinished
        // SVG or PDF surface (on an error path) still writes into the sink.
        defer { withExtendedLifetime(sink) {} }
        let surface: OpaquePointer?
        switch format {
        case .png:
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32((size.width * size.scale).rounded(.up)),
                                                 Int32((size.height * size.scale).rounded(.up)))
        case .svg:
            surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.context, size.width, size.height)
            if let surface { cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX) }
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.context, size.width, size.height)
            if let surface { setFixedPDFMetadata(surface, title: chart.title) }
        }
        guard let surface else { throw ChartRenderError.cairo("no surface") }
        defer { cairo_surface_destroy(surface) }
        try checkCairo(cairo_surface_status(surface), "creating the \(format.rawValue) surface")

        let cr = cairo_create(surface)!
        if format == .png { cairo_scale(cr, size.scale, size.scale) }
        ChartPainter.paint(chart, on: Canvas(cr), in: Rect(x: 0, y: 0, width: size.width, height: size.height))
        let drawStatus = cairo_status(cr)
        cairo_destroy(cr)
        try checkCairo(drawStatus, "drawing the chart")

        if format == .png {
            return try PNGEncoder.encode(surface, scale: size.scale)
        } else {
            cairo_surface_finish(surface)
            try checkCairo(cairo_surface_status(surface), "finishing the \(format.rawValue) file")
        }
        let bytes = withExtendedLifetime(sink) { sink.bytes }
        return format == .svg ? SVGNormalizer.normalize(bytes) : bytes
    }

    /// Renders `chart` to `url`, the format taken from the file extension (.png, .svg, .pdf).
    public static func write(_ chart: Chart, to url: URL, size: ChartSize = .standard) throws {
        guard let format = OutputFormat(fileExtension: url.pathExtension) else {
            throw ChartRenderError.unsupportedExtension(url.path)
        }
        let bytes = try render(chart, format: format, size: size)
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw ChartRenderError.writeFailed("cannot write chart to '\(url.path)': \(error.localizedDescription)")
        }
    }

    /// Fixes the PDF dates (Cairo would stamp the current time) and sets the title.
    static func setFixedPDFMetadata(_ surface: OpaquePointer, title: String?) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, pdfDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, pdfDate)
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
    }
}
