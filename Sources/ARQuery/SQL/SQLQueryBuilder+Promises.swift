import ARCore
import ARMetrics

/// Promise kept rate and late-payment penalties.
extension SQLQueryBuilder {
    /// `prom`: promises with their currency (own column, else the customer's most frequent
    /// document currency, ties the smallest code) and amount in its minor units; `cperim`: one
    /// customer-level row per customer and date for promises that name no invoice.
    mutating func addPromises(filter: String, documentExtras: [String], customerExtras: [String]) {
        add("custcur", """
            SELECT customer, currency FROM (SELECT customer, currency,
              row_number() OVER (PARTITION BY customer ORDER BY count(*) DESC, currency) AS rn
              FROM docs0 GROUP BY customer, currency) WHERE rn = 1
            """)
        let currency = "COALESCE(\(text("p", "promises", "currency")), cc.currency, \(dialect.literal(reporting.code)))"
        add("prom", """
            SELECT p.rowid AS rid, \(text("p", "promises", "promise_id")) AS id, \(text("p", "promises", "customer_id")) AS customer, d.rid AS doc_rid, d.id AS doc,
              \(day("p", "promises", "made_date")) AS made, \(day("p", "promises", "promised_date")) AS promised,
              \(currency) AS currency, \(minorUnits("p.amount", cur: "cur", currency: currency)) AS amount_src
            FROM promises p LEFT JOIN custcur cc ON cc.customer = p.customer_id
            LEFT JOIN docs0 d ON d.id = \(text("p", "promises", "invoice_id")) LEFT JOIN cur ON cur.code = \(currency)
            """)
        let nulls = ["rid", "id", "type", "currency", "issue", "due", "amount_src", "flow_rep", "clear", "issue_month",
                     "open_src", "dsum", "dispute_reason", "dpd", "age", "open_rep", "amount_rep", "bucket"]
            + documentExtras.map { "d_" + $0 }
        let columns = nulls.map { "NULL AS \(dialect.identifier($0))" }.joined(separator: ", ")
        add("cstate", """
            SELECT ev.dn AS e, 'customer' AS src, \(columns), 0 AS ndisp, 0 AS nwhole, 0 AS disputed, 0 AS disputed_rep,
              ce.entity AS entity, \(text("c", "customers", "customer_id")) AS customer, \(customerColumns("c", customerExtras: customerExtras))
            FROM customers c LEFT JOIN custent ce ON ce.customer = c.customer_id, evals ev
            """)
        add("cperim", "SELECT * FROM cstate WHERE \(filter)")
    }

    /// Promises due in the period and no longer pending, kept (1) or not (0).
    func promisePlan(name: String, period: PeriodLength, graceDays: Int) -> SQLMetricPlan {
        let end = "p.promised + \(graceDays)"
        let window = "p.promised > \(periodStart(period)) AND p.promised <= dt.dn AND \(end) <= dt.dn"
        let rows = "x.currency = p.currency AND x.day >= p.made AND x.day <= \(end) AND CASE WHEN p.doc_rid IS NOT NULL "
            + "THEN x.doc = p.doc ELSE x.customer = p.customer AND (x.doc IS NULL OR x.doc NOT IN "
            + "(SELECT id FROM docs0 WHERE type = 'credit_note')) END"
        let kept = "CASE WHEN (SELECT COALESCE(sum(x.amount_src), 0) FROM pays x WHERE \(rows)) >= p.amount_src THEN 1 ELSE 0 END"
        let byInvoice = "prom p JOIN perim s ON s.rid = p.doc_rid AND s.src = 'doc' JOIN dates dt ON s.e = dt.dn WHERE \(window)"
        let byCustomer = "prom p JOIN cperim s ON s.customer = p.customer JOIN dates dt ON s.e = dt.dn "
            + "WHERE p.doc_rid IS NULL AND \(window)"
        return SQLMetricPlan(aggregates: [.sum, .sum], parts: [
            .init(from: byInvoice, keys: keys("s"), values: [kept, "1"]),
            .init(from: byCustomer, keys: keys("s", overrides: [.currency: "p.currency"]), values: [kept, "1"]),
        ], outputs: [(name, ratio(SQLMetricPlan.partial(0), SQLMetricPlan.partial(1)))])
    }

    /// The penalty of an overdue item `s` with a positive open amount: interest on the
    /// reporting-currency open amount, `open × (reference + margin) % × dpd / basis`, rounded half
    /// away from zero, plus the fixed sum converted at the as-of rate.
    func penalty(_ rules: PenaltyRules) throws(SQLCompileError) -> String {
        let scale = max(rules.referenceRatePercent.scale, rules.marginPercent.scale)
        let percent = try scaled(rules.referenceRatePercent, to: scale) + (try scaled(rules.marginPercent, to: scale))
        var denominator: Int64 = 100 * Int64(rules.dayCountBasis)
        for _ in 0..<scale { denominator *= 10 }
        let overflow = dialect.fail("'penalty on ' || s.id || ' overflows'")
        let product = "s.open_rep * \(percent) * s.dpd"
        let interest = percent == 0 ? "0" : "CASE WHEN s.open_rep > \(dialect.maxInteger) / (\(percent) * s.dpd) THEN \(overflow) "
            + "ELSE \(dialect.divisionRoundingHalfAwayFromZero(product, String(denominator))) END"
        return "(\(interest) + \(fixedSum(rules)))"
    }

    private func scaled(_ rate: ExactRate, to scale: Int) throws(SQLCompileError) -> Int64 {
        var m = rate.mantissa
        for _ in rate.scale..<scale {
            let (next, overflow) = m.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw SQLCompileError("penalty rate '\(rate)' has too many digits") }
            m = next
        }
        return m
    }

    private func fixedSum(_ rules: PenaltyRules) -> String {
        let fixed = rules.fixedCurrency
        let sameCurrency = fixed == reporting
        // The amount the tiers are chosen by, in the fixed sum's currency.
        let openInFixed = sameCurrency ? "s.open_rep"
            : "CASE WHEN s.currency = \(dialect.literal(fixed.code)) THEN s.open_src ELSE "
                + dialect.fail("'penalty tiers in \(fixed.code) need items in \(fixed.code) or \(fixed.code) as reporting currency'") + " END"
        func amount(_ minor: Int64) -> String {
            if sameCurrency || minor == 0 { return String(minor) }
            let rate = rateJoin("f", currency: dialect.literal(fixed.code), day: "ev.dn")
            let value = converted(String(minor), currency: dialect.literal(fixed.code), rate: "f", day: "ev.dn")
            return "(SELECT \(value) FROM evals ev \(rate) WHERE ev.dn = s.e)"
        }
        switch rules.fixedSum {
        case let .flat(minor): return amount(minor)
        case let .tiers(tiers, last):
            let whens = tiers.map { "WHEN \(openInFixed) < \($0.below) THEN \(amount($0.amount))" }.joined(separator: " ")
            return "CASE \(whens) ELSE \(amount(last)) END"
        }
    }
}
