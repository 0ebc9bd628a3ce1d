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

    static func rows(run: QueryRun, dates: [Day], columns: [MetricColumn],
                     perDate: [(values: [[MetricValue]], touched: [Bool])], forceEmptyGroup: Bool) -> [MetricTable.Row] {
        var order: [(group: Int, date: Int)] = []
        for (t, result) in perDate.enumerated() {
            for g in 0..<run.registry.count where (g < result.touched.count && result.touched[g]) || forceEmptyGroup {
                order.append((g, t))
            }
        }
        let dims = run.dimensions
        let codes = (0..<run.registry.count).map { g in dims.indices.map { run.registry.code(of: g, dimension: $0) } }
        order.sort { x, y in
            for (k, source) in dims.enumerated() {
                let a = codes[x.group][k], b = codes[y.group][k]
                if a == b { continue }
                if a < 0 || b < 0 { return b < 0 }
                return source.sortsByCode ? a < b : source.values[Int(a)] < source.values[Int(b)]
            }
            return x.date < y.date
        }
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
}
