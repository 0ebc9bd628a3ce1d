import ARCore
import ARMetrics

/// The figures of metrics.md as SQL plans over `items`, `perim` and the flow tables.
extension SQLQueryBuilder {
    // MARK: - Sources

    /// Open items at each as-of date (or at another date of `evals`).
    func balanceSource(at day: String = "dt.dn") -> String { "items s JOIN dates dt ON s.e = \(day)" }

    /// Documents of the perimeter issued in the period ending on each as-of date, with the rate of
    /// their issue date as `fr` (converted only when selected: a document outside every period
    /// needs no rate).
    func salesSource(_ period: PeriodLength) -> String {
        "perim s JOIN dates dt ON s.e = dt.dn \(rateJoin("fr", currency: "s.currency", day: "s.issue")) "
            + "WHERE s.src = 'doc' AND s.issue > \(periodStart(period)) AND s.issue <= dt.dn"
    }

    /// A document's gross amount at its issue date's rate (`fr`).
    var issueAmount: String { converted("s.amount_src", currency: "s.currency", rate: "fr", day: "s.issue") }

    var signedSales: String { "CASE WHEN s.type = 'credit_note' THEN -\(issueAmount) ELSE \(issueAmount) END" }

    // MARK: - Plans

    /// The plan of one metric request.
    func plan(_ request: MetricRequest) throws(SQLCompileError) -> SQLMetricPlan {
        let name = columnName(request)
        let bal = balanceSource()
        let p = SQLMetricPlan.partial
        func money(_ partial: Int = 0) -> String { "COALESCE(\(p(partial)), 0)" }
        func single(_ from: String, _ value: String) -> SQLMetricPlan {
            SQLMetricPlan(aggregates: [.sum], parts: [.init(from: from, keys: keys("s"), values: [value])],
                          outputs: [(name, money())])
        }
        let period = request.effectivePeriod ?? .months(1)
        if let cash = cashPlan(request, name: name, period: period) { return cash }
        switch request.kind {
        case .ar: return single(bal, "s.open_rep")
        case .current: return single(bal, "CASE WHEN s.dpd <= 0 THEN s.open_rep ELSE 0 END")
        case .overdue: return single(bal, "CASE WHEN s.dpd > 0 THEN s.open_rep ELSE 0 END")
        case .disputed: return single(bal, "s.disputed_rep")
        case .count: return single(bal, "1")
        case .sales: return single(salesSource(period), signedSales)
        case .penalties: return single(try penaltySource(request.penalties), "s.penalty")
        case .customers:
            return SQLMetricPlan(aggregates: [.countDistinct], parts: [.init(from: bal, keys: keys("s"), values: ["s.customer"])],
                                 outputs: [(name, money())])
        case .overdueRate:
            return SQLMetricPlan(aggregates: [.sum, .sum],
                                 parts: [.init(from: bal, keys: keys("s"), values: ["CASE WHEN s.dpd > 0 THEN s.open_rep ELSE 0 END", "s.open_rep"])],
                                 outputs: [(name, ratio(p(0), p(1)))])
        case .aging: return agingPlan(request.aging)
        case .dso, .bpdso, .add: return dsoPlan(request, name: name, period: period)
        case .cei: return ceiPlan(name: name, period: period)
        case .writeOffs:
            return single(writeOffSource(period), writeOffAmount)
        case .badDebtRate:
            return SQLMetricPlan(aggregates: [.sum, .sum], parts: [
                .init(from: writeOffSource(period), keys: keys("s"), values: [writeOffAmount, nil]),
                .init(from: salesSource(period), keys: keys("s"), values: [nil, signedSales]),
            ], outputs: [(name, ratio(p(0), p(1)))])
        case .daysToPay, .daysLate: return paymentDaysPlan(request.kind, name: name, period: period)
        case .disputeDays, .openDisputes: return disputePlan(request.kind, name: name, period: period)
        case .promiseKeptRate: return promisePlan(name: name, period: period, graceDays: request.graceDays)
        case .collections, .collectionsRate, .disputesOpened, .disputesResolved, .disputedOpened, .paidLateRate, .paidOnTimeRate:
            throw SQLCompileError("no SQL plan for '\(request.kind.name)'")   // answered by `cashPlan` above
        }
    }

    /// `numerator / denominator` as a floating-point ratio, missing over zero.
    func ratio(_ numerator: String, _ denominator: String) -> String {
        "CASE WHEN COALESCE(\(denominator), 0) = 0 THEN NULL ELSE \(dialect.real("COALESCE(\(numerator), 0)")) / \(denominator) END"
    }

    /// The display name of a request's column: its ARQL name with the parameters it was given.
    func columnName(_ request: MetricRequest) -> String {
        var parameters: [String] = []
        if let period = request.period { parameters.append("period: \(period)") }
        if request.kind == .dso, request.dsoMethod == .countback { parameters.append("method: countback") }
        if request.kind == .promiseKeptRate, request.graceDays != 0 { parameters.append("grace: \(request.graceDays)") }
        if request.kind.takesWeighting, !request.weighted { parameters.append("weighted: false") }
        return parameters.isEmpty ? request.kind.name : "\(request.kind.name)(\(parameters.joined(separator: ", ")))"
    }

    private func agingPlan(_ spec: AgingSpec) -> SQLMetricPlan {
        let days = spec.basis == .dueDate ? "s.dpd" : "s.age"
        let names = spec.bucketNames
        let values = names.indices.map { "CASE WHEN \(bucketCondition(spec, index: $0, days: days)) THEN s.open_rep ELSE 0 END" }
        return SQLMetricPlan(aggregates: names.map { _ in .sum },
                             parts: [.init(from: balanceSource(), keys: keys("s"), values: values)],
                             outputs: names.indices.map { (names[$0], "COALESCE(\(SQLMetricPlan.partial($0)), 0)") })
    }

