import Foundation

/// What one benchmark run does: read from the JSON file that Benchmarks/run.py writes.
struct BenchPlan: Decodable {
    /// One ARQL query, timed `repetitions` times.
    struct Query: Decodable {
        var id: String
        var arql: String
        var params: [String: String]?
    }

    /// One chart: a query run once, then its chart drawn to PNG `chartRepetitions` times.
    struct ChartCase: Decodable {
        var id: String
        var arql: String
        var width: Double
        var height: Double
    }

    var queries: [Query]
    var charts: [ChartCase]
}

/// What the run measured, printed as JSON for run.py.
struct BenchReport: Encodable {
    struct Timed: Encodable {
        var id: String
        var ms: [Double]
        var medianMs: Double
        /// The query's result as CSV (for the answer checks), or the PNG size for a chart.
        var csv: String?
        var pngBytes: Int?
    }

    var reloadMs: [Double]
    var reloadMedianMs: Double
    /// The `QueryRunner(ledger:)` part of each reload.
    var runnerMs: [Double] = []
    var rssAfterLoadKB: Int
    var queries: [Timed] = []
    var charts: [Timed] = []
    var rssAfterQueriesKB: Int = 0
    var peakResidentKB: Int = 0
}
