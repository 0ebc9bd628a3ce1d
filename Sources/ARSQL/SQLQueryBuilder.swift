import ARCore
import ARMetrics

/// The state of one compilation: the query, the snapshot facts, the dialect, and the common
/// table expressions written so far. Its extensions write the ledger tables
/// (`SQLQueryBuilder+Tables.swift`), the metrics (`+Metrics`, `+CountBack`) and the filter
/// (`+Predicate`).
struct SQLQueryBuilder {
    let query: MetricQuery
    let snapshot: SQLSnapshotContext
    let dialect: any SQLDialect
    /// The snapshot's reporting currency: the one `fx_rates` convert to.
    let reporting: Currency
    /// The currency figures are given in: the query's, else the reporting currency.
    let target: Currency
    let dates: [Day]
    /// The aging spec the `bucket` dimension uses: the first `aging` metric's, else the standard one.
    let bucketSpec: AgingSpec
    /// Common table expressions in order: name (with its column list, if any), body, and whether
    /// the engine must compute it once (it is read by many correlated look-ups or joins).
    var ctes: [(name: String, body: String, materialized: Bool)] = []

    init(query: MetricQuery, snapshot: SQLSnapshotContext, dialect: any SQLDialect) throws(SQLCompileError) {
        self.query = query
        self.snapshot = snapshot
        self.dialect = dialect
        reporting = snapshot.reportingCurrency
        target = query.currency ?? snapshot.reportingCurrency
        dates = query.dates.isEmpty ? [snapshot.asOf] : query.dates
        bucketSpec = query.metrics.first { $0.kind == .aging }?.aging ?? .standard
        guard !query.metrics.isEmpty else { throw SQLCompileError("a metric query needs at least one metric") }
        // Rows dated after the extraction are not part of the snapshot (interchange.md).
        if let late = dates.first(where: { $0 > snapshot.asOf }) {
            throw SQLCompileError("date \(late.iso) is after the snapshot's as_of \(snapshot.asOf.iso): ask for a date on or before it")
        }
    }

    mutating func add(_ name: String, _ body: String, materialized: Bool = false) {
        ctes.append((name, body, materialized))
    }

    /// Whether the output carries a date column.
    var isSeries: Bool { dates.count > 1 }

    /// The group-key column names `g0, g1, …`, one per dimension.
    var keyNames: [String] { query.dimensions.indices.map { "g\($0)" } }

    /// `a.g0 IS b.g0 AND … AND a.k = b.k`: equality of group keys where a missing key equals a missing key.
    func keysMatch(_ a: String, _ b: String) -> String {
        (keyNames.map { dialect.nullSafeEquals("\(a).\($0)", "\(b).\($0)") } + ["\(a).k = \(b).k"]).joined(separator: " AND ")
    }

    // MARK: - Shared expressions

    /// Exact minor units of a decimal text, for a currency whose `cur` row is `cur` (joined on the
    /// currency); fails the query on an unknown currency. `12.5` in EUR is 1250; no floating point.
    func minorUnits(_ text: String, cur: String, currency: String) -> String {
        let t = "CAST(\(text) AS TEXT)"
        let magnitude = "ltrim(\(t), '+-')"
        let point = "instr(\(magnitude), '.')"
        let fraction = "CAST(substr(substr(\(magnitude), \(point) + 1) || '000000000000000000', 1, \(cur).digits) AS INTEGER)"
        let whole = "CAST(substr(\(magnitude), 1, \(point) - 1) AS INTEGER) * \(cur).unit + \(fraction)"
        let unsigned = "CASE WHEN \(point) = 0 THEN CAST(\(magnitude) AS INTEGER) * \(cur).unit ELSE \(whole) END"
        let unknown = dialect.fail("'unknown currency ''' || \(currency) || ''': use an ISO 4217 code'")
        return "(CASE WHEN \(cur).code IS NULL THEN \(unknown) WHEN substr(\(t), 1, 1) = '-' THEN -(\(unsigned)) ELSE \(unsigned) END)"
    }

