import ARCharts
import ARQuery
import ARReports
import ARStore
import Foundation

/// `arlens-bench pack STORE PACK.yaml [REPETITIONS]`: renders the pack for its first recipient
/// from the store's latest snapshot, loaded once, `REPETITIONS` times (plus one first render,
/// reported apart), and prints the timings and the pages' contents (for matplotlib) as JSON.
enum PackBench {
    struct Report: Encodable {
        var pack: String
        var recipient: String
        var pages: [String]
        var loadMs: Double
        var firstMs: Double
        var totalMs: [Double]
        var medianMs: Double
        /// CPU time of each render (user and system, all threads): what the render costs whatever
        /// else the machine runs.
        var cpuMs: [Double]
        /// Medians of the phases: queries, layout, PDF (one thread), PNG (summed over pages).
        var queriesMs: Double, layoutMs: Double, pdfMs: Double, pngMs: Double
        /// Median per page of the drawing (PDF and PNG of the page).
        var pageMs: [Double]
        var pdfBytes: Int
        var pngBytes: Int
        var content: [PageContent]
    }

    /// A page's blocks as plain data, for the matplotlib version of the same pages.
    struct PageContent: Encodable {
        var title: String
        var rows: [Double], columns: [Double]
        var blocks: [BlockContent]
    }

    struct BlockContent: Encodable {
        var row: Int, column: Int, rowSpan: Int, columnSpan: Int
        var kind: String
        var title: String?
        var categories: [String]?
        var series: [[String: [Double?]]]?
        var tiles: [[String: Double?]]?
        var tileLabels: [String]?
        var header: [String]?
        var cells: [[String]]?
        var paragraphs: [String]?
    }

    static func run(_ arguments: [String]) throws -> Report {
        let repetitions = arguments.count > 4 ? max(1, Int(arguments[4]) ?? 5) : 5
        let pack = try PackLoader.load(path: arguments[3])
        let (loadMs, runner) = try BenchClock.time { () throws -> QueryRunner in
            let store = try SnapshotStore(at: URL(fileURLWithPath: arguments[2]))
            return QueryRunner(ledger: try store.load(try store.resolve(asOf: nil)))
        }
        let recipient = pack.recipients[0]
        let parameters = try PackParameters.resolve(pack, recipient: recipient, latest: runner.source.latest.asOf)
        let first = try PackRenderer.render(pack, runner: runner, parameters: parameters)
        var renders: [RenderedPack] = []
        var cpu: [Double] = []
        for _ in 0..<repetitions {
            let before = cpuMilliseconds()
            renders.append(try PackRenderer.render(pack, runner: runner, parameters: parameters))
            cpu.append(cpuMilliseconds() - before)
        }
        let timings = renders.map(\.timings)
        return Report(pack: pack.name, recipient: recipient.name, pages: first.pageTitles, loadMs: loadMs, firstMs: first.timings.total,
                      totalMs: timings.map(\.total), medianMs: median(timings.map(\.total)), cpuMs: cpu, queriesMs: median(timings.map(\.queries)),
                      layoutMs: median(timings.map(\.layout)), pdfMs: median(timings.map(\.pdf)), pngMs: median(timings.map(\.png)),
                      pageMs: first.pageTitles.indices.map { page in median(timings.map { $0.pages[page] }) },
                      pdfBytes: first.pdf.count, pngBytes: first.pngs.reduce(0) { $0 + $1.count },
                      content: first.evaluated.pages.map(content))
    }

    /// User and system CPU time of the process so far.
    static func cpuMilliseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }

    static func content(_ page: EvaluatedPage) -> PageContent {
        PageContent(title: page.title, rows: page.rowWeights, columns: page.columnWeights, blocks: page.blocks.map { block in
            var out = BlockContent(row: block.row, column: block.column, rowSpan: block.rowSpan, columnSpan: block.columnSpan, kind: "")
            switch block.content {
            case let .chart(chart):
                out.kind = chart.kind.rawValue
                out.title = chart.title
                out.categories = chart.categories
                out.series = chart.series.map { [$0.name: $0.values] }
                out.tiles = chart.tiles.map { ["value": $0.value, "previous": $0.previous] }
                out.tileLabels = chart.tiles.map(\.label)
            case let .table(table):
                out.kind = "table"
                out.title = table.title
                out.header = table.header
                out.cells = table.rows
            case let .text(title, paragraphs):
                out.kind = "text"
                out.title = title
                out.paragraphs = paragraphs
            }
            return out
        })
    }
}
