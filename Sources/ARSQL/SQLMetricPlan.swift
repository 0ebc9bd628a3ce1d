/// How one metric is computed: partial sums gathered from one or more sources, grouped by the
/// query's keys and date, then combined into the metric's output columns (ratios last).
struct SQLMetricPlan {
    /// One source of rows: `SELECT keys, dt.k, values FROM from`.
    struct Part {
        /// `FROM …` and `WHERE …` text; it must bind the date row as `dt`.
        var from: String
        var keys: [String]
        /// One expression per partial; `nil` for partials this source does not feed.
        var values: [String?]
    }

    /// The aggregate of each partial: `sum`, or `count(DISTINCT` for distinct counts.
    var aggregates: [Aggregate]
    var parts: [Part]
    /// Output columns: display name and an expression over `$m.p0, $m.p1, …` and the date row `dt`.
    var outputs: [(name: String, expression: String)]

    enum Aggregate { case sum, countDistinct }

    /// The partial `index` of the plan's CTE `m`, as an expression.
    static func partial(_ index: Int) -> String { "$m.p\(index)" }
}
