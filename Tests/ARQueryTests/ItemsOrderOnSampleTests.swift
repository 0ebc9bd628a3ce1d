import ARCore
import ARImport
import ARMetrics
import ARQuery
import ARStore
import Foundation
import Testing

/// `items … order by` in ARQL on the bundled sample (issue 12): every key sorts by its typed
/// value, as the engine's test of every key checks on a generated ledger. The result of each
/// statement is compared with the unordered `items` of the same filter, sorted here.
struct ItemsOrderOnSampleTests {
    static let runner = ReferenceQueriesOnSampleTests.runner
    static var ledger: Ledger { runner.ledger }

    static func items(_ statement: String) throws -> ResultSet {
        guard case let .table(result, _, _)? = try runner.run(statement).first else { throw CancellationError() }
        return result
    }

    static func column(_ result: ResultSet, _ name: String) -> [ResultValue] {
        let c = result.columns.firstIndex { $0.name == name }!
        return result.rows.map { $0[c] }
    }

    /// The customer-level value (`region`, `segment`, …) of each row, by its customer id.
    static func customerValues(_ result: ResultSet, _ values: KeyPath<CustomerTable, DictionaryColumn>) -> [String?] {
        let rows = Dictionary(uniqueKeysWithValues: (0..<ledger.customers.count).map { (ledger.customers.ids[$0], $0) })
        return column(result, "customer").map { value in
            guard case let .string(id) = value else { return nil }
            return ledger.customers[keyPath: values][rows[id]!]
        }
    }

    /// Ids of `result` in the order of `keys` (one value per row, `nil` missing: last both ways),
    /// ties in the given order.
    static func sortedIDs<T: Comparable>(_ result: ResultSet, by keys: [T?], descending: Bool) -> [ResultValue] {
        let ids = column(result, "id")
        let order = ids.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case (nil, nil): return a < b
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?): return x == y ? a < b : (descending ? y < x : x < y)
            }
        }
        return order.map { ids[$0] }
    }

    @Test(arguments: ["region", "segment", "customer_group", "country", "sales_rep"], [false, true])
    func byACustomerDimension(_ name: String, descending: Bool) throws {
        let keyPath: KeyPath<CustomerTable, DictionaryColumn> = switch name {
        case "region": \.region
        case "segment": \.segment
        case "customer_group": \.group
        case "country": \.country
        default: \.salesRep
        }
        let all = try Self.items("items where dpd > 60")
        let ordered = try Self.items("items where dpd > 60 order by \(name)\(descending ? " desc" : "")")
        #expect(Self.column(ordered, "id") == Self.sortedIDs(all, by: Self.customerValues(all, keyPath), descending: descending))
        #expect(Set(Self.customerValues(all, keyPath).compactMap { $0 }).count > 1)
    }

    @Test func byAgeYoungestFirst() throws {
        let all = try Self.items("items where entity = \"FR01\"")
        let issue = Self.column(all, "issue_date").map { value -> Int32? in
            guard case let .date(day) = value else { return nil }
            return day.rawValue
        }
        let asOf = Self.ledger.snapshot.asOf.rawValue
        let ages = issue.map { $0.map { asOf - $0 } }
        #expect(Self.column(try Self.items("items where entity = \"FR01\" order by age"), "id") == Self.sortedIDs(all, by: ages, descending: false))
        #expect(Self.column(try Self.items("items where entity = \"FR01\" order by age desc limit 30"), "id")
            == Array(Self.sortedIDs(all, by: ages, descending: true).prefix(30)))
    }

    @Test func byBucketInBucketOrder() throws {
        let names = AgingSpec.standard.bucketNames
        let all = try Self.items("items")
        let ranks = Self.column(all, "bucket").map { value -> Int? in
            guard case let .string(name) = value else { return nil }
            return names.firstIndex(of: name)
        }
        let ordered = try Self.items("items order by bucket desc limit 500")
        #expect(Self.column(ordered, "id") == Array(Self.sortedIDs(all, by: ranks, descending: true).prefix(500)))
        let buckets = Set(Self.column(try Self.items("items order by bucket"), "bucket"))
        #expect(buckets.count == names.count)
    }

    /// Several keys: a dimension, then days past due descending, then the id.
    @Test func bySeveralKeys() throws {
        let all = try Self.items("items")
        let regions = Self.customerValues(all, \.region)
        let dpd = Self.column(all, "dpd").map { value -> Int64 in
            guard case let .integer(n) = value else { return 0 }
            return n
        }
        let ids = Self.column(all, "id")
        let order = ids.indices.sorted { a, b in
            if regions[a] != regions[b] {
                guard let x = regions[a] else { return false }
                guard let y = regions[b] else { return true }
                return x > y
            }
            if dpd[a] != dpd[b] { return dpd[a] > dpd[b] }
            guard case let .string(x) = ids[a], case let .string(y) = ids[b] else { return a < b }
            return x < y
        }
        let ordered = try Self.items("items order by region desc, dpd desc, id limit 40")
        #expect(Self.column(ordered, "id") == Array(order.prefix(40).map { ids[$0] }))
    }

    /// The benchmark's query keeps its answer: the 20 largest old undisputed items.
    @Test func largestOpenItemsFirst() throws {
        let all = try Self.items("items where dpd > 90 and not disputed")
        let open = Self.column(all, "open_eur").map { value -> Int64? in
            guard case let .money(m) = value else { return nil }
            return m
        }
        let top = try Self.items("items where dpd > 90 and not disputed order by open desc limit 20")
        #expect(Self.column(top, "id") == Array(Self.sortedIDs(all, by: open, descending: true).prefix(20)))
        #expect(top.rows.count == 20)
    }
}
