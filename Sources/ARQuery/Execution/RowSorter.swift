import ARMetrics

/// Orders metric rows by the statement's `order by` keys, stably (ties keep the engine's order).
/// Missing values and `(none)` keys sort last in either direction. A series is grouped by date
/// first unless the keys name `date`.
struct RowSorter {
    let keys: [SortKey]
    private let columnOfMetric: [Int]

    init(statement: MetricStatement) {
        var keys = statement.order
        let namesDate = keys.contains { if case .date = $0 { true } else { false } }
        if statement.query.dates.count > 1, !namesDate { keys.insert(.date(descending: false), at: 0) }
        self.keys = keys
        columnOfMetric = statement.query.metrics.indices.map { statement.columns(ofMetric: $0).lowerBound }
    }

    func sorted(_ rows: [MetricTable.Row]) -> [MetricTable.Row] {
        guard !keys.isEmpty else { return rows }
        let order = rows.indices.sorted { a, b in
            for key in keys {
                let c = compare(rows[a], rows[b], by: key)
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        return order.map { rows[$0] }
    }

    /// -1, 0 or 1: whether `a` comes before, with or after `b` under `key`.
    private func compare(_ a: MetricTable.Row, _ b: MetricTable.Row, by key: SortKey) -> Int {
        switch key {
        case let .date(descending):
            return RowSorter.directed(RowSorter.order(a.date, b.date), descending)
        case let .dimension(i, descending):
            guard let x = a.keys[i], let y = b.keys[i] else { return RowSorter.missingLast(a.keys[i] == nil, b.keys[i] == nil) }
            return RowSorter.directed(RowSorter.order(x, y), descending)
        case let .metric(m, descending):
            let column = columnOfMetric[m]
            guard let x = RowSorter.number(a.values[column]), let y = RowSorter.number(b.values[column]) else {
                return RowSorter.missingLast(RowSorter.number(a.values[column]) == nil, RowSorter.number(b.values[column]) == nil)
            }
            return RowSorter.directed(x.compared(to: y), descending)
        }
    }

    /// A sortable form of a value: money stays exact as an integer.
    private enum Number {
        case exact(Int64), approximate(Double)
        func compared(to other: Number) -> Int {
            switch (self, other) {
            case let (.exact(a), .exact(b)): RowSorter.order(a, b)
            case let (.approximate(a), .approximate(b)): RowSorter.order(a, b)
            case let (.exact(a), .approximate(b)): RowSorter.order(Double(a), b)
            case let (.approximate(a), .exact(b)): RowSorter.order(a, Double(b))
            }
        }
    }

    private static func number(_ value: MetricValue) -> Number? {
        switch value {
        case let .money(m): .exact(m)
        case let .count(n): .exact(Int64(n))
        case let .ratio(x), let .days(x), let .percent(x): x.isNaN ? nil : .approximate(x)
        case .missing: nil
        }
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a == b ? 0 : 1 }
    private static func directed(_ c: Int, _ descending: Bool) -> Int { descending ? -c : c }
    private static func missingLast(_ aMissing: Bool, _ bMissing: Bool) -> Int {
        aMissing == bMissing ? 0 : aMissing ? 1 : -1
    }
}
