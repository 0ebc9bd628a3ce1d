import ARCore
import ARMetrics

/// The ledger as typed common table expressions: parsed documents, payments, write-offs,
/// disputes and rates, then `state`, every item's state at every evaluation date.
extension SQLQueryBuilder {
    /// The column of `table` (aliased `alias`) as text, empty read as missing; `NULL` when the
    /// snapshot's table lacks the column. The cast gives every key the same (text) affinity, which
    /// SQLite needs to index joins between derived tables.
    func text(_ alias: String, _ table: String, _ column: String) -> String {
        snapshot.has(table, column) ? "CAST(NULLIF(\(alias).\(dialect.identifier(column)), '') AS TEXT)" : "NULL"
    }

    /// The table itself, or an empty one with the interchange columns when the snapshot lacks it
    /// (a snapshot without promises or disputes still answers every other metric).
    func table(_ name: String) -> String {
        if !snapshot.perimeter.isEverything, SQLQueryBuilder.restrictedTables.contains(name) { return "p_" + name }
        return baseTable(name)
    }

    /// The table as stored, or an empty one with its interchange columns when the snapshot lacks it.
    func baseTable(_ name: String) -> String {
        guard !snapshot.columns.isEmpty, snapshot.columns[name] == nil else { return name }
        let columns = (["rowid"] + (SQLSnapshotContext.standardColumns[name] ?? [])).map { "NULL AS \(dialect.identifier($0))" }
        return "(SELECT \(columns.joined(separator: ", ")) WHERE 0)"
    }

    func day(_ alias: String, _ table: String, _ column: String) -> String {
        snapshot.has(table, column) ? dialect.dayNumber(text(alias, table, column)) : "NULL"
    }

    /// Constants: powers of ten, currencies, the as-of dates and every date a balance is needed on.
    mutating func addConstants(extraEvaluationStarts: [PeriodLength]) {
        var digits = snapshot.currencies
        let fixed = query.metrics.filter { $0.kind == .penalties }.map(\.penalties.fixedCurrency)
        for currency in [reporting, target] + fixed where !digits.contains(currency) { digits.append(currency) }
        let powers = (0...18).map { n in "(\(n), 1\(String(repeating: "0", count: n)))" }
        add("pow10(n, p)", "VALUES " + powers.joined(separator: ", "))
        add("cur(code, digits, unit)", "VALUES " + digits.map {
            "(\(dialect.literal($0.code)), \($0.minorDigits), \($0.minorUnitsPerMajor))"
        }.joined(separator: ", "))
        add("dates(k, d, dn)", "VALUES " + dates.enumerated().map {
            "(\($0.offset), \(dialect.literal($0.element.iso)), \($0.element.rawValue))"
        }.joined(separator: ", "))
        let starts = extraEvaluationStarts.map { "SELECT \(periodStart($0)) FROM dates dt" }
        add("evals(dn)", (["SELECT dn FROM dates"] + starts).joined(separator: " UNION "))
    }

    /// Rates as written: mantissa and scale (digits after the point), file order as `rid`.
    mutating func addRates() {
        let rate = "CAST(r.rate AS TEXT)"
        add("fx", """
            SELECT r.rowid AS rid, \(text("r", "fx_rates", "currency")) AS currency, \(day("r", "fx_rates", "date")) AS dn,
              CAST(replace(\(rate), '.', '') AS INTEGER) AS mantissa,
              CASE WHEN instr(\(rate), '.') > 0 THEN length(\(rate)) - instr(\(rate), '.') ELSE 0 END AS scale
            FROM \(table("fx_rates")) r
            """, materialized: true)
    }

