import CCairo

/// Measures text the way ARCharts draws it (DejaVu Sans, unhinted metrics), to wrap paragraphs
/// and right-align page furniture before drawing it to the PDF or a PNG page.
///
/// Not Sendable: it owns a Cairo context; make one per render.
final class TextMetrics {
    private let surface: OpaquePointer
    let context: OpaquePointer

    init() {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        context = cairo_create(surface)
        TextMetrics.configure(context)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// The font settings of ARCharts' canvas: same glyph advances on every surface.
    static func configure(_ cr: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    static func setFont(_ cr: OpaquePointer, _ style: TextStyle) {
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, style.size)
    }

    func width(_ text: String, _ style: TextStyle) -> Double {
        TextMetrics.setFont(context, style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// `text` broken into lines no wider than `width`, at spaces (a word longer than a line is cut).
    func wrap(_ text: String, _ style: TextStyle, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if self.width(candidate, style) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { truncated($0, style, width: width) }
    }

    /// `text` cut with an ellipsis to fit `width`.
    func truncated(_ text: String, _ style: TextStyle, width: Double) -> String {
        guard self.width(text, style) > width else { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters) + "…"
            if self.width(candidate, style) <= width { return candidate }
        }
        return ""
    }
}

/// Size and weight of a line of page text.
struct TextStyle: Hashable {
    var size: Double
    var bold = false

    static let packTitle = TextStyle(size: 10)
    static let pageTitle = TextStyle(size: 17, bold: true)
    static let meta = TextStyle(size: 10)
    static let footer = TextStyle(size: 8)
    static let note = TextStyle(size: 8.5)
    static let blockTitle = TextStyle(size: 16, bold: true)
    static let body = TextStyle(size: 11)
}
