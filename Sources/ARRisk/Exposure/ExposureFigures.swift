import ARCore
import ARMetrics
import ARStore

/// Exposure and limit figures of every row of a query (docs/risk.md, "Exposure and limits").
///
/// The rows are the query's groups of customers with open items at each date (passing `where`).
/// Each row is made of credit units: its customers, or its group when the query groups by
/// `customer_group` (and not by customer). A unit's figures are computed in its limit's currency,
/// then each is converted to the output currency and summed; `exposure` is `ar` in the output
/// currency, so it adds up exactly like `ar`.
struct ExposureFigures {
    /// One row's sums, output-currency minor units.
    struct Sums {
        var exposure: Int64 = 0
        var creditLimit: Int64?
        var insuredLimit: Int64?
        /// Exposure of the units that have a limit (the numerator of `limit_used`).
        var limitedExposure: Int64 = 0
        var overLimit: Int64 = 0
        var uninsured: Int64 = 0
        /// `limit_used` of a row of one unit, computed in the limit's own currency.
        var singleUnitUse: Double?
        var units = 0
    }

    let query: MetricQuery
    let output: Currency
    private(set) var rows: [(date: Day, keys: [String?], sums: Sums)] = []

    init(query: MetricQuery, engine: MetricEngine) throws {
        self.query = query
        output = query.currency ?? engine.ledger.snapshot.reportingCurrency
        let terms = CreditTerms(ledger: engine.ledger)
        let currencies = Set(terms.customers.map(\.currency)).union(terms.groupTerms.values.map(\.currency))
        let balances = try CustomerBalances(query: query, engine: engine, currencies: currencies, output: output)
        let byGroup = query.dimensions.contains(.customerGroup) && !query.dimensions.contains(.customer)
        for row in balances.rows {
            var sums = Sums()
            for unit in CreditUnit.units(of: row.customers, terms: terms, byGroup: byGroup, output: output) {
                try sums.add(unit, balances: balances, date: row.date, engine: engine, output: output)
            }
            for member in row.customers {
                sums.exposure = try Checked.add(sums.exposure, balances.balance(member.id, in: output, on: row.date))
            }
            rows.append((row.date, row.keys, sums))
        }
    }

    /// The table of `metrics`, one column each.
    func table(_ metrics: [ExposureMetric]) -> MetricTable {
        let columns = metrics.map { MetricColumn(name: $0.rawValue, kind: $0.provided.valueKind) }
        let tableRows = rows.map { row in
            MetricTable.Row(date: row.date, keys: row.keys, values: metrics.map { Self.value($0, row.sums) })
        }
        return MetricTable(dimensions: query.dimensions, isSeries: query.dates.count > 1, columns: columns,
                           rows: tableRows, currency: output)
    }

    static func value(_ metric: ExposureMetric, _ sums: Sums) -> MetricValue {
        switch metric {
        case .exposure: .money(sums.exposure)
        case .creditLimit: sums.creditLimit.map(MetricValue.money) ?? .missing
        case .insuredLimit: sums.insuredLimit.map(MetricValue.money) ?? .missing
        case .overLimit: .money(sums.overLimit)
        case .uninsuredExposure: .money(sums.uninsured)
        case .limitUsed:
            if let single = sums.singleUnitUse { .ratio(single) }
            else if let limit = sums.creditLimit, limit > 0 { .ratio(Double(sums.limitedExposure) / Double(limit)) }
            else { .missing }
        }
    }
}

extension ExposureFigures.Sums {
    /// Adds one credit unit, converting its figures from its currency to `output` at `date`.
    mutating func add(_ unit: CreditUnit, balances: CustomerBalances, date: Day, engine: MetricEngine,
                      output: Currency) throws(MetricError) {
        var exposure: Int64 = 0
        for id in unit.customers { exposure = try Checked.add(exposure, balances.balance(id, in: unit.currency, on: date)) }
        func converted(_ minor: Int64) throws(MetricError) -> Int64 {
            try engine.convert(minor, from: unit.currency, to: output, on: date)
        }
        units += 1
        let (credit, insured) = try unit.limits(on: date, engine: engine)
        if let limit = credit {
            creditLimit = try Checked.add(creditLimit ?? 0, converted(limit))
            limitedExposure = try Checked.add(limitedExposure, converted(exposure))
            overLimit = try Checked.add(overLimit, converted(max(0, exposure - limit)))
            singleUnitUse = units == 1 && limit > 0 ? Double(exposure) / Double(limit) : nil
        } else {
            singleUnitUse = nil
        }
        if let insured { insuredLimit = try Checked.add(insuredLimit ?? 0, converted(insured)) }
        uninsured = try Checked.add(uninsured, converted(max(0, exposure - (insured ?? 0))))
    }
}

/// Sums that fail loudly rather than wrap.
enum Checked {
    static func add(_ a: Int64, _ b: Int64) throws(MetricError) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else {
            throw MetricError(code: "overflow", message: "an exposure sum does not fit in 64-bit minor units: narrow the query")
        }
        return sum
    }
}
