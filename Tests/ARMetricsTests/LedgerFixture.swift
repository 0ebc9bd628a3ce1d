import ARCore
import ARStore
@testable import ARMetrics

/// Small hand-written ledgers for the metric tests: entities E1 (EUR) and E2 (USD), customers
/// added on demand, amounts in minor units.
struct LedgerFixture {
    var builder: LedgerBuilder
    private var customerIDs: Set<String> = []

    static let gbp = Currency(code: "GBP")!
    static let jpy = Currency(code: "JPY")!

    init(reporting: Currency = .eur) throws {
        builder = LedgerBuilder(reportingCurrency: reporting)
        // The engine meets any amount an archive holds, beyond the import's limit too.
        builder.amountLimit = .max
        try builder.add(EntityRecord(id: "E1", currency: .eur))
        try builder.add(EntityRecord(id: "E2", currency: .usd))
    }

    mutating func customer(_ id: String, region: String? = nil, segment: String? = nil, extras: [(name: String, value: String)] = []) throws {
        customerIDs.insert(id)
        try builder.add(CustomerRecord(id: id, name: "Name \(id)", segment: segment, region: region, extras: extras))
    }

    mutating func rate(_ currency: Currency, _ day: String, _ rate: String) {
        builder.add(FXRateRecord(day: d(day), currency: currency, rate: ExactRate(rate)!))
    }

    mutating func invoice(_ id: String, _ customer: String = "C1", entity: String = "E1", issue: String, due: String? = nil,
                          amount: Int64, currency: Currency = .eur, extras: [(name: String, value: String)] = []) throws {
        try ensure(customer)
        try builder.add(DocumentRecord(id: id, entityID: entity, customerID: customer, issue: d(issue), due: d(due ?? issue),
                                       amount: amount, currency: currency, extras: extras))
    }

    mutating func creditNote(_ id: String, _ customer: String = "C1", entity: String = "E1", issue: String, due: String? = nil,
                             amount: Int64, currency: Currency = .eur) throws {
        try ensure(customer)
        try builder.add(DocumentRecord(id: id, entityID: entity, customerID: customer, kind: .creditNote, issue: d(issue),
                                       due: due.map(d), amount: amount, currency: currency))
    }

    mutating func pay(_ id: String, _ customer: String = "C1", to document: String?, entity: String? = nil, on day: String,
                      amount: Int64, currency: Currency = .eur) throws {
        try ensure(customer)
        try builder.add(PaymentRecord(id: id, customerID: customer, documentID: document, entityID: entity, day: d(day),
                                      amount: amount, currency: currency))
    }

    mutating func writeOff(_ document: String, on day: String, amount: Int64) throws {
        try builder.add(WriteOffRecord(documentID: document, day: d(day), amount: amount))
    }

    mutating func dispute(_ id: String, _ document: String, opened: String, resolved: String? = nil, amount: Int64? = nil,
                          reason: String? = nil) throws {
        try builder.add(DisputeRecord(id: id, documentID: document, opened: d(opened), resolved: resolved.map(d),
                                      amount: amount, reason: reason))
    }

    mutating func promise(_ id: String, _ customer: String = "C1", document: String? = nil, made: String, promised: String,
                          amount: Int64, currency: Currency? = nil) throws {
        try builder.add(PromiseRecord(id: id, customerID: customer, documentID: document, made: d(made), promised: d(promised),
                                      amount: amount, currency: currency))
    }

    private mutating func ensure(_ customer: String) throws {
        if !customerIDs.contains(customer) { try self.customer(customer) }
    }

    func engine(asOf: String) -> MetricEngine { MetricEngine(ledger: builder.finish(asOf: d(asOf))) }
}

func d(_ text: String) -> Day { Day(iso: text)! }

extension MetricEngine {
    /// The single value of `request` with no dimension at `day`.
    func value(_ request: MetricRequest, at day: String, filter: ItemPredicate? = nil, currency: Currency? = nil) throws -> MetricValue {
        let table = try run(MetricQuery(metrics: [request], filter: filter, dates: [d(day)], currency: currency))
        return table.rows[0].values[0]
    }

    func value(_ kind: MetricKind, at day: String) throws -> MetricValue { try value(MetricRequest(kind), at: day) }

    /// Rows of `kind` by one dimension at `day`, as (key, value) pairs.
    func byDimension(_ kind: MetricKind, _ dimension: Dimension, at day: String) throws -> [(String?, MetricValue)] {
        let table = try run(MetricQuery(metrics: [MetricRequest(kind)], dimensions: [dimension], dates: [d(day)]))
        return table.rows.map { ($0.keys[0], $0.values[0]) }
    }
}

extension MetricValue {
    var days: Double? { if case let .days(v) = self { v } else { nil } }
    var ratio: Double? { if case let .ratio(v) = self { v } else { nil } }
    var percent: Double? { if case let .percent(v) = self { v } else { nil } }
}

func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