    /// Documents, payment rows, write-offs and disputes as typed rows (amounts in exact minor units
    /// of their currency), each customer's main entity, and unallocated cash with its entity.
    mutating func addDocuments(documentExtras: [String]) {
        let extras = documentExtras.map { ", \(text("i", "invoices", $0)) AS \(dialect.identifier("d_" + $0))" }.joined()
        add("docs0", """
            SELECT i.rowid AS rid, \(text("i", "invoices", "invoice_id")) AS id, \(text("i", "invoices", "entity_id")) AS entity,
              \(text("i", "invoices", "customer_id")) AS customer,
              CASE WHEN \(text("i", "invoices", "type")) = 'credit_note' THEN 'credit_note' ELSE 'invoice' END AS type,
              \(day("i", "invoices", "issue_date")) AS issue,
              COALESCE(\(day("i", "invoices", "due_date")), \(day("i", "invoices", "issue_date"))) AS due,
              \(minorUnits("i.amount", cur: "cur", currency: "i.currency")) AS amount_src, \(text("i", "invoices", "currency")) AS currency,
              \(dialect.yearMonth("i.issue_date")) AS issue_month\(extras)
            FROM \(table("invoices")) i LEFT JOIN cur ON cur.code = i.currency
            """, materialized: true)
        add("pays", """
            SELECT p.rowid AS rid, \(text("p", "payments", "payment_id")) AS id, \(text("p", "payments", "customer_id")) AS customer, \(text("p", "payments", "invoice_id")) AS doc,
              \(text("p", "payments", "entity_id")) AS entity, \(day("p", "payments", "payment_date")) AS day,
              \(minorUnits("p.amount", cur: "cur", currency: "p.currency")) AS amount_src, \(text("p", "payments", "currency")) AS currency,
              \(dialect.yearMonth("p.payment_date")) AS issue_month
            FROM \(table("payments")) p LEFT JOIN cur ON cur.code = p.currency
            """, materialized: true)
        add("wo0", """
            SELECT w.rowid AS rid, d.rid AS doc_rid, d.id AS doc, d.currency AS currency,
              \(day("w", "write_offs", "write_off_date")) AS day,
              \(minorUnits("w.amount", cur: "cur", currency: "d.currency")) AS amount_src
            FROM \(table("write_offs")) w JOIN docs0 d ON d.id = w.invoice_id LEFT JOIN cur ON cur.code = d.currency
            """, materialized: true)
        let disputeAmount = minorUnits("x.amount", cur: "cur", currency: "d.currency")
        add("disp", """
            SELECT x.rowid AS rid, \(text("x", "disputes", "dispute_id")) AS id, d.rid AS doc_rid, d.id AS doc,
              \(day("x", "disputes", "opened_date")) AS opened, \(day("x", "disputes", "resolved_date")) AS resolved,
              CASE WHEN \(text("x", "disputes", "amount")) IS NULL THEN NULL ELSE \(disputeAmount) END AS amount_src,
              \(text("x", "disputes", "reason")) AS reason
            FROM \(table("disputes")) x JOIN docs0 d ON d.id = x.invoice_id LEFT JOIN cur ON cur.code = d.currency
            """, materialized: true)
        // The entity with which each customer has most documents (ties: the smallest entity_id),
        // on the whole ledger even under a perimeter: cash keeps the entity it has for everyone.
        let documents = snapshot.perimeter.isEverything ? "docs0"
            : "(SELECT \(text("i", "invoices", "customer_id")) AS customer, \(text("i", "invoices", "entity_id")) AS entity FROM \(baseTable("invoices")) i)"
        add("custent", """
            SELECT customer, entity FROM (SELECT customer, entity,
              row_number() OVER (PARTITION BY customer ORDER BY count(*) DESC, entity) AS rn
              FROM \(documents) GROUP BY customer, entity) WHERE rn = 1
            """)
        add("cash", """
            SELECT p.rid, p.id, p.customer, COALESCE(p.entity, ce.entity) AS entity, p.day, p.amount_src, p.currency, p.issue_month
            FROM pays p LEFT JOIN custent ce ON ce.customer = p.customer WHERE p.doc IS NULL
            """)
    }

