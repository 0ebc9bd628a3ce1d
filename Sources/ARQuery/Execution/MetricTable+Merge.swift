import ARCore
import ARMetrics

extension MetricTable {
    /// The parts of one series computed on different snapshots, as one table: rows ordered as the
    /// engine orders them (by dimension keys — buckets in bucket order, other values as text,
    /// missing last — then by date).
    ///
    /// - Parameter bucketNames: the names of the `bucket` dimension's values, in order.
    static func merged(_ parts: [MetricTable], bucketNames: [String]) -> MetricTable {
        guard var merged = parts.first else { preconditionFailure("a merge of no tables") }
        guard parts.count > 1 else { return merged }
        merged.isSeries = true
        // Each part's rows are already in this order and the parts come in date order, so a
        // stable sort on the keys alone keeps the dates increasing within a group.
        let rows = parts.flatMap(\.rows)
        let bucketRank = Dictionary(bucketNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let order = rows.indices.sorted { a, b in
            for (k, dimension) in merged.dimensions.enumerated() {
                let x = rows[a].keys[k], y = rows[b].keys[k]
                if x == y { continue }
                guard let x, let y else { return y == nil }
                if dimension == .bucket, let rx = bucketRank[x], let ry = bucketRank[y] { return rx < ry }
                return x < y
            }
            return (rows[a].date, a) < (rows[b].date, b)
        }
        merged.rows = order.map { rows[$0] }
        return merged
    }
}