    /// Standard DSO, best possible DSO and ADD: balances over sales × P. (Count-back DSO has its own plan.)
    private func dsoPlan(_ request: MetricRequest, name: String, period: PeriodLength) -> SQLMetricPlan {
        let p = SQLMetricPlan.partial
        let days = periodDays(period)
        let bal = SQLMetricPlan.Part(from: balanceSource(), keys: keys("s"),
                                     values: ["s.open_rep", "CASE WHEN s.dpd <= 0 THEN s.open_rep ELSE 0 END", nil])
        let sales = SQLMetricPlan.Part(from: salesSource(period), keys: keys("s"), values: [nil, nil, signedSales])
        let dso = "(\(ratio(p(0), p(2))) * \(days))"
        let best = "(\(ratio(p(1), p(2))) * \(days))"
        let output = switch request.kind {
        case .bpdso: best
        // As the Swift engine: overdue / sales × P, the same number without the subtraction's rounding.
        case .add: "(\(ratio("(COALESCE(\(p(0)), 0) - COALESCE(\(p(1)), 0))", p(2))) * \(days))"
        default: dso
        }
        return SQLMetricPlan(aggregates: [.sum, .sum, .sum], parts: [bal, sales], outputs: [(name, output)])
    }

    /// CEI over `(a, b]` spanning N months: N = k for `k months`, n / 30 for `n days`; the
    /// fraction is cleared in integers before the one division.
    private func ceiPlan(name: String, period: PeriodLength) -> SQLMetricPlan {
        let p = SQLMetricPlan.partial
        let (n, perMonth): (Int, Int) = switch period {
        case let .months(k): (k, 1)
        case let .days(k): (k, 30)
        }
        let start = periodStart(period)
        let parts: [SQLMetricPlan.Part] = [
            .init(from: balanceSource(at: start), keys: keys("s"), values: ["s.open_rep", nil, nil, nil]),
            .init(from: salesSource(period), keys: keys("s"), values: [nil, signedSales, nil, nil]),
            .init(from: balanceSource(), keys: keys("s"),
                  values: [nil, nil, "s.open_rep", "CASE WHEN s.dpd <= 0 THEN s.open_rep ELSE 0 END"]),
        ]
        let opening = "\(n) * COALESCE(\(p(0)), 0) + \(perMonth) * COALESCE(\(p(1)), 0)"
        let collected = "(\(opening) - \(n) * COALESCE(\(p(2)), 0))"
        let collectible = "(\(opening) - \(n) * COALESCE(\(p(3)), 0))"
        return SQLMetricPlan(aggregates: [.sum, .sum, .sum, .sum], parts: parts,
                             outputs: [(name, "(\(ratio(collected, collectible)) * 100)")])
    }

    /// Write-offs of the perimeter's documents dated in the period, with their date's rate as `wr`.
    private func writeOffSource(_ period: PeriodLength) -> String {
        "wo0 w JOIN perim s ON s.rid = w.doc_rid AND s.src = 'doc' JOIN dates dt ON s.e = dt.dn "
            + "\(rateJoin("wr", currency: "w.currency", day: "w.day")) WHERE w.day > \(periodStart(period)) AND w.day <= dt.dn"
    }

    private var writeOffAmount: String { converted("w.amount_src", currency: "w.currency", rate: "wr", day: "w.day") }

    /// Days to pay and days late: averages over invoices cleared in the period, weighted by the
    /// invoice amount at its issue date's rate.
    private func paymentDaysPlan(_ kind: MetricKind, name: String, period: PeriodLength) -> SQLMetricPlan {
        let from = "perim s JOIN dates dt ON s.e = dt.dn \(rateJoin("fr", currency: "s.currency", day: "s.issue")) "
            + "WHERE s.src = 'doc' AND s.type = 'invoice' AND s.clear > \(periodStart(period)) AND s.clear <= dt.dn"
        let days = kind == .daysToPay ? "(s.clear - s.issue)" : dialect.greatest("0", "s.clear - s.due")
        return SQLMetricPlan(aggregates: [.sum, .sum], parts: [.init(from: from, keys: keys("s"), values: ["\(issueAmount) * \(days)", issueAmount])],
                             outputs: [(name, ratio(SQLMetricPlan.partial(0), SQLMetricPlan.partial(1)))])
    }

    /// Dispute resolution days (mean over disputes resolved in the period) and open disputes at
    /// the as-of date (counted one by one); the reason dimension is the dispute's own.
    private func disputePlan(_ kind: MetricKind, name: String, period: PeriodLength) -> SQLMetricPlan {
        let join = "disp x JOIN perim s ON s.rid = x.doc_rid AND s.src = 'doc' JOIN dates dt ON s.e = dt.dn WHERE "
        let k = keys("s", overrides: [.disputeReason: "x.reason"])
        if kind == .openDisputes {
            let from = join + "x.opened <= dt.dn AND (x.resolved IS NULL OR x.resolved > dt.dn)"
            return SQLMetricPlan(aggregates: [.sum], parts: [.init(from: from, keys: k, values: ["1"])],
                                 outputs: [(name, "COALESCE(\(SQLMetricPlan.partial(0)), 0)")])
        }
        let from = join + "x.resolved > \(periodStart(period)) AND x.resolved <= dt.dn"
        return SQLMetricPlan(aggregates: [.sum, .sum], parts: [.init(from: from, keys: k, values: ["x.resolved - x.opened", "1"])],
                             outputs: [(name, ratio(SQLMetricPlan.partial(0), SQLMetricPlan.partial(1)))])
    }
}
