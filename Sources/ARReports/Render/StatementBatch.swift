import ARCore
import ARMetrics
import ARQuery

/// The statements of a pack answered together: statements without `by` that differ only by their
/// metrics — the figures of a text (`{{ ar }}`, `{{ dso }}`), or a DSO trend and a write-off trend
/// over the same month ends — become one statement of all their metrics, run once through the
/// runner. Each statement then finds its columns in the results the render keeps, as if it had
/// run alone: the engine computes each metric of a statement on its own, and without `by` the
/// rows are the dates alone, so the figures are the same (tested against each run alone). The
/// passes over the ledger at each date are shared.
struct StatementBatch {
    /// What statements must share to be answered together.
    struct Key: Hashable {
        var filter: ItemPredicate?
        var dates: [Day]
        var currency: Currency?
    }

    private var groups: [Key: [(bound: BoundStatement, metrics: [MetricRequest], answers: UseRecorder.ResultKey)]] = [:]
    private var order: [Key] = []

    /// Adds a statement if it has nothing but metrics, a filter, dates and a currency; its result
    /// is kept under `key` (its own statement by default).
    mutating func add(_ statement: CompiledStatement, answering key: UseRecorder.ResultKey? = nil) {
        guard case let .metrics(s) = statement.bound, s.shownMetricCount == s.query.metrics.count, s.query.dimensions.isEmpty,
              !s.query.metrics.contains(where: { $0.kind == .aging }), s.having == nil, s.order.isEmpty, s.limit == nil,
              s.projection == nil, s.comparison == nil else { return }
        let group = Key(filter: s.query.filter, dates: s.query.dates, currency: s.query.currency)
        let answers = key ?? UseRecorder.ResultKey(statement: statement.bound, kpi: false)
        if groups[group] == nil { order.append(group) }
        if !groups[group, default: []].contains(where: { $0.answers == answers }) {
            groups[group, default: []].append((statement.bound, s.query.metrics, answers))
        }
    }

    /// Adds the monthly history a KPI statement is charted from (what ``KPIHistory`` runs: its
    /// figures at 13 month steps ending on its date, from the ledger's first issue day on), so that
    /// it shares the passes of the pack's other trends over the same month ends.
    mutating func addHistory(of statement: CompiledStatement, firstIssue: Day?) {
        guard case var .metrics(s) = statement.bound, s.query.dimensions.isEmpty, s.query.dates.count == 1, s.shownMetricCount <= 4,
              s.query.metrics.allSatisfy({ $0.kind != .aging }), s.chart?.kind == nil || s.chart?.kind == .kpi else { return }
        let end = s.query.dates[0]
        s.query.dates = (0...12).reversed().map { end.adding(months: -$0) }.filter { $0 >= (firstIssue ?? end) }
        s.chart = nil
        add(CompiledStatement(bound: .metrics(s), span: statement.span), answering: UseRecorder.ResultKey(statement: statement.bound, kpi: true))
    }

    /// The statements to run, each with the results it answers and their columns in its result.
    func merged() -> [(statement: CompiledStatement, answers: [(UseRecorder.ResultKey, columns: [Int])])] {
        order.compactMap { key -> (statement: CompiledStatement, answers: [(UseRecorder.ResultKey, columns: [Int])])? in
            let members = groups[key]!
            guard members.count > 1 else { return nil }
            var metrics: [MetricRequest] = []
            for member in members { for metric in member.metrics where !metrics.contains(metric) { metrics.append(metric) } }
            let query = MetricQuery(metrics: metrics, filter: key.filter, dates: key.dates, currency: key.currency)
            let statement = CompiledStatement(bound: .metrics(MetricStatement(query: query, shownMetricCount: metrics.count)),
                                              span: SourceSpan(start: 0, end: 0))
            // A series puts its date first; then one column per metric, in the merged order.
            let offset = key.dates.count > 1 ? 1 : 0
            return (statement, members.map { member in
                (member.answers, Array(0..<offset) + member.metrics.map { metrics.firstIndex(of: $0)! + offset })
            })
        }
    }
}

extension ResultSet {
    /// The result holding the columns at `indices` alone, in that order.
    func columns(_ indices: [Int]) -> ResultSet {
        ResultSet(columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } }, currency: currency, context: context)
    }
}
