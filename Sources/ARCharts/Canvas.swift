import CCairo

/// Thin drawing layer over one `cairo_t`: colours, shapes and measured text.
///
/// Not Sendable: a canvas lives inside one render call and is never shared.
final class Canvas {
    /// Horizontal anchor of a text.
    enum Anchor { case leading, center, trailing }

    let cr: OpaquePointer
    private(set) var fontSize: Double = 11
    private var bold = false

    /// A surface this canvas owns (scratch canvases for measuring), destroyed with it.
    private var ownedSurface: OpaquePointer?

    /// A canvas over a 1×1 image, for measuring text outside a render.
    static func scratch() -> Canvas {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)!
        let canvas = Canvas(cairo_create(surface)!)
        canvas.ownedSurface = surface
        return canvas
    }

    deinit {
        if let ownedSurface {
            cairo_destroy(cr)
            cairo_surface_destroy(ownedSurface)
        }
    }

    init(_ cr: OpaquePointer) {
        self.cr = cr
        // Unhinted metrics: text measures the same on PNG, SVG and PDF, so layouts match.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
        setFont(size: 11)
    }

    // MARK: - State

    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }
    func translate(_ x: Double, _ y: Double) { cairo_translate(cr, x, y) }
    func clip(_ rect: Rect) {
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    func setColor(_ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    // MARK: - Shapes

    func fill(_ rect: Rect, _ color: Color) {
        guard rect.width > 0, rect.height > 0 else { return }
        setColor(color)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    func fillRounded(_ rect: Rect, radius: Double, _ color: Color, stroke: Color? = nil) {
        guard rect.width > 0, rect.height > 0 else { return }
        let r = min(radius, rect.width / 2, rect.height / 2)
        cairo_new_sub_path(cr)
        cairo_arc(cr, rect.maxX - r, rect.y + r, r, -Double.pi / 2, 0)
        cairo_arc(cr, rect.maxX - r, rect.maxY - r, r, 0, Double.pi / 2)
        cairo_arc(cr, rect.x + r, rect.maxY - r, r, Double.pi / 2, Double.pi)
        cairo_arc(cr, rect.x + r, rect.y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
        setColor(color)
        if let stroke {
            cairo_fill_preserve(cr)
            setColor(stroke)
            cairo_set_line_width(cr, 1)
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    /// A straight line; `crisp` snaps 1-unit lines to the pixel grid so grids stay sharp.
    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ color: Color,
              width: Double = 1, dash: [Double] = []) {
        setColor(color)
        cairo_set_line_width(cr, width)
        let snap: (Double) -> Double = { width == 1 ? ($0).rounded(.down) + 0.5 : $0 }
        let (ax, bx) = x0 == x1 ? (snap(x0), snap(x1)) : (x0, x1)
        let (ay, by) = y0 == y1 ? (snap(y0), snap(y1)) : (y0, y1)
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_move_to(cr, ax, ay)
        cairo_line_to(cr, bx, by)
        cairo_stroke(cr)
        if !dash.isEmpty { cairo_set_dash(cr, nil, 0, 0) }
    }

    /// A polyline through `points`; nil points break it into separate runs.
    func polyline(_ points: [(Double, Double)?], _ color: Color, width: Double, dash: [Double] = []) {
        setColor(color)
        cairo_set_line_width(cr, width)
        if !dash.isEmpty { dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) } }
        defer { if !dash.isEmpty { cairo_set_dash(cr, nil, 0, 0) } }
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        var drawing = false
        for point in points {
            guard let (x, y) = point else { drawing = false; continue }
            if drawing { cairo_line_to(cr, x, y) } else { cairo_move_to(cr, x, y); drawing = true }
        }
        cairo_stroke(cr)
    }

    /// A filled polygon.
    func fillPolygon(_ points: [(Double, Double)], _ color: Color) {
        guard let first = points.first else { return }
        setColor(color)
        cairo_move_to(cr, first.0, first.1)
        for (x, y) in points.dropFirst() { cairo_line_to(cr, x, y) }
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    func fillCircle(_ x: Double, _ y: Double, radius: Double, _ color: Color) {
        setColor(color)
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
        cairo_fill(cr)
    }

    /// A ring segment from angle `start` to `end` (radians, clockwise from 3 o'clock).
    func fillRingSegment(cx: Double, cy: Double, outer: Double, inner: Double,
                         start: Double, end: Double, _ color: Color) {
        setColor(color)
        cairo_new_sub_path(cr)
        cairo_arc(cr, cx, cy, outer, start, end)
        cairo_arc_negative(cr, cx, cy, inner, end, start)
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    // MARK: - Text

    func setFont(size: Double, bold: Bool = false) {
        fontSize = size
        self.bold = bold
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    /// The advance width of `text` in the current font.
    func width(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// `text` cut with an ellipsis so that it fits `maxWidth` (whole text when it fits).
    func truncated(_ text: String, maxWidth: Double) -> String {
        if width(text) <= maxWidth { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces() + "…"
            if width(candidate) <= maxWidth { return candidate }
        }
        return width("…") <= maxWidth ? "…" : ""
    }

    /// The first of `candidates` (longest form first) that fits `maxWidth`, else the last one cut.
    func fitting(_ candidates: [String], maxWidth: Double) -> String {
        for candidate in candidates where width(candidate) <= maxWidth { return candidate }
        return truncated(candidates.last ?? "", maxWidth: maxWidth)
    }

    /// Draws `text` with its baseline vertically centred on `y`'s cap height: `y` is the middle
    /// of the capital letters, which is what the eye aligns with ticks and bars.
    func text(_ text: String, x: Double, y: Double, anchor: Anchor = .leading, _ color: Color) {
        guard !text.isEmpty else { return }
        let w = width(text)
        let left = anchor == .leading ? x : anchor == .center ? x - w / 2 : x - w
        setColor(color)
        cairo_move_to(cr, left, y + capHeight / 2)
        cairo_show_text(cr, text)
    }

    /// Draws `text` rotated by `angle` radians around its end at (x, y) (for slanted axis labels).
    func rotatedText(_ text: String, x: Double, y: Double, angle: Double, _ color: Color) {
        save()
        cairo_translate(cr, x, y)
        cairo_rotate(cr, angle)
        self.text(text, x: -width(text), y: 0, color)
        restore()
    }

    /// The height of capital letters in the current font (DejaVu Sans: 0.73 em).
    var capHeight: Double { fontSize * 0.73 }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
