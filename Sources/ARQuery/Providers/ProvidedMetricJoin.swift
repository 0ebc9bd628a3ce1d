import ARCore
import ARMetrics

extension QueryRunner {
    /// `query`'s table on `engine`: the engine's own metrics in one run, each provider's in one
    /// call, joined on (date, keys) with the columns in the query's order.
    func aggregate(_ query: MetricQuery, on engine: MetricEngine, strategy: EvaluationStrategy?) throws -> MetricTable {
        guard query.metrics.contains(where: { $0.provided != nil }) else {
            return try strategy.map { try engine.run(query, strategy: $0) } ?? engine.run(query)
        }
        var parts: [(metrics: [Int], table: MetricTable)] = []
        let builtIn = query.metrics.indices.filter { query.metrics[$0].provided == nil }
        if !builtIn.isEmpty {
            var sub = query
            sub.metrics = builtIn.map { query.metrics[$0] }
            parts.append((builtIn, try engine.run(sub)))
        }
        let context = MetricContext(engine: engine, runner: self)
        for provider in providers {
            let names = Set(provider.metrics.map(\.name))
            let mine = query.metrics.indices.filter { query.metrics[$0].provided.map { names.contains($0.name) } ?? false }
            guard !mine.isEmpty else { continue }
            parts.append((mine, try provider.table(for: mine.map { query.metrics[$0] }, query: query, context: context)))
        }
        return try ProvidedMetricJoin(query: query, parts: parts).table()
    }
}

/// Joins metric tables over the same dimensions and dates on (date, keys).
struct ProvidedMetricJoin {
    let query: MetricQuery
    let parts: [(metrics: [Int], table: MetricTable)]

    func table() throws -> MetricTable {
        guard let first = parts.first else { throw QueryDiagnostic.internalError("no provider for a provided metric") }
        var columns: [[MetricColumn]] = Array(repeating: [], count: query.metrics.count)
        var lookups: [[MetricRowKey: [MetricValue]]] = []
        for part in parts {
            var offset = 0
            for m in part.metrics {
                let n = query.metrics[m].columnCount
                columns[m] = Array(part.table.columns[offset..<(offset + n)])
                offset += n
            }
            lookups.append(Dictionary(part.table.rows.map { (MetricRowKey(date: $0.date, keys: $0.keys), $0.values) },
                                      uniquingKeysWith: { a, _ in a }))
        }
        let keys = Set(parts.flatMap { $0.table.rows.map { MetricRowKey(date: $0.date, keys: $0.keys) } }).sorted()
        let rows = keys.map { key in
            var values: [[MetricValue]] = Array(repeating: [], count: query.metrics.count)
            for (p, part) in parts.enumerated() {
                let found = lookups[p][key]
                var offset = 0
                for m in part.metrics {
                    let cells = columns[m].indices.map { c in found?[offset + c] ?? Self.empty(columns[m][c].kind) }
                    values[m] = cells
                    offset += columns[m].count
                }
            }
            return MetricTable.Row(date: key.date, keys: key.keys, values: values.flatMap { $0 })
        }
        return MetricTable(dimensions: query.dimensions, isSeries: query.dates.count > 1, columns: columns.flatMap { $0 },
                           rows: rows, currency: first.table.currency)
    }

    /// A group one part has and another has not: zero money and counts, else missing (as the engine).
    static func empty(_ kind: MetricValueKind) -> MetricValue {
        switch kind {
        case .money: .money(0)
        case .count: .count(0)
        default: .missing
        }
    }
}

/// A row's date and dimension keys, ordered as the engine orders rows: keys (missing last), then date.
public struct MetricRowKey: Hashable, Comparable, Sendable {
    public let date: Day
    public let keys: [String?]

    public init(date: Day, keys: [String?]) {
        self.date = date
        self.keys = keys
    }

    public static func < (a: MetricRowKey, b: MetricRowKey) -> Bool {
        for (x, y) in zip(a.keys, b.keys) where x != y {
            guard let x else { return false }
            guard let y else { return true }
            return x < y
        }
        return a.date < b.date
    }
}
