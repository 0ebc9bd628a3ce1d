import ARCharts
import ARPresentation
import ARQuery
import ArgumentParser
import Foundation

/// `arlens chart`: a query's result drawn to PNG, SVG or PDF.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a query's result to PNG, SVG or PDF (by the file extension).",
        discussion: """
        Without '| chart KIND' the kind follows the result: a series is a line, aging buckets a stacked
        bar, one row of figures KPI tiles. Kinds: stacked_bar, bar, horizontal_bar, line, area, donut,
        waterfall, heatmap, kpi, table.
        Examples:
          arlens chart "aging by customer_group" --out aging.png
          arlens chart "overdue_rate by entity monthly from 2025-10-31 to 2026-10-31" --out trend.svg
          arlens chart "aging by customer_group | chart heatmap" --out heat.pdf --theme dark --scale 2
        """
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The ARQL query.")
    var query: String

    @Option(name: .long, help: "Output file: .png, .svg or .pdf.")
    var out: String

    @Option(name: .long, help: "Width in pixels (points for PDF).")
    var width: Double = 900

    @Option(name: .long, help: "Height in pixels (points for PDF).")
    var height: Double = 520

    @Option(name: .long, help: "Pixel density for PNG (2 for high-DPI screens).")
    var scale: Double = 1

    @Option(name: .long, help: "light or dark.")
    var theme: Theme = .light

    @Option(name: .long, help: "A title, when the query's chart clause gives none.")
    var title: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("Binds $name to value.", valueName: "name=value"))
    var parameters: [String] = []

    func validate() throws {
        guard OutputFormat(fileExtension: String(out.split(separator: ".").last ?? "")) != nil else {
            throw ValidationError("--out must end in .png, .svg or .pdf, found '\(out)'")
        }
        guard width >= 100, height >= 100, width <= 10_000, height <= 10_000 else {
            throw ValidationError("--width and --height take 100 to 10000")
        }
        guard scale > 0, scale <= 4 else { throw ValidationError("--scale takes a number above 0, at most 4") }
    }

    func run() throws {
        let runner = try data.runner(quiet: true)
        let statements = try QueryText.compile(runner, query, parameters: QueryText.parameters(parameters))
        guard let statement = statements.last else { throw CommandFailure("the query gave no statement to chart") }
        let outcome = try QueryText.rendering(query) {
            let options = try data.queryOptions()
            return try KPIHistory.series(for: statement, runner: runner, options: options) ?? runner.execute(statement, options: options)
        }
        // The PDF's creation date is the figures' as-of date: the same query gives the same bytes
        // here and from the server (which caches and tags them).
        let context = ChartContext(currency: runner.ledger.snapshot.reportingCurrency)
        try ChartOutput.write(outcome, to: out, options: ChartOutputOptions(width: width, height: height, scale: scale,
                                                                              theme: theme, title: title, context: context))
        print("wrote \(out)")
    }
}

extension Theme: ExpressibleByArgument {}
