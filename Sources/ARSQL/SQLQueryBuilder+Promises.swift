import ARCore
import ARMetrics

/// Promise kept rate and late-payment penalties.
extension SQLQueryBuilder {
    /// `prom`: promises with their currency (own column, else the customer's most frequent
    /// document currency, ties the smallest code, else the reporting currency) and amount in its
    /// minor units.
    mutating func addPromises() {
        // Under a perimeter the default is still the customer's on the whole ledger: a promise's
        // currency does not change with who looks at it (as `Ledger.restricted(to:)` keeps it).
        let documents = snapshot.perimeter.isEverything ? "docs0"
            : "(SELECT \(text("i", "invoices", "customer_id")) AS customer, \(text("i", "invoices", "currency")) AS currency FROM \(baseTable("invoices")) i)"
        add("custcur", """
            SELECT customer, currency FROM (SELECT customer, currency,
              row_number() OVER (PARTITION BY customer ORDER BY count(*) DESC, currency) AS rn
              FROM \(documents) GROUP BY customer, currency) WHERE rn = 1
            """)
        let currency = "COALESCE(\(text("p", "promises", "currency")), cc.currency, \(dialect.literal(reporting.code)))"
        add("prom", """
            SELECT p.rowid AS rid, \(text("p", "promises", "promise_id")) AS id, \(text("p", "promises", "customer_id")) AS customer,
              d.rid AS doc_rid, d.id AS doc,
              \(day("p", "promises", "made_date")) AS made, \(day("p", "promises", "promised_date")) AS promised,
              \(currency) AS currency, \(minorUnits("p.amount", cur: "cur", currency: currency)) AS amount_src
            FROM \(table("promises")) p LEFT JOIN custcur cc ON cc.customer = p.customer_id
            LEFT JOIN docs0 d ON d.id = \(text("p", "promises", "invoice_id")) LEFT JOIN cur ON cur.code = \(currency)
            """, materialized: true)
    }

    /// `cperim`: a promise that names no invoice as a row of its customer at each date, with the
    /// promise's currency and every document field unknown, kept when the filter holds.
    mutating func addPromiseCustomers(filter: String, documentExtras: [String], customerExtras: [String]) {
        let nulls = ["rid", "id", "type", "entity", "issue", "due", "amount_src", "clear", "issue_month",
                     "open_src", "dsum", "dispute_reason", "dpd", "age", "open_rep", "amount_rep", "bucket"]
            + documentExtras.map { "d_" + $0 }
        let columns = nulls.map { "NULL AS \(dialect.identifier($0))" }.joined(separator: ", ")
        add("cstate", """
            SELECT ev.dn AS e, 'customer' AS src, p.rid AS prid, \(columns), 0 AS ndisp, 0 AS nwhole, NULL AS disputed,
              0 AS disputed_rep, p.customer AS customer, p.currency AS currency, \(customerColumns("c", customerExtras: customerExtras))
            FROM prom p JOIN evals ev LEFT JOIN \(table("customers")) c ON c.customer_id = p.customer WHERE p.doc_rid IS NULL
            """)
        add("cperim", "SELECT * FROM cstate WHERE \(filter)")
    }

    /// `minor` units of the currency of `fxat` row `from` in the currency of `fxat` row `to` (same
    /// day), rounded half away from zero once; fails the query when either has no rate.
    func crossConverted(_ minor: String, from fs: String, to ft: String, day: String) -> String {
        let shift = "((\(ft).scale + \(ft).digits) - (\(fs).scale + \(fs).digits))"
        let mul = "(SELECT p FROM pow10 WHERE n = \(dialect.greatest(shift, "0")))"
        let den = "(\(ft).mantissa * (SELECT p FROM pow10 WHERE n = \(dialect.greatest("-\(shift)", "0"))))"
        let missing = dialect.fail("'no ' || CASE WHEN \(fs).mantissa IS NULL THEN \(fs).currency ELSE \(ft).currency END "
            + "|| ' rate on or before ' || \(dialect.isoDate(day)) || ': add one to fx_rates'")
        let overflow = dialect.fail("'amount in ' || \(fs).currency || ' on ' || \(dialect.isoDate(day)) || ' overflows when converted'")
        return "(CASE WHEN \(fs).mantissa IS NULL OR \(ft).mantissa IS NULL THEN \(missing) "
            + "WHEN abs(\(minor)) > \(dialect.maxInteger) / (\(fs).mantissa * \(mul)) THEN \(overflow) "
            + "ELSE \(dialect.divisionRoundingHalfAwayFromZero("(\(minor)) * \(fs).mantissa * \(mul)", den)) END)"
    }

