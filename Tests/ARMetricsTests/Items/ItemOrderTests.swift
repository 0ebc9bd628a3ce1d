import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// `items … order by` on every key, both directions, several keys, with and without a limit,
/// against a sort written here from the unordered item table and the ledger's own columns: one
/// rule, missing values last in both directions, ties in document order.
struct ItemOrderTests {
    static let ledger = try! ItemOrderTests.makeLedger(seed: 11)
    static let asOf = ledger.snapshot.asOf

    static let dimensions: [Dimension] = [.entity, .customer, .customerName, .customerGroup, .segment, .region, .country, .salesRep,
                                          .paymentTermsDays, .creditLimit, .currency,
                                          .bucket, .disputeReason, .issueMonth, .type, .documentAttribute("channel"),
                                          .customerAttribute("tier")]
    static let fields: [ItemSortKey.Column] = dimensions.map { .field(.dimension($0)) }
        + [.field(.age), .field(.dpd), .field(.open), .field(.amount), .field(.issueDate), .field(.dueDate), .field(.id), .predictedPayDate]

    @Test(arguments: fields)
    func everyKeyBothDirections(_ column: ItemSortKey.Column) throws {
        for descending in [false, true] {
            for limit in [nil, 7, 150] as [Int?] {
                try check([ItemSortKey(column: column, descending: descending)], limit: limit)
            }
        }
    }

    @Test func severalKeys() throws {
        let keys: [[ItemSortKey]] = [
            [.init(field: .dimension(.region), descending: true), .init(field: .dpd, descending: false)],
            [.init(field: .dimension(.bucket), descending: true), .init(field: .dimension(.customer), descending: false),
             .init(field: .amount, descending: true)],
            [.init(column: .predictedPayDate, descending: false), .init(field: .dimension(.customerAttribute("tier")), descending: true),
             .init(field: .id, descending: true)],
            [.init(field: .dimension(.type), descending: false), .init(field: .dimension(.currency), descending: true),
             .init(field: .open, descending: false)],
            [.init(field: .dimension(.segment), descending: false), .init(field: .dimension(.country), descending: true),
             .init(field: .age, descending: true)],
        ]
        for order in keys {
            for limit in [nil, 1, 25] as [Int?] { try check(order, limit: limit) }
        }
        try check(keys[0], limit: 10, filter: .compare(.dpd, .gt, .integer(0)))
        try check([.init(field: .open, descending: true), .init(field: .dimension(.region), descending: false)], limit: 12,
                  currency: .usd)
    }

    /// The issue's reproductions: by region (not by id), by age (oldest last when ascending), by
    /// bucket (in bucket order, not as text).
    @Test func regressions() throws {
        let engine = MetricEngine(ledger: Self.ledger)
        let byRegion = try engine.items(asOf: Self.asOf, filter: nil, currency: nil, order: [.init(field: .dimension(.region), descending: false)])
        let regions = byRegion.customers.map { Self.customerValue($0, \.region) }
        #expect(regions.compactMap { $0 } == regions.compactMap { $0 }.sorted())
        #expect(regions.drop { $0 != nil }.allSatisfy { $0 == nil })   // missing last
        let byAge = try engine.items(asOf: Self.asOf, filter: nil, currency: nil, order: [.init(field: .age, descending: false)])
        #expect(byAge.issueDates == byAge.issueDates.sorted(by: >))
        let byBucket = try engine.items(asOf: Self.asOf, filter: nil, currency: nil, order: [.init(field: .dimension(.bucket), descending: false)])
        let names = AgingSpec.standard.bucketNames
        #expect(byBucket.buckets.map { names.firstIndex(of: $0)! } == byBucket.buckets.map { names.firstIndex(of: $0)! }.sorted())
        #expect(Set(byBucket.buckets).count >= 4)
    }

    // MARK: - The reference

