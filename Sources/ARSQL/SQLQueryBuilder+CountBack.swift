/// Count-back DSO as a recursive walk back over calendar months (metrics.md, "Sales and DSO").
extension SQLQueryBuilder {
    /// Adds the CTEs of count-back DSO for metric `index`, ending in `m<index>(g…, k, p0)`.
    ///
    /// Month `m` is `(d − m months, d − (m − 1) months]` with clamped month arithmetic. Starting
    /// from `r = AR(d)`, each month with sales `S > 0` either absorbs `S` (adds its length) or, when
    /// `r < S`, adds `r / S × L` and stops; a month with `S ≤ 0` stops the walk; 24 months at most.
    mutating func addCountBack(index: Int) {
        let m = "m\(index)", months = "cbm\(index)", sales = "cbs\(index)", ar = "cba\(index)"
        let groups = "cbg\(index)", walk = "cbr\(index)"
        let g = keyNames
        let gList = g.map { $0 + ", " }.joined()
        add("\(months)(k, m, lo, hi)", """
            SELECT dt.k, 1, \(dialect.addingMonths("dt.d", "-1")), dt.dn FROM dates dt
            UNION ALL
            SELECT c.k, c.m + 1, \(dialect.addingMonths("dt.d", "-(c.m + 1)")), c.lo FROM \(months) c JOIN dates dt ON dt.k = c.k WHERE c.m < 24
            """)
        let saleKeys = keys("s").enumerated().map { "\($0.element) AS g\($0.offset), " }.joined()
        add(sales, """
            SELECT \(saleKeys)c.k AS k, c.m AS m, sum(\(signedSales)) AS s
            FROM perim s JOIN dates dt ON s.e = dt.dn JOIN \(months) c ON c.k = dt.k AND s.issue > c.lo AND s.issue <= c.hi
            \(rateJoin("fr", currency: "s.currency", day: "s.issue"))
            WHERE s.src = 'doc' GROUP BY \(gList)c.k, c.m
            """)
        add(ar, """
            SELECT \(saleKeys)dt.k AS k, sum(s.open_rep) AS ar FROM \(balanceSource())
            GROUP BY \(gList)dt.k
            """)
        add(groups, g.isEmpty ? "SELECT k FROM dates"
            : "SELECT \(gList)k FROM \(ar) UNION SELECT \(gList)k FROM \(sales)")
        let s = "COALESCE(s.s, 0)"
        let absorbs = "(\(s) > 0 AND c.r >= \(s))"
        let cGroup = g.map { "c.\($0), " }.joined()
        add("\(walk)(\(gList)k, m, r, full, frac, done)", """
            SELECT \(g.map { "gr.\($0), " }.joined())gr.k, 0, COALESCE(a.ar, 0), 0, 0.0, 0
            FROM \(groups) gr LEFT JOIN \(ar) a ON \(keysMatch("a", "gr"))
            UNION ALL
            SELECT \(cGroup)c.k, c.m + 1,
              CASE WHEN \(absorbs) THEN c.r - \(s) ELSE c.r END,
              c.full + CASE WHEN \(absorbs) THEN mo.hi - mo.lo ELSE 0 END,
              CASE WHEN \(s) > 0 AND c.r < \(s) THEN \(dialect.real("c.r")) / \(s) * (mo.hi - mo.lo) ELSE 0.0 END,
              CASE WHEN \(absorbs) THEN 0 ELSE 1 END
            FROM \(walk) c JOIN \(months) mo ON mo.k = c.k AND mo.m = c.m + 1
            LEFT JOIN \(sales) s ON \(g.map { dialect.nullSafeEquals("s.\($0)", "c.\($0)") + " AND " }.joined())s.k = c.k AND s.m = c.m + 1
            WHERE c.done = 0
            """)
        add(m, "SELECT \(gList)k, max(full) + sum(frac) AS p0 FROM \(walk) GROUP BY \(gList)k")
    }
}