    /// `LEFT JOIN rates alias` on the rate of `currency` valid on `day` (a pair `rates` holds).
    func rateJoin(_ alias: String, currency: String, day: String) -> String {
        "LEFT JOIN rates \(alias) ON \(alias).currency = \(currency) AND \(alias).day = \(day)"
    }

    /// `minor` units of `currency` in minor units of the target currency at the `rates` row `rate`: minor × mantissa × mul / den,
    /// rounded half away from zero once. Fails the query when a rate is missing or when the
    /// product would leave 64-bit integers.
    func converted(_ minor: String, currency: String, rate: String, day: String) -> String {
        let m = "(\(minor))"
        let (mul, den, missingColumn, identity) = ("\(rate).mul", "\(rate).den", "\(rate).missing", target)
        let missing = dialect.fail("'no ' || \(missingColumn) || ' rate on or before ' || \(dialect.isoDate(day)) || ': add one to fx_rates'")
        let overflow = dialect.fail("'amount in ' || \(currency) || ' on ' || \(dialect.isoDate(day)) || ' overflows when converted'")
        let product = "\(m) * \(rate).mantissa * \(mul)"
        return "(CASE WHEN \(m) = 0 THEN 0 WHEN \(currency) = \(dialect.literal(identity.code)) THEN \(m) "
            + "WHEN \(missingColumn) IS NOT NULL THEN \(missing) "
            + "WHEN \(den) IS NULL OR \(mul) IS NULL OR \(den) = 0 "
            + "OR abs(\(m)) > \(dialect.maxInteger) / (\(rate).mantissa * \(mul)) THEN \(overflow) "
            + "ELSE \(dialect.divisionRoundingHalfAwayFromZero(product, den)) END)"
    }

    /// The `state` columns that filters compare money with: output-currency minor units, the
    /// currency a query's money literals are written in (`in JPY`: `open > 5000` is 5,000 yen).
    var filterMoneyColumns: (open: String, amount: String) { ("open_rep", "amount_rep") }

    /// The start `a` of the period `(a, d]` ending on the date row `dt`, as a day number.
    func periodStart(_ period: PeriodLength, dates dt: String = "dt") -> String {
        switch period {
        case let .days(n): "(\(dt).dn - \(n))"
        case let .months(n): dialect.addingMonths("\(dt).d", "-\(n)")
        }
    }

    /// The length in days of the period ending on the date row `dt`.
    func periodDays(_ period: PeriodLength, dates dt: String = "dt") -> String {
        switch period {
        case let .days(n): "\(n)"
        case .months: "(\(dt).dn - \(periodStart(period, dates: dt)))"
        }
    }

    /// The name of the bucket of an item `dpd` days past due and `age` days old.
    func bucketName(_ spec: AgingSpec, dpd: String, age: String) -> String {
        let days = spec.basis == .dueDate ? dpd : age
        let names = spec.bucketNames
        var whens: [String] = []
        for (index, name) in names.enumerated().dropLast() {
            whens.append("WHEN \(bucketCondition(spec, index: index, days: days)) THEN \(dialect.literal(name))")
        }
        return "CASE \(whens.joined(separator: " ")) ELSE \(dialect.literal(names.last!)) END"
    }

    /// Whether an item `days` past due (or old) falls in bucket `index` of `spec`.
    func bucketCondition(_ spec: AgingSpec, index: Int, days: String) -> String {
        var bounds = spec.bounds
        if spec.basis == .dueDate { bounds.insert(0, at: 0) }
        let lower = index == 0 ? nil : bounds[index - 1]
        let upper = index < bounds.count ? bounds[index] : nil
        let parts = [lower.map { "\(days) > \($0)" }, upper.map { "\(days) <= \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "1" : "(" + parts.joined(separator: " AND ") + ")"
    }
}
