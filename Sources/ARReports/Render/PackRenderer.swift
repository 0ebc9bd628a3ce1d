import ARCharts
import ARQuery
import Dispatch
import Foundation

/// Options of a render: PNG density and what the footer says about when the pack was made.
public struct PackRenderOptions: Sendable {
    /// Device pixels per point of the PNG pages (2: an A4 landscape page is 1684 × 1191 pixels).
    public var pngScale: Double
    /// Whether to draw the PNG pages (the PDF is always drawn).
    public var drawPNG: Bool
    /// The generation time printed in the footer.
    public var generatedAt: Date
    /// The zone the generation time is printed in.
    public var timeZone: TimeZone

    public init(pngScale: Double = 2, drawPNG: Bool = true, generatedAt: Date = Date(), timeZone: TimeZone = .gmt) {
        self.pngScale = pngScale
        self.drawPNG = drawPNG
        self.generatedAt = generatedAt
        self.timeZone = timeZone
    }
}

/// A rendered pack: one PDF of every page and one PNG per page.
public struct RenderedPack: Sendable {
    public var pdf: [UInt8]
    public var pngs: [[UInt8]]
    public var pageTitles: [String]
    public var evaluated: EvaluatedPack
    public var timings: RenderTimings
}

/// Where a render's time went, in milliseconds.
public struct RenderTimings: Sendable, Codable {
    public var queries: Double
    public var layout: Double
    public var pdf: Double
    public var png: Double
    public var total: Double
    /// Per page of the finished pack: its share of the drawing (PDF and PNG).
    public var pages: [Double]
}

/// Renders a pack for one set of parameters: the data phase first (every query through the
/// runner; any failure stops here, before anything is drawn), then the layout, then the PDF and
/// the PNG pages, drawn side by side on the machine's cores.
public enum PackRenderer {
    public static func render(_ pack: PackDefinition, runner: QueryRunner, parameters: PackParameters,
                              options: PackRenderOptions = PackRenderOptions()) throws -> RenderedPack {
        let started = DispatchTime.now()
        let evaluated = try PackEvaluator(pack: pack, runner: runner, parameters: parameters).evaluate()
        let layoutStarted = DispatchTime.now()
        let metrics = TextMetrics()
        let pages: [LaidOutPage]
        do {
            pages = try PackLayout(page: pack.page, theme: pack.theme, metrics: metrics).layout(evaluated.pages)
        } catch {
            var located = error
            located.pack = pack.name
            located.file = pack.file
            throw located
        }
        let layoutMs = Milliseconds.since(layoutStarted)
        let drawer = PageDrawer(page: pack.page, chrome: chrome(pack, evaluated, options))
        let drawn = try draw(pages, drawer: drawer, title: documentTitle(pack, evaluated), metrics: metrics, options: options)
        var timings = RenderTimings(queries: evaluated.queryMilliseconds, layout: layoutMs, pdf: drawn.pdfMs, png: drawn.pngMs,
                                    total: 0, pages: zip(drawn.pdfPageMs, drawn.pngPageMs).map { $0 + $1 })
        timings.total = Milliseconds.since(started)
        return RenderedPack(pdf: drawn.pdf, pngs: drawn.pngs, pageTitles: pages.map(\.title), evaluated: evaluated, timings: timings)
    }

    private struct Drawn {
        var pdf: [UInt8] = [], pngs: [[UInt8]] = []
        var pdfMs = 0.0, pngMs = 0.0
        var pdfPageMs: [Double] = [], pngPageMs: [Double] = []
    }

    /// The PDF on one thread while the PNG pages are drawn on the others.
    private static func draw(_ pages: [LaidOutPage], drawer: PageDrawer, title: String, metrics: TextMetrics,
                             options: PackRenderOptions) throws -> Drawn {
        let results = ResultSlots<Result<([UInt8], Double), any Error>>(count: pages.count + 1)
        let pngPages = options.drawPNG ? pages.count : 0
        let box = UncheckedBox((pages, drawer, title, metrics))
        DispatchQueue.concurrentPerform(iterations: pngPages + 1) { index in
            let (pages, drawer, title, metrics) = box.value
            let started = DispatchTime.now()
            results[index] = Result {
                if index == pngPages {
                    let canvas = PDFPageCanvas(title: title, metrics: metrics)
                    var perPage: [Double] = []
                    for (number, page) in pages.enumerated() {
                        let pageStarted = DispatchTime.now()
                        try drawer.draw(page, number: number + 1, of: pages.count, on: canvas)
                        perPage.append(Milliseconds.since(pageStarted))
                    }
                    results.extra = perPage
                    return (try canvas.finish(), Milliseconds.since(started))
                }
                let canvas = RasterPageCanvas(scale: options.pngScale)
                try drawer.draw(pages[index], number: index + 1, of: pages.count, on: canvas)
                return (try canvas.finish(), Milliseconds.since(started))
            }
        }
        var drawn = Drawn()
        let (pdf, pdfMs) = try results[pngPages]!.get()
        drawn.pdf = pdf
        drawn.pdfMs = pdfMs
        drawn.pdfPageMs = results.extra
        for index in 0..<pngPages {
            let (png, ms) = try results[index]!.get()
            drawn.pngs.append(png)
            drawn.pngPageMs.append(ms)
            drawn.pngMs += ms
        }
        if pngPages == 0 { drawn.pngPageMs = Array(repeating: 0, count: pages.count) }
        return drawn
    }

    static func chrome(_ pack: PackDefinition, _ evaluated: EvaluatedPack, _ options: PackRenderOptions) -> PageChrome {
        PageChrome(packTitle: pack.title, asOf: evaluated.parameters.asOf.iso, perimeter: evaluated.parameters.perimeter.description,
                   recipient: evaluated.parameters.recipient, snapshotID: evaluated.snapshotID,
                   generated: PackTime.minute(options.generatedAt, in: options.timeZone))
    }

    /// The PDF's title: the pack, its date and whose it is.
    static func documentTitle(_ pack: PackDefinition, _ evaluated: EvaluatedPack) -> String {
        let who = evaluated.parameters.recipient.map { " · \($0)" } ?? ""
        return "\(pack.title) · as of \(evaluated.parameters.asOf.iso)\(who) · snapshot \(evaluated.snapshotID)"
    }
}

/// Results written by concurrent workers, one slot each.
/// @unchecked Sendable: each slot is written by exactly one iteration of `concurrentPerform`
/// and read only after it returns; the lock guards the array itself.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    var extra: [Double] {
        get { lock.withLock { _extra } }
        set { lock.withLock { _extra = newValue } }
    }
    private var _extra: [Double] = []

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }
}

/// Hands values that are only read to concurrent workers.
/// @unchecked Sendable: the pages and drawer are values read by every worker; the text metrics
/// (a Cairo context) are used by the PDF worker alone.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
