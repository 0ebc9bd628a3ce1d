import ARCore
import ARMetrics
import ARQuery

/// Each customer's open balance (`ar`) at each date of a query, in every currency a credit unit
/// needs (the limits' and the output's): one engine run per currency, grouped by customer and the
/// query's dimensions, under the query's filter.
struct CustomerBalances {
    /// A customer of a row and its balance in the output currency.
    struct Member {
        var id: String
    }

    /// The query's rows: a date, the dimension keys, the customers grouped there.
    private(set) var rows: [(date: Day, keys: [String?], customers: [Member])] = []
    private var balances: [Currency: [Day: [String: Int64]]] = [:]

    /// - Parameter currencies: the currencies balances are needed in besides `output`.
    init(query: MetricQuery, engine: MetricEngine, currencies: Set<Currency> = [], output: Currency) throws {
        let customerIndex = query.dimensions.firstIndex(of: .customer)
        let dimensions = customerIndex == nil ? [.customer] + query.dimensions : query.dimensions
        let position = customerIndex ?? 0
        for currency in currencies.union([output]).sorted(by: { $0.code < $1.code }) {
            let table = try engine.run(MetricQuery(metrics: [MetricRequest(.ar)], dimensions: dimensions, filter: query.filter,
                                                   dates: query.dates, currency: currency))
            var byDay: [Day: [String: Int64]] = [:]
            var grouped: [MetricRowKey: [Member]] = [:]
            var order: [MetricRowKey] = []
            for row in table.rows {
                guard let id = row.keys[position], case let .money(ar) = row.values[0] else { continue }
                byDay[row.date, default: [:]][id] = ar
                guard currency == output else { continue }
                let key = MetricRowKey(date: row.date, keys: customerIndex == nil ? Array(row.keys.dropFirst()) : row.keys)
                if grouped[key] == nil { order.append(key) }
                grouped[key, default: []].append(Member(id: id))
            }
            balances[currency] = byDay
            if currency == output {
                rows = order.sorted().map { ($0.date, $0.keys, grouped[$0]!) }
            }
        }
    }

    /// The customer's balance in `currency` on `day` (zero when it had no open item).
    func balance(_ id: String, in currency: Currency, on day: Day) -> Int64 {
        balances[currency]?[day]?[id] ?? 0
    }
}

/// Customers answered together for credit: one customer, or a group that has its own limit, or
/// a group without one (its customers' limits summed, in the output currency).
struct CreditUnit {
    var customers: [String]
    var currency: Currency
    var creditLimit: Int64?
    var insuredLimit: Int64?
    /// For a group without a limit of its own: its customers, whose limits sum to the group's.
    var members: [CreditUnit] = []

    /// The unit's credit and insured limits in its currency at `date` (a group's members' converted).
    func limits(on date: Day, engine: MetricEngine) throws(MetricError) -> (credit: Int64?, insured: Int64?) {
        guard !members.isEmpty else { return (creditLimit, insuredLimit) }
        var credit: Int64?, insured: Int64?
        for member in members {
            if let limit = member.creditLimit {
                credit = try Checked.add(credit ?? 0, engine.convert(limit, from: member.currency, to: currency, on: date))
            }
            if let limit = member.insuredLimit {
                insured = try Checked.add(insured ?? 0, engine.convert(limit, from: member.currency, to: currency, on: date))
            }
        }
        return (credit, insured)
    }

    /// The units of a row's customers.
    static func units(of members: [CustomerBalances.Member], terms: CreditTerms, byGroup: Bool,
                      output: Currency) -> [CreditUnit] {
        let singles = members.compactMap { member -> CreditUnit? in
            guard let row = terms.rowOfID[member.id] else { return nil }
            let t = terms.customers[row]
            return CreditUnit(customers: [member.id], currency: t.currency, creditLimit: t.creditLimit, insuredLimit: t.insuredLimit)
        }
        guard byGroup, let first = members.first, let row = terms.rowOfID[first.id], let group = terms.groups[row] else {
            return singles
        }
        let ids = members.map(\.id)
        if let own = terms.groupTerms[group] {
            return [CreditUnit(customers: ids, currency: own.currency, creditLimit: own.creditLimit, insuredLimit: own.insuredLimit)]
        }
        return [CreditUnit(customers: ids, currency: output, creditLimit: nil, insuredLimit: nil, members: singles)]
    }
}
