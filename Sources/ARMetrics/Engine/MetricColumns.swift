import ARCore
import ARStore

/// Column naming and the assembly of result rows.
enum MetricColumns {
    /// The columns of one request: one, or one per bucket for `aging`.
    static func columns(for request: MetricRequest) -> [MetricColumn] {
        if request.kind == .aging { return request.aging.bucketNames.map { MetricColumn(name: $0, kind: .money) } }
        var parameters: [String] = []
        if request.kind == .dso, request.dsoMethod == .countback { parameters.append("method: countback") }
        if request.kind.coversPeriod, let period = request.period { parameters.append("period: \(period)") }
        if request.kind == .promiseKeptRate, request.graceDays != 0 { parameters.append("grace: \(request.graceDays)") }
        if request.kind == .penalties, request.penalties != .eu { parameters.append(penaltyName(request.penalties)) }
        if !request.weighted, request.kind.takesWeighting { parameters.append("weighted: false") }
        let name = parameters.isEmpty ? request.kind.name : "\(request.kind.name)(\(parameters.joined(separator: ", ")))"
        return [MetricColumn(name: name, kind: request.kind.valueKind)]
    }

    /// `rules: fr`, `rules: uk`, or the rules' own terms: every column of a result has its own name.
    static func penaltyName(_ rules: PenaltyRules) -> String {
        if rules == .france { return "rules: fr" }
        if rules == .uk { return "rules: uk" }
        let fixed = switch rules.fixedSum {
        case let .flat(amount): MinorUnits.format(amount, digits: rules.fixedCurrency.minorDigits)
        case .tiers: "tiers"
        }
        return "rate: \(rules.referenceRatePercent), margin: \(rules.marginPercent), fixed: \(fixed) \(rules.fixedCurrency.code), "
            + "basis: \(rules.dayCountBasis)"
    }

    /// The value of a group that had nothing at a date: zero money or count, else missing.
    static func empty(_ kind: MetricValueKind) -> MetricValue {
        switch kind {
        case .money: .money(0)
        case .count: .count(0)
        default: .missing
        }
    }

    /// The rows of the groups touched at each date: groups in key order (values sorted, buckets
    /// in bucket order, missing last), each group's dates in order.
    /// - Throws: ``MetricError`` `memory` when the rows cannot fit, or the query's stop.
    static func rows(run: QueryRun, dates: [Day], columns: [MetricColumn],
                     perDate: [(values: [[MetricValue]], touched: [Bool])], forceEmptyGroup: Bool) throws(MetricError) -> [MetricTable.Row] {
        let dims = run.dimensions
        let codes = (0..<run.registry.count).map { g in dims.indices.map { run.registry.code(of: g, dimension: $0) } }
        // Sorting the groups once (not every group × date pair) with each value's rank in hand.
        var groups = Array(0..<run.registry.count)
        let ranks = dims.map { source in source.sortsByCode ? nil : Self.ranks(of: source.values) }
        try groups.sort(polling: run.stop) { x, y in
            for k in dims.indices {
                let a = codes[x][k], b = codes[y][k]
                if a == b { continue }
                if a < 0 || b < 0 { return b < 0 }
                return ranks[k].map { $0[Int(a)] < $0[Int(b)] } ?? (a < b)
            }
            return x < y
        }
        var order: [(group: Int, date: Int)] = []
        for g in groups {
            try run.stop.poll(row: g)
            for (t, result) in perDate.enumerated() where (g < result.touched.count && result.touched[g]) || forceEmptyGroup {
                order.append((g, t))
            }
        }
        try WorkMemory.require(WorkMemory.rowBytes(count: order.count, dimensions: dims.count, columns: columns.count),
                               for: "a result of \(order.count) rows")
        return order.map { g, t in
            let keys = dims.indices.map { k -> String? in
                let c = codes[g][k]
                return c < 0 ? nil : dims[k].values[Int(c)]
            }
            let values = columns.indices.map { c in
                let column = perDate[t].values[c]
                return g < column.count ? column[g] : empty(columns[c].kind)
            }
            return MetricTable.Row(date: dates[t], keys: keys, values: values)
        }
    }

    /// The position of each value among the values sorted as text.
    static func ranks(of values: [String]) -> [Int32] {
        var rank = [Int32](repeating: 0, count: values.count)
        for (position, code) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() { rank[code] = Int32(position) }
        return rank
    }
}
