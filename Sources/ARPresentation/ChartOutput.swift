import ARCharts
import ARQuery
import Foundation

/// Size, density, theme and context of a chart drawn from a query outcome.
public struct ChartOutputOptions: Sendable {
    public var width: Double
    public var height: Double
    public var scale: Double
    public var theme: Theme
    public var title: String?
    /// What the chart is of: as-of date, currency, perimeter, snapshot, render time.
    public var context: ChartContext

    public init(width: Double = 900, height: Double = 520, scale: Double = 1, theme: Theme = .light, title: String? = nil,
                context: ChartContext = ChartContext()) {
        self.width = width
        self.height = height
        self.scale = scale
        self.theme = theme
        self.title = title
        self.context = context
    }

    var size: ChartSize { ChartSize(width: width, height: height, scale: scale) }
}

/// Draws the chart of a query outcome to PNG, SVG or PDF: in memory (the server, report packs)
/// or to a file (the command line, the REPL), the same bytes either way.
public enum ChartOutput {
    /// The chart of `outcome`. A metric table's own date is the as-of date when the context
    /// gives none.
    /// - Throws: `ChartOutputError` when the outcome is not a table.
    public static func chart(for outcome: QueryOutcome, options: ChartOutputOptions) throws -> Chart {
        guard case let .table(result, spec, metrics) = outcome else {
            throw ChartOutputError("only a query result can be charted, not an explain")
        }
        // What the options leave out comes from where the runner says the figures come from.
        var context = options.context.filling(from: ChartContext(result.context, currency: result.currency))
        if let metrics, !metrics.isSeries, let date = metrics.rows.first?.date { context.asOf = date }
        return ChartBuilder.chart(for: result, spec: spec, title: options.title, theme: options.theme, context: context)
    }

    /// The file's bytes: exactly what ``write(_:to:options:)`` puts in the file.
    /// - Throws: `ChartOutputError` when the outcome is not a table, or the renderer's error.
    public static func render(_ outcome: QueryOutcome, format: OutputFormat, options: ChartOutputOptions) throws -> [UInt8] {
        try ChartRenderer.render(chart(for: outcome, options: options), format: format, size: options.size)
    }

    /// Writes the chart to `path`, the format taken from its extension (.png, .svg, .pdf).
    /// - Throws: `ChartOutputError` when the outcome is not a table, or the renderer's error.
    public static func write(_ outcome: QueryOutcome, to path: String, options: ChartOutputOptions) throws {
        try ChartRenderer.write(chart(for: outcome, options: options), to: URL(fileURLWithPath: path), size: options.size)
    }
}

/// Why a chart could not be written.
public struct ChartOutputError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