    /// `fxat`: the rate of each (currency, day) pair the query converts on — documents at their
    /// issue date, write-offs and payments at theirs, every currency at every evaluation date — found
    /// once each: the latest row on or before the day, of two rows for one date the later in the
    /// file; the reporting currency is exactly 1. `rates`: the factor from each pair's currency to
    /// the target currency, `mantissa × mul / den` with
    /// `δ = (target scale + target digits) − (scale + digits)`, `mul = 10^max(δ, 0)`,
    /// `den = target mantissa × 10^max(−δ, 0)`; `missing` names a currency without a rate.
    mutating func addRateLookups(fixedCurrencies: [Currency], promises: Bool, disputeOpenings: Bool = false) {
        let fixed = fixedCurrencies.map { " UNION SELECT \(dialect.literal($0.code)), ev.dn FROM evals ev" }.joined()
        let promisePairs = promises ? " UNION SELECT pr.currency, pa.day FROM prom pr JOIN pays pa ON pa.customer = pr.customer" : ""
        let openingPairs = disputeOpenings ? " UNION SELECT d.currency, x.opened FROM disp x JOIN docs0 d ON d.rid = x.doc_rid" : ""
        let targetPairs = target == reporting ? "" : " UNION SELECT \(dialect.literal(target.code)), day FROM needs0"
        add("needs0(currency, day)", """
            SELECT currency, issue FROM docs0 UNION SELECT currency, day FROM wo0 UNION SELECT currency, day FROM pays
            UNION SELECT c.currency, ev.dn FROM (SELECT currency FROM docs0 UNION SELECT currency FROM pays) c, evals ev\(fixed)\(promisePairs)\(openingPairs)
            """)
        let r = dialect.literal(reporting.code)
        add("fxat", """
            SELECT n.currency AS currency, n.day AS day, c.digits AS digits,
              CASE WHEN n.currency = \(r) THEN 1 ELSE f.mantissa END AS mantissa,
              CASE WHEN n.currency = \(r) THEN 0 ELSE f.scale END AS scale
            FROM (SELECT currency, day FROM needs0\(targetPairs)) n LEFT JOIN cur c ON c.code = n.currency
            LEFT JOIN fx f ON f.rid = (SELECT g.rid FROM fx g WHERE g.currency = n.currency AND g.dn <= n.day
              ORDER BY g.dn DESC, g.rid DESC LIMIT 1)
            """, materialized: true)
        let (tm, ts, tjoin) = target == reporting ? ("1", "0", "")
            : ("t.mantissa", "t.scale", "LEFT JOIN fxat t ON t.currency = \(dialect.literal(target.code)) AND t.day = s.day")
        let shift = "((\(ts) + \(target.minorDigits)) - (s.scale + s.digits))"
        add("rates", """
            SELECT s.currency AS currency, s.day AS day, s.mantissa AS mantissa, pm.p AS mul, \(tm) * pd.p AS den,
              CASE WHEN s.mantissa IS NULL THEN s.currency WHEN \(tm) IS NULL THEN \(dialect.literal(target.code)) END AS missing
            FROM fxat s \(tjoin)
            LEFT JOIN pow10 pm ON pm.n = \(dialect.greatest(shift, "0")) LEFT JOIN pow10 pd ON pd.n = \(dialect.greatest("-\(shift)", "0"))
            """, materialized: true)
    }

    /// The date each document was cleared.
    mutating func addClearingDates() {
        // Cleared on the first date the cumulative allocations reach the amount (same-day rows together).
        add("clears", """
            SELECT x.doc AS doc, min(x.day) AS clear FROM
              (SELECT a.doc, a.day, sum(a.amount_src) OVER (PARTITION BY a.doc ORDER BY a.day) AS cum
               FROM pays a WHERE a.doc IS NOT NULL) x
            JOIN docs0 d ON d.id = x.doc WHERE x.cum >= d.amount_src GROUP BY x.doc
            """)
        add("docs", "SELECT d.*, c.clear AS clear FROM docs0 d LEFT JOIN clears c ON c.doc = d.id", materialized: true)
    }

