import ARCore
import ARMetrics

/// Collections, invoices cleared counted one by one, and disputes opened or resolved in a period
/// (docs/metrics-notes.md), as SQL plans.
extension SQLQueryBuilder {
    /// The plan of a metric of this file; `nil` for the others.
    func cashPlan(_ request: MetricRequest, name: String, period: PeriodLength) -> SQLMetricPlan? {
        let p = SQLMetricPlan.partial
        if request.kind.takesWeighting && request.weighted { return nil }
        switch request.kind {
        case .collections:
            return SQLMetricPlan(aggregates: [.sum], parts: collectionParts(period, slot: 0, of: 1),
                                 outputs: [(name, "COALESCE(\(p(0)), 0)")])
        case .collectionsRate:
            let opening = SQLMetricPlan.Part(from: balanceSource(at: periodStart(period)), keys: keys("s"), values: [nil, "s.open_rep"])
            return SQLMetricPlan(aggregates: [.sum, .sum], parts: collectionParts(period, slot: 0, of: 2) + [opening],
                                 outputs: [(name, ratio(p(0), p(1)))])
        case .daysToPay, .daysLate, .paidLateRate, .paidOnTimeRate:
            let value = switch request.kind {
            case .daysToPay: "(s.clear - s.issue)"
            case .daysLate: dialect.greatest("0", "s.clear - s.due")
            case .paidLateRate: "CASE WHEN s.clear > s.due THEN 1 ELSE 0 END"
            default: "CASE WHEN s.clear > s.due THEN 0 ELSE 1 END"
            }
            return SQLMetricPlan(aggregates: [.sum, .sum], parts: [.init(from: clearedSource(period), keys: keys("s"), values: [value, "1"])],
                                 outputs: [(name, ratio(p(0), p(1)))])
        case .disputesOpened, .disputesResolved, .disputedOpened:
            let day = request.kind == .disputesResolved ? "x.resolved" : "x.opened"
            let from = "disp x JOIN perim s ON s.rid = x.doc_rid AND s.src = 'doc' JOIN dates dt ON s.e = dt.dn "
                + (request.kind == .disputedOpened ? rateJoin("dr", currency: "s.currency", day: "x.opened") + " " : "")
                + "WHERE \(day) > \(periodStart(period)) AND \(day) <= dt.dn"
            let value = request.kind == .disputedOpened
                ? converted("COALESCE(x.amount_src, \(openAtOpening))", currency: "s.currency", rate: "dr", day: "x.opened") : "1"
            return SQLMetricPlan(aggregates: [.sum], parts: [.init(from: from, keys: keys("s", overrides: [.disputeReason: "x.reason"]),
                                                                   values: [value])],
                                 outputs: [(name, "COALESCE(\(p(0)), 0)")])
        default:
            return nil
        }
    }

    /// Invoices of the perimeter cleared in the period ending on each as-of date.
    func clearedSource(_ period: PeriodLength) -> String {
        "perim s JOIN dates dt ON s.e = dt.dn WHERE s.src = 'doc' AND s.type = 'invoice' "
            + "AND s.clear > \(periodStart(period)) AND s.clear <= dt.dn"
    }

    /// Payment rows dated in the period, at their own date's rate, in the group of the item they
    /// settle: a document (negative for a credit note) or, unallocated, the cash item itself.
    /// The collected amount is partial `slot` of `count`.
    private func collectionParts(_ period: PeriodLength, slot: Int, of count: Int) -> [SQLMetricPlan.Part] {
        let amount = converted("a.amount_src", currency: "a.currency", rate: "pr", day: "a.day")
        let when = "\(rateJoin("pr", currency: "a.currency", day: "a.day")) WHERE a.day > \(periodStart(period)) AND a.day <= dt.dn"
        func values(_ value: String) -> [String?] { (0..<count).map { $0 == slot ? value : nil } }
        return [
            .init(from: "pays a JOIN perim s ON s.src = 'doc' AND s.id = a.doc JOIN dates dt ON s.e = dt.dn \(when)", keys: keys("s"),
                  values: values("CASE WHEN s.type = 'credit_note' THEN -\(amount) ELSE \(amount) END")),
            .init(from: "pays a JOIN perim s ON s.src = 'cash' AND s.rid = a.rid JOIN dates dt ON s.e = dt.dn \(when)", keys: keys("s"),
                  values: values(amount)),
        ]
    }

    /// The open amount of the disputed document `s` on the dispute `x`'s opened date, never below
    /// zero: what a dispute without an amount puts in dispute.
    private var openAtOpening: String {
        let paid = "(SELECT COALESCE(sum(a.amount_src), 0) FROM pays a WHERE a.doc = s.id AND a.day <= x.opened)"
        let written = "(SELECT COALESCE(sum(w.amount_src), 0) FROM wo0 w WHERE w.doc_rid = x.doc_rid AND w.day <= x.opened)"
        return dialect.greatest("0", "s.amount_src - \(paid) - \(written)")
    }
}
