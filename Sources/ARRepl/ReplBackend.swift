import ARCore

/// What the REPL needs from the query engine: run a statement, chart a result, and the
/// vocabulary for completion. The `arlens` executable implements it over ARQuery and ARMetrics;
/// tests implement it with a small fake.
public protocol ReplBackend: Sendable {
    /// Runs one ARQL statement and renders its result.
    ///
    /// - Parameters:
    ///   - statement: the statement text, without its trailing `;`.
    ///   - parameters: the values of `$NAME` parameters set with `.param set`.
    ///   - format: how to render the rows.
    ///   - maxRows: render at most this many rows (`nil`: all). `ReplResult.rowCount` still
    ///     counts every row, so the REPL can say how many were left out.
    ///   - cancellation: checked by the engine between batches; when it is cancelled the
    ///     engine stops and throws `ReplCancelled`.
    /// - Returns: the rendered rows.
    /// - Throws: an error whose `description` is the full rendered diagnostic (the query line,
    ///   a caret under the token, a `help:` line), or `ReplCancelled`.
    func run(_ statement: String, parameters: [String: String], format: ReplFormat,
             maxRows: Int?, cancellation: CancellationToken) throws -> ReplResult

    /// Charts the result of `lastStatement` into `path` (the extension picks PNG, SVG or PDF).
    ///
    /// - Parameter payload: the `chartPayload` of the last result, when the engine gave one,
    ///   so that the statement need not run again.
    /// - Throws: an error whose `description` says what went wrong.
    func chart(lastStatement: String, parameters: [String: String], payload: ReplChartPayload?,
               to path: String) throws

    /// Words offered by Tab completion and listed by `.metrics` and `.dims`.
    var completionWords: CompletionWords { get }

    /// A few lines describing the snapshots of the open data (for `.snapshots`).
    func describeSnapshots() -> String

    /// Opens another store or snapshot folder (for `.open DATA`).
    /// - Throws: an error whose `description` is a one-line message saying what would fix it.
    func open(_ data: String) throws -> any ReplBackend
}

/// How result rows are rendered.
public enum ReplFormat: String, Sendable, CaseIterable {
    /// Aligned columns with a header, for people.
    case table
    /// RFC 4180 CSV with a header line.
    case csv
    /// A JSON array of objects.
    case json
}

/// A rendered result.
public struct ReplResult: Sendable {
    /// The rendered rows (at most `maxRows` of them), ending with a newline.
    public var text: String
    /// How many rows the result has in all.
    public var rowCount: Int
    /// How many of them `text` shows.
    public var renderedRowCount: Int
    /// What `.chart` can draw without running the statement again, when the result can be charted.
    public var chartPayload: ReplChartPayload?

    public init(text: String, rowCount: Int, renderedRowCount: Int? = nil, chartPayload: ReplChartPayload? = nil) {
        self.text = text
        self.rowCount = rowCount
        self.renderedRowCount = renderedRowCount ?? rowCount
        self.chartPayload = chartPayload
    }
}

/// An opaque handle on a result, kept by the session and handed back to `ReplBackend.chart`.
public struct ReplChartPayload: Sendable {
    /// Whatever the engine needs to draw the chart (a metric table, say).
    public var value: any Sendable
    public init(_ value: any Sendable) { self.value = value }
}

/// The vocabulary of the open data, for completion and for `.metrics` / `.dims`.
public struct CompletionWords: Sendable, Equatable {
    /// A named thing with a one-line description.
    public struct Described: Sendable, Equatable {
        public var name: String
        public var description: String
        public init(_ name: String, _ description: String) {
            self.name = name
            self.description = description
        }
    }

    /// Language keywords (`by`, `where`, `order`, `limit`, `monthly`, …).
    public var keywords: [String]
    public var metrics: [Described]
    public var dimensions: [Described]
    /// Known values per dimension name (`customer`: customer names, `region`: regions, …).
    public var dimensionValues: [String: [String]]
    /// Names of parameters the engine knows of, without `$` (set ones are added by the session).
    public var parameters: [String]

    public init(keywords: [String] = [], metrics: [Described] = [], dimensions: [Described] = [],
                dimensionValues: [String: [String]] = [:], parameters: [String] = []) {
        self.keywords = keywords
        self.metrics = metrics
        self.dimensions = dimensions
        self.dimensionValues = dimensionValues
        self.parameters = parameters
    }
}