    /// `raw`: each document issued, and each unallocated payment made, on or before each
    /// evaluation date `e`, with its signed open amount there and its open disputes (count, count
    /// without amount, sum of amounts, and the reason of the first by opened date then file order).
    mutating func addRawItems(documentExtras: [String]) {
        add("allocat", """
            SELECT a.doc AS doc, ev.dn AS e, sum(a.amount_src) AS amount FROM pays a JOIN evals ev ON a.day <= ev.dn
            WHERE a.doc IS NOT NULL GROUP BY a.doc, ev.dn
            """)
        add("woat", """
            SELECT w.doc_rid AS doc_rid, ev.dn AS e, sum(w.amount_src) AS amount FROM wo0 w JOIN evals ev ON w.day <= ev.dn
            GROUP BY w.doc_rid, ev.dn
            """)
        add("dispat", """
            SELECT doc_rid, e, ndisp, nwhole, dsum, reason FROM (SELECT x.doc_rid AS doc_rid, ev.dn AS e, x.reason AS reason,
              count(*) OVER w AS ndisp, sum(CASE WHEN x.amount_src IS NULL THEN 1 ELSE 0 END) OVER w AS nwhole,
              sum(x.amount_src) OVER w AS dsum, row_number() OVER (PARTITION BY x.doc_rid, ev.dn ORDER BY x.opened, x.rid) AS rn
              FROM disp x JOIN evals ev ON x.opened <= ev.dn AND (x.resolved IS NULL OR x.resolved > ev.dn)
              WINDOW w AS (PARTITION BY x.doc_rid, ev.dn)) WHERE rn = 1
            """)
        let extras = documentExtras.map { ", d.\(dialect.identifier("d_" + $0))" }.joined()
        let noExtras = String(repeating: ", NULL", count: documentExtras.count)
        add("raw", """
            SELECT ev.dn AS e, 'doc' AS src, d.rid AS rid, d.id AS id, d.type AS type, d.entity AS entity,
              d.customer AS customer, d.currency AS currency, d.issue AS issue, d.due AS due,
              d.amount_src AS amount_src, d.clear AS clear, d.issue_month AS issue_month,
              CASE WHEN d.type = 'credit_note' THEN -1 ELSE 1 END
                * (d.amount_src - COALESCE(a.amount, 0) - COALESCE(w.amount, 0)) AS open_src,
              COALESCE(x.ndisp, 0) AS ndisp, COALESCE(x.nwhole, 0) AS nwhole, x.dsum AS dsum,
              x.reason AS dispute_reason\(extras)
            FROM docs d JOIN evals ev ON d.issue <= ev.dn
            LEFT JOIN allocat a ON a.doc = d.id AND a.e = ev.dn
            LEFT JOIN woat w ON w.doc_rid = d.rid AND w.e = ev.dn
            LEFT JOIN dispat x ON x.doc_rid = d.rid AND x.e = ev.dn
            UNION ALL
            SELECT ev.dn, 'cash', c.rid, c.id, 'unallocated', c.entity, c.customer, c.currency, c.day, c.day,
              c.amount_src, NULL, c.issue_month, -c.amount_src, 0, 0, NULL, NULL\(noExtras)
            FROM cash c JOIN evals ev ON c.day <= ev.dn
            """)
    }

    /// The customer columns every item carries (its perimeter).
    func customerColumns(_ alias: String, customerExtras: [String]) -> String {
        let builtIn = ["customer_group", "segment", "region", "country", "sales_rep", "credit_limit", "insured_limit",
                       "payment_terms_days"].map { "\(text(alias, "customers", $0)) AS \($0)" }
            + ["\(text(alias, "customers", "name")) AS customer_name"]
        let extras = customerExtras.map { "\(text(alias, "customers", $0)) AS \(dialect.identifier("c_" + $0))" }
        return (builtIn + extras).joined(separator: ", ")
    }

    /// `state`: raw items with days past due, age, output-currency amounts at the evaluation
    /// date's rate, disputed amount, bucket and customer attributes.
    mutating func addState(customerExtras: [String]) {
        let signedAmount = "CASE WHEN r.type = 'invoice' THEN r.amount_src ELSE -r.amount_src END"
        let disputedSource = "CASE WHEN r.nwhole > 0 THEN r.open_src ELSE \(dialect.least("r.dsum", "r.open_src")) END"
        add("state", """
            SELECT r.*, r.e - r.due AS dpd, r.e - r.issue AS age, CASE WHEN r.ndisp > 0 THEN 1 ELSE 0 END AS disputed,
              \(converted("r.open_src", currency: "r.currency", rate: "f", day: "r.e")) AS open_rep,
              \(converted(signedAmount, currency: "r.currency", rate: "f", day: "r.e")) AS amount_rep,
              CASE WHEN r.open_src > 0 AND r.ndisp > 0
                THEN \(converted(disputedSource, currency: "r.currency", rate: "f", day: "r.e")) ELSE 0 END AS disputed_rep,
              CASE WHEN r.open_src = 0 THEN NULL ELSE \(bucketName(bucketSpec, dpd: "(r.e - r.due)", age: "(r.e - r.issue)")) END AS bucket,
              \(customerColumns("c", customerExtras: customerExtras))
            FROM raw r \(rateJoin("f", currency: "r.currency", day: "r.e"))
            LEFT JOIN \(table("customers")) c ON c.customer_id = r.customer
            """, materialized: true)
    }
}
