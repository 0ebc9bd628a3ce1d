import ARCore
import ARMetrics

/// `compare previous month`: each current row beside the same group's figures at the earlier
/// date, and the change. For every metric column `m`:
///
/// - money, counts and days: `m`, `m_previous`, `m_change` (the difference) and `m_change_pct`
///   (the difference over the previous value's size; empty when the previous value is zero);
/// - ratios and CEI: `m`, `m_previous` and `m_change` in percentage points (22.6 % → 26.0 % is
///   +3.4 pp, never "+14.8 %").
///
/// A group with nothing at the earlier date had zero money and counts there, and no ratio.
struct ComparisonJoin {
    let current: MetricTable
    let previous: MetricTable

    func result() -> ResultSet {
        var columns = current.dimensions.map { ResultSet.Column(name: $0.name, type: .string) }
        for column in current.columns {
            let type = ResultType(column.kind)
            columns += [.init(name: column.name, type: type), .init(name: column.name + "_previous", type: type)]
            switch column.kind {
            case .ratio, .percent: columns.append(.init(name: column.name + "_change", type: .points))
            case .money, .count, .days:
                columns += [.init(name: column.name + "_change", type: type), .init(name: column.name + "_change_pct", type: .ratio)]
            }
        }
        let before = Dictionary(previous.rows.map { ($0.keys, $0.values) }, uniquingKeysWith: { a, _ in a })
        let rows = current.rows.map { row -> [ResultValue] in
            var cells = row.keys.map { $0.map(ResultValue.string) ?? .null }
            for (c, column) in current.columns.enumerated() {
                let now = row.values[c]
                let then = before[row.keys]?[c] ?? Self.nothing(column.kind)
                cells += [ResultValue(now), ResultValue(then)] + Self.change(from: then, to: now, kind: column.kind)
            }
            return cells
        }
        return ResultSet(columns: columns, rows: rows, currency: current.currency)
    }

    /// The change cells of one metric: the difference (and its percent where it has one).
    static func change(from then: MetricValue, to now: MetricValue, kind: MetricValueKind) -> [ResultValue] {
        switch (then, now) {
        case let (.money(a), .money(b)):
            let (difference, overflow) = b.subtractingReportingOverflow(a)
            return overflow ? [.null, .null] : [.money(difference), percent(Double(b) - Double(a), of: Double(a))]
        case let (.count(a), .count(b)):
            return [.integer(Int64(b - a)), percent(Double(b - a), of: Double(a))]
        case let (.days(a), .days(b)):
            return [.number(b - a), percent(b - a, of: a)]
        case let (.ratio(a), .ratio(b)) where a.isFinite && b.isFinite:
            return [.number((b - a) * 100)]
        case let (.percent(a), .percent(b)) where a.isFinite && b.isFinite:
            return [.number(b - a)]
        default:
            return kind == .ratio || kind == .percent ? [.null] : [.null, .null]
        }
    }

    /// The value of a group with nothing at a date: zero money or count, else missing.
    private static func nothing(_ kind: MetricValueKind) -> MetricValue {
        switch kind {
        case .money: .money(0)
        case .count: .count(0)
        default: .missing
        }
    }

    private static func percent(_ difference: Double, of base: Double) -> ResultValue {
        base == 0 || !base.isFinite || !difference.isFinite ? .null : .number(difference / abs(base))
    }
}
