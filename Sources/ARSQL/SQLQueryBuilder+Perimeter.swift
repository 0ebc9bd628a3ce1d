import ARCore
import ARStore

/// The perimeter in SQL: every interchange table a query reads is replaced by a `p_` expression
/// holding only the perimeter's rows, chosen by the rule of `Ledger.restricted(to:)` (ARStore), so
/// the SQL and the engine restricted to a perimeter give the same figures.
extension SQLQueryBuilder {
    /// The tables read through the perimeter; FX rates are kept whole.
    static let restrictedTables: Set<String> = ["customers", "invoices", "payments", "disputes", "write_offs",
                                                "promises", "dunning"]

    /// `p_customers`, `p_invoices`, … for a query with a perimeter; nothing without one.
    mutating func addPerimeter() throws(SQLCompileError) {
        let perimeter = snapshot.perimeter
        guard !perimeter.isEverything else { return }
        let documentFields = perimeter.allowed.keys.filter { snapshot.extraColumns(of: "invoices").contains($0) }
        let customerFields = perimeter.allowed.keys.filter { field in
            !documentFields.contains(field) && field != "entity" && field != "currency"
                && (Perimeter.builtInFields.contains(field) || snapshot.extraColumns(of: "customers").contains(field))
        }
        if let unknown = perimeter.allowed.keys.sorted().first(where: { field in
            field != "entity" && field != "currency" && !documentFields.contains(field) && !customerFields.contains(field)
        }) {
            throw SQLCompileError(PerimeterError(field: unknown).description)
        }
        let customerColumn = { (field: String) in field == "customer" ? "customer_id" : field }
        add("p_customers", "SELECT c.rowid AS rowid, c.* FROM \(baseTable("customers")) c WHERE "
            + conjunction(customerFields.sorted().map { inList("c", "customers", customerColumn($0), $0) }))
        let customerAllowed = "IN (SELECT customer_id FROM p_customers)"
        add("p_invoices", "SELECT i.rowid AS rowid, i.* FROM \(baseTable("invoices")) i WHERE i.customer_id \(customerAllowed)"
            + [inList("i", "invoices", "entity_id", "entity"), inList("i", "invoices", "currency", "currency")]
                .filter { $0 != "1" }.map { " AND " + $0 }.joined()
            + documentFields.sorted().map { " AND " + inList("i", "invoices", $0, $0) }.joined())
        let kept = "IN (SELECT invoice_id FROM p_invoices)"
        addRestrictedPayments(customerAllowed: customerAllowed, kept: kept, noDocumentFields: documentFields.isEmpty)
        for name in ["disputes", "write_offs"] {
            add("p_" + name, "SELECT x.rowid AS rowid, x.* FROM \(baseTable(name)) x WHERE x.invoice_id \(kept)")
        }
        let needsDocument = perimeter.allowed["entity"] != nil || !documentFields.isEmpty
        let hasDocument = needsDocument ? " AND x.customer_id IN (SELECT customer_id FROM p_invoices)" : ""
        let promiseCurrency = "COALESCE(\(text("x", "promises", "currency")), (SELECT i.currency FROM \(baseTable("invoices")) i "
            + "WHERE i.customer_id = x.customer_id GROUP BY i.currency ORDER BY count(*) DESC, i.currency LIMIT 1), "
            + "\(dialect.literal(reporting.code)))"
        add("p_promises", "SELECT x.rowid AS rowid, x.* FROM \(baseTable("promises")) x WHERE " + accountRows(
            "promises", kept: kept, account: "x.customer_id \(customerAllowed)\(hasDocument)"
                + allowedCurrency(promiseCurrency)))
        add("p_dunning", "SELECT x.rowid AS rowid, x.* FROM \(baseTable("dunning")) x WHERE " + accountRows(
            "dunning", kept: kept, account: "x.customer_id \(customerAllowed)\(hasDocument)"))
    }

    /// Payments allocated to kept documents, and unallocated cash of allowed customers whose
    /// entity (its own, else the customer's main entity on the whole ledger) is allowed.
    private mutating func addRestrictedPayments(customerAllowed: String, kept: String, noDocumentFields: Bool) {
        var account = "x.customer_id \(customerAllowed)" + allowedCurrency(text("x", "payments", "currency"))
        if !noDocumentFields { account += " AND 0" }
        if let entities = snapshot.perimeter.allowed["entity"] {
            add("p_mainent", """
                SELECT customer_id, entity_id FROM (SELECT customer_id, entity_id,
                  row_number() OVER (PARTITION BY customer_id ORDER BY count(*) DESC, entity_id) AS rn
                  FROM \(baseTable("invoices")) GROUP BY customer_id, entity_id) WHERE rn = 1
                """)
            let resolved = "COALESCE(\(text("x", "payments", "entity_id")), (SELECT m.entity_id FROM p_mainent m WHERE m.customer_id = x.customer_id))"
            account += " AND \(resolved) IN (\(values(entities)))"
        }
        add("p_payments", "SELECT x.rowid AS rowid, x.* FROM \(baseTable("payments")) x WHERE " + accountRows("payments", kept: kept, account: account))
    }

    /// Rows of `table` that name a kept invoice, or name none and pass `account`.
    private func accountRows(_ table: String, kept: String, account: String) -> String {
        let invoice = text("x", table, "invoice_id")
        return "(\(invoice) IS NOT NULL AND \(invoice) \(kept)) OR (\(invoice) IS NULL AND \(account))"
    }

    private func allowedCurrency(_ expression: String) -> String {
        snapshot.perimeter.allowed["currency"].map { " AND \(expression) IN (\(values($0)))" } ?? ""
    }

    /// `alias.column IN (…)` for the perimeter's values of `field` (a missing value is never in it); `1` when unconstrained.
    private func inList(_ alias: String, _ table: String, _ column: String, _ field: String) -> String {
        guard let allowed = snapshot.perimeter.allowed[field] else { return "1" }
        return "\(text(alias, table, column)) IN (\(values(allowed)))"
    }

    private func values(_ allowed: Set<String>) -> String {
        allowed.isEmpty ? "NULL" : allowed.sorted().map(dialect.literal).joined(separator: ", ")
    }

    private func conjunction(_ parts: [String]) -> String {
        parts.isEmpty ? "1" : parts.joined(separator: " AND ")
    }
}