    /// Promises due in the period and no longer pending, kept (1) or not (0): the payment rows in
    /// the window, converted to the promise's currency at their date's cross rate, reach its amount.
    func promisePlan(name: String, period: PeriodLength, graceDays: Int) -> SQLMetricPlan {
        let end = "p.promised + \(graceDays)"
        let window = "p.promised > \(periodStart(period)) AND p.promised <= dt.dn AND \(end) <= dt.dn"
        let rows = "x.day >= p.made AND x.day <= \(end) AND CASE WHEN p.doc_rid IS NOT NULL "
            + "THEN x.doc = p.doc ELSE x.customer = p.customer AND (x.doc IS NULL OR x.doc NOT IN "
            + "(SELECT id FROM docs0 WHERE type = 'credit_note')) END"
        let amount = "CASE WHEN x.currency = p.currency THEN x.amount_src ELSE "
            + crossConverted("x.amount_src", from: "fs", to: "ft", day: "x.day") + " END"
        let paid = "(SELECT COALESCE(sum(\(amount)), 0) FROM pays x "
            + "LEFT JOIN fxat fs ON fs.currency = x.currency AND fs.day = x.day "
            + "LEFT JOIN fxat ft ON ft.currency = p.currency AND ft.day = x.day WHERE \(rows))"
        let kept = "CASE WHEN \(paid) >= p.amount_src THEN 1 ELSE 0 END"
        let byInvoice = "prom p JOIN perim s ON s.rid = p.doc_rid AND s.src = 'doc' JOIN dates dt ON s.e = dt.dn WHERE \(window)"
        let byCustomer = "prom p JOIN cperim s ON s.prid = p.rid JOIN dates dt ON s.e = dt.dn WHERE \(window)"
        return SQLMetricPlan(aggregates: [.sum, .sum], parts: [
            .init(from: byInvoice, keys: keys("s"), values: [kept, "1"]),
            .init(from: byCustomer, keys: keys("s"), values: [kept, "1"]),
        ], outputs: [(name, ratio(SQLMetricPlan.partial(0), SQLMetricPlan.partial(1)))])
    }

    /// The source of penalties: each overdue item `s` with a positive open amount, with its
    /// penalty as one exact fraction rounded half away from zero once — interest
    /// `open × (reference + margin) / 100 × dpd / basis` on the target-currency open amount, plus
    /// the fixed sum converted at the as-of rate. Computed in three nested steps, so that no
    /// expression nests deeper than SQLite's parser allows.
    func penaltySource(_ rules: PenaltyRules) throws(SQLCompileError) -> String {
        let scale = max(rules.referenceRatePercent.scale, rules.marginPercent.scale)
        let percent = try scaled(rules.referenceRatePercent, to: scale) + (try scaled(rules.marginPercent, to: scale))
        var denominator: Int64 = 100 * Int64(rules.dayCountBasis)
        for _ in 0..<scale { denominator *= 10 }
        let fixed = rules.fixedCurrency, code = dialect.literal(fixed.code)
        // 1. The open amount in the fixed sum's currency, which chooses the tier.
        let openInFixed = fixed == target ? "s0.open_rep" : "CASE WHEN s0.currency = \(code) THEN s0.open_src ELSE "
            + "(SELECT \(crossConverted("s0.open_src", from: "fs", to: "ft", day: "s0.e")) FROM fxat fs, fxat ft "
            + "WHERE fs.currency = s0.currency AND fs.day = s0.e AND ft.currency = \(code) AND ft.day = s0.e) END"
        let step1 = "SELECT s0.*, \(openInFixed) AS open_fixed FROM items s0 WHERE s0.type = 'invoice' AND s0.open_src > 0 AND s0.dpd > 0"
        // 2. The fixed sum as a fraction fc / fd of target minor units.
        let sum = fixedSum(rules, open: "s1.open_fixed")
        let (fc, fd, missing, rateJoin) = fixed == target ? (sum, "1", "NULL", "")
            : ("(\(sum)) * r.mantissa * r.mul", "r.den", "r.missing", "LEFT JOIN rates r ON r.currency = \(code) AND r.day = s1.e")
        let step2 = "SELECT s1.*, \(fc) AS fc, \(fd) AS fd, \(missing) AS fmissing FROM (\(step1)) s1 \(rateJoin)"
        // 3. a/b + c/d = qa + qc + (ra·d + rc·b) / (b·d), every term ≥ 0.
        let a = "s2.open_rep * \(percent) * s2.dpd", b = String(denominator)
        let remainders = "\(dialect.remainder(a, b)) * s2.fd + \(dialect.remainder("s2.fc", "s2.fd")) * \(b)"
        let noRate = dialect.fail("'no \(fixed.code) rate on or before ' || \(dialect.isoDate("s2.e")) || ': add one to fx_rates'")
        let overflow = dialect.fail("'penalty on ' || s2.id || ' overflows'")
        let guarded = percent == 0 ? "" : "WHEN s2.open_rep > \(dialect.maxInteger) / (\(percent) * s2.dpd) THEN \(overflow) "
        let penalty = "CASE WHEN s2.fmissing IS NOT NULL THEN \(noRate) \(guarded)ELSE \(dialect.integerDivision(a, b)) + "
            + "\(dialect.integerDivision("s2.fc", "s2.fd")) + \(dialect.divisionRoundingHalfAwayFromZero(remainders, "\(b) * s2.fd")) END"
        return "(SELECT s2.*, \(penalty) AS penalty FROM (\(step2)) s2) s JOIN dates dt ON s.e = dt.dn"
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

    /// The fixed sum in minor units of its own currency: flat, or the first tier whose bound
    /// exceeds the open amount in that currency.
    private func fixedSum(_ rules: PenaltyRules, open openInFixed: String) -> String {
        switch rules.fixedSum {
        case let .flat(minor): return String(minor)
        case let .tiers(tiers, last):
            let whens = tiers.map { "WHEN \(openInFixed) < \($0.below) THEN \($0.amount)" }.joined(separator: " ")
            return "CASE \(whens) ELSE \(last) END"
        }
    }
}
