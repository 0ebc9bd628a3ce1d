import ARCharts
import ARQuery
import Foundation

/// Size, density and theme of a chart written to a file.
public struct ChartOutputOptions: Sendable {
    public var width: Double
    public var height: Double
    public var scale: Double
    public var theme: Theme
    public var title: String?

    public init(width: Double = 900, height: Double = 520, scale: Double = 1, theme: Theme = .light, title: String? = nil) {
        self.width = width
        self.height = height
        self.scale = scale
        self.theme = theme
        self.title = title
    }
}

/// Writes the chart of a query outcome to PNG, SVG or PDF (by the file's extension).
public enum ChartOutput {
    /// - Throws: `ChartOutputError` when the outcome is not a table, or the renderer's error.
    public static func write(_ outcome: QueryOutcome, to path: String, options: ChartOutputOptions) throws {
        guard case let .table(result, spec, _) = outcome else {
            throw ChartOutputError("only a query result can be charted, not an explain")
        }
        let chart = ChartBuilder.chart(for: result, spec: spec, title: options.title, theme: options.theme)
        try ChartRenderer.write(chart, to: URL(fileURLWithPath: path),
                                size: ChartSize(width: options.width, height: options.height, scale: options.scale))
    }
}

/// Why a chart could not be written.
public struct ChartOutputError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