    /// The engine's order of `keys` (cut to `limit`) is the reference sort of the unordered items.
    private func check(_ keys: [ItemSortKey], limit: Int?, filter: ItemPredicate? = nil, currency: Currency? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let engine = MetricEngine(ledger: Self.ledger)
        let all = try engine.items(asOf: Self.asOf, filter: filter, currency: currency, predictingPayDates: true)
        let values = try keys.map { key in try (0..<all.count).map { try Self.value(key.column, item: $0, in: all) } }
        let reference = (0..<all.count).sorted { a, b in
            for (key, column) in zip(keys, values) {
                switch (column[a], column[b]) {
                case (nil, nil): continue
                case (nil, _): return false
                case (_, nil): return true
                case let (x?, y?):
                    if x == y { continue }
                    return key.descending ? y < x : x < y
                }
            }
            return a < b
        }
        let expected = all.selecting(Array(reference.prefix(limit ?? reference.count)))
        let ordered = try engine.items(asOf: Self.asOf, filter: filter, currency: currency, order: keys, limit: limit, predictingPayDates: true)
        #expect(ordered.ids == expected.ids, "\(keys.map { "\($0.column)\($0.descending ? " desc" : "")" }) limit \(String(describing: limit))",
                sourceLocation: sourceLocation)
        #expect(ordered == expected, sourceLocation: sourceLocation)
        #expect(all.count > 300, sourceLocation: sourceLocation)
    }

    /// A key's value, compared as the rule says: numbers as numbers, text as text, `nil` missing.
    enum Value: Comparable {
        case number(Int64)
        case text(String)
    }

    /// Item `k`'s value for `column`, from the item table and the ledger's columns.
    static func value(_ column: ItemSortKey.Column, item k: Int, in items: ItemTable) throws -> Value? {
        let day = Int64(items.asOf.rawValue), document = Int(items.documentRows[k])
        switch column {
        case .predictedPayDate: return items.predictedPayDates![k].map { .number(Int64($0.rawValue)) }
        case .field(.dpd): return .number(Int64(items.daysPastDue[k]))
        case .field(.age): return .number(day - Int64(items.issueDates[k].rawValue))
        case .field(.open): return .number(items.openReporting[k])
        case .field(.amount):
            let currency = Int32(ledger.currencies.firstIndex { $0.code == items.currencies[k] }!)
            return .number(try ledger.toReporting(items.amounts[k], currency: currency, on: items.asOf.rawValue))
        case .field(.issueDate): return .number(Int64(items.issueDates[k].rawValue))
        case .field(.dueDate): return .number(Int64(items.dueDates[k].rawValue))
        case .field(.id): return .text(items.ids[k])
        case let .field(.dimension(dimension)):
            return dimensionValue(dimension, item: k, document: document, in: items)
        }
    }

    static func dimensionValue(_ dimension: Dimension, item k: Int, document: Int, in items: ItemTable) -> Value? {
        let text: String?
        switch dimension {
        case .entity: text = items.entities[k]
        case .customer: text = items.customers[k]
        case .customerGroup: text = customerValue(items.customers[k], \.group)
        case .segment: text = customerValue(items.customers[k], \.segment)
        case .region: text = customerValue(items.customers[k], \.region)
        case .country: text = customerValue(items.customers[k], \.country)
        case .salesRep: text = customerValue(items.customers[k], \.salesRep)
        case .customerName: text = customerValue(items.customers[k], \.names)
        case .creditLimit: text = customerValue(items.customers[k], \.creditLimit)
        case .insuredLimit: text = customerValue(items.customers[k], \.insuredLimit)
        case .paymentTermsDays:
            return ledger.customers.paymentTermsDays[customerRow[items.customers[k]]!].map { .number(Int64($0)) }
        case .currency: text = items.currencies[k]
        case .bucket: return .number(Int64(AgingSpec.standard.bucketNames.firstIndex(of: items.buckets[k])!))
        case .disputeReason: text = document >= 0 ? openDisputeReason(document, at: items.asOf) : nil
        case .issueMonth: text = String(items.issueDates[k].iso.prefix(7))
        case .type: text = items.types[k]
        case let .documentAttribute(name): text = document >= 0 ? ledger.documents.extras.column(named: name)?[document] : nil
        case let .customerAttribute(name):
            text = ledger.customers.extras.column(named: name)?[customerRow[items.customers[k]]!]
        }
        return text.map(Value.text)
    }

    static let customerRow = Dictionary(uniqueKeysWithValues: (0..<ledger.customers.count).map { (ledger.customers.ids[$0], $0) })

    static func customerValue(_ id: String, _ column: KeyPath<CustomerTable, DictionaryColumn>) -> String? {
        ledger.customers[keyPath: column][customerRow[id]!]
    }

    /// The reason of the document's earliest-opened dispute open at `day` (`nil`: none, or no reason).
    static func openDisputeReason(_ document: Int, at day: Day) -> String? {
        let disputes = ledger.disputes
        let open = (0..<disputes.count).filter { k in
            Int(disputes.document[k]) == document && disputes.opened[k] <= day.rawValue
                && (disputes.resolved[k].map { $0 > day.rawValue } ?? true)
        }
        guard let first = open.min(by: { disputes.opened[$0] < disputes.opened[$1] }) else { return nil }
        return disputes.reason[first]
    }

    // MARK: - The ledger

    /// About 400 items with every dimension present and missing in places: customers without
    /// region, segment, …, documents without the `channel` attribute, disputes with and without
    /// reason, promises (predicted pay dates), credit notes and cash on account, EUR and USD.
    static func makeLedger(seed: UInt64) throws -> Ledger {
        var random = SplitMix(seed: seed)
        func pick<T>(_ options: [T?]) -> T? { options[Int(random.next() % UInt64(options.count))] }
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "FR01", currency: .eur))
        try b.add(EntityRecord(id: "US01", currency: .usd))
        b.add(FXRateRecord(day: d("2025-01-01"), currency: .usd, rate: ExactRate("0.9123")!))
        b.add(FXRateRecord(day: d("2025-09-01"), currency: .usd, rate: ExactRate("0.8765")!))
        for c in 0..<40 {
            let tier: String? = pick(["gold", "silver", nil])
            try b.add(CustomerRecord(id: "C\(c)", name: "Customer \(c)", group: pick(["G1", "G2", nil]), segment: pick(["large", "small", nil]),
                                     region: pick(["EMEA", "AMER", "APAC", nil]), country: pick(["FR", "US", "DE", nil]),
                                     salesRep: pick(["ann", "bob", nil]), extras: tier.map { [("tier", $0)] } ?? []))
        }
        let start = d("2025-01-01")
        for i in 0..<420 {
            let customer = "C\(random.next() % 40)", usd = random.next() % 3 == 0
            let issue = start.adding(days: Int(random.next() % 420))
            let amount = Int64(random.next() % 500_000) + 100
            let channel: String? = pick(["web", "edi", "paper", nil])
            let credit = random.next() % 8 == 0
            try b.add(DocumentRecord(id: "D\(i)", entityID: usd ? "US01" : "FR01", customerID: customer, kind: credit ? .creditNote : .invoice,
                                     issue: issue, due: credit ? nil : issue.adding(days: [15, 30, 45, 60][Int(random.next() % 4)]),
                                     amount: amount, currency: usd ? .usd : .eur, extras: channel.map { [("channel", $0)] } ?? []))
            if !credit, random.next() % 3 == 0 {
                try b.add(PaymentRecord(id: "P\(i)", customerID: customer, documentID: "D\(i)", day: issue.adding(days: Int(random.next() % 50)),
                                        amount: amount / Int64(1 + random.next() % 3), currency: usd ? .usd : .eur))
            }
            if !credit, random.next() % 6 == 0 {
                let opened = issue.adding(days: Int(random.next() % 40))
                try b.add(DisputeRecord(id: "X\(i)", documentID: "D\(i)", opened: opened,
                                        resolved: random.next() % 3 == 0 ? opened.adding(days: 20) : nil,
                                        reason: pick(["price", "quality", "delivery", nil])))
            }
            if !credit, random.next() % 9 == 0 {
                try b.add(PromiseRecord(id: "R\(i)", customerID: customer, documentID: "D\(i)", made: d("2026-02-20"),
                                        promised: d("2026-03-01").adding(days: Int(random.next() % 60)), amount: amount / 2, currency: nil))
            }
            if random.next() % 25 == 0 {
                try b.add(PaymentRecord(id: "U\(i)", customerID: customer, documentID: nil, day: issue, amount: amount / 5 + 1,
                                        currency: usd ? .usd : .eur))
            }
        }
        return b.finish(asOf: d("2026-02-28"))
    }
}
