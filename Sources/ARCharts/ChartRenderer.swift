import CCairo
import Foundation

/// Draws charts to PNG, SVG or PDF bytes through one Cairo code path.
///
/// SVG and PDF output is byte-identical for the same chart and size (the PDF dates are the
/// chart's `metadata.creationDate`, the Unix epoch when it has none), so charts can be kept as
/// golden files and diffed.
public enum ChartRenderer {
    /// The PDF creation and modification date of a chart without one, so equal charts give equal files.
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
            if let surface { setPDFMetadata(surface, chart.documentMetadata) }
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
        guard format == .svg else { return bytes }
        let metadata = chart.documentMetadata
        return SVGNormalizer.insertingMetadata(SVGNormalizer.normalize(bytes), title: metadata.title,
                                               description: metadata.description)
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

    /// Sets the PDF's title, subject, keywords and dates (Cairo would stamp the current time:
    /// without a creation date the epoch is written, so equal charts give equal files).
    static func setPDFMetadata(_ surface: OpaquePointer, _ metadata: ChartMetadata) {
        let date = metadata.creationDate ?? pdfDate
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ARLens")
        if let title = metadata.title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        if let subject = metadata.description { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject) }
        if !metadata.keywords.isEmpty {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.joined(separator: ", "))
        }
    }
}

extension Chart {
    /// The metadata written into files: the chart's own, its title defaulting to the title and
    /// subtitle joined ("Aging by customer group · as of 2026-10-31 · EUR").
    var documentMetadata: ChartMetadata {
        var metadata = self.metadata
        if metadata.title == nil {
            let parts = [title, subtitle].compactMap { $0 }.filter { !$0.isEmpty }
            metadata.title = parts.isEmpty ? nil : parts.joined(separator: " · ")
        }
        return metadata
    }
}
