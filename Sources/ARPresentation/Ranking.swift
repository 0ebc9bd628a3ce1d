/// Rows of a result ranked by their first value (or their total), to keep the largest when
/// there are too many to draw, the rest summed in "Other" when the values add up.
struct Ranking {
    let labels: [String]
    /// `values[series][row]`.
    let values: [[Double?]]
    /// Rank by the sum of a row's values (stacks) rather than by its first value.
    let byTotal: Bool
    /// Whether values add up across rows (money, counts), so that "Other" can sum them.
    let additive: Bool

    /// The rows kept, and how many were left out.
    struct Kept {
        var labels: [String]
        var values: [[Double?]]
        var hidden: Int
        var summed: Bool

        /// "The 15 largest of 28 by total; the other 13 summed in 'Other (13)'", nil when all are shown.
        func note(of count: Int, by measure: String?) -> String? {
            guard hidden > 0 else { return nil }
            let by = measure.map { " by \($0)" } ?? ""
            let shown = count - hidden
            return "The \(shown) largest of \(count)\(by); the other \(hidden) "
                + (summed ? "summed in 'Other (\(hidden))'" : "not shown")
        }
    }

    func score(_ row: Int) -> Double {
        guard byTotal else { return values.first.flatMap { $0[row] } ?? -.infinity }
        return values.reduce(0) { $0 + ($1[row] ?? 0) }
    }

    /// At most `count` rows, the largest first when `sorted` (else in their own order), plus an
    /// "Other" row summing the rest when the values add up.
    func top(_ count: Int, sorted: Bool) -> Kept {
        let scores = labels.indices.map(score)
        let ranked = labels.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        guard labels.count > count else {
            let order = sorted ? ranked : Array(labels.indices)
            return Kept(labels: order.map { labels[$0] }, values: values.map { v in order.map { v[$0] } }, hidden: 0, summed: false)
        }
        let kept = sorted ? Array(ranked.prefix(count)) : ranked.prefix(count).sorted()
        let rest = ranked.dropFirst(count)
        var out = Kept(labels: kept.map { labels[$0] }, values: values.map { v in kept.map { v[$0] } },
                       hidden: rest.count, summed: additive)
        if additive {
            out.labels.append("Other (\(rest.count))")
            for (s, series) in values.enumerated() {
                let present = rest.compactMap { series[$0] }
                out.values[s].append(present.isEmpty ? nil : present.reduce(0, +))
            }
        }
        return out
    }
}
