import ARCore
import ARImport
import ARQuery
import ARStore
import Foundation
import Testing

/// A query run under a perimeter must give exactly what the same query gives on a ledger that
/// holds only the perimeter's rows. The reference ledger here is made the way a user would make
/// it: the sample's CSV files filtered line by line (by code written in this test, not by
/// `Ledger.restricted(to:)`), then imported.
struct PerimeterParityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/sample")
    static let sample = try! SnapshotImporter.load(from: root).ledger
    static let runner = QueryRunner(ledger: sample)

    static let statements = [
        "ar, current, overdue, overdue_rate, disputed, count, customers by entity",
        "aging by customer_group",
        "dso, dso(method: countback), bpdso, add, cei, sales by region",
        "bad_debt_rate, write_offs(period: 12 months), days_to_pay(period: 6 months), days_late(period: 12 months) by segment",
        "dispute_days(period: 12 months), open_disputes by dispute_reason",
        "promise_kept_rate(period: 6 months), promise_kept_rate(period: 12 months, grace: 5 days) by customer_group",
        "penalties, penalties(rules: fr), penalties(rules: uk) by entity",
        "overdue_rate, ar, dso by entity monthly from 2025-11-30 to 2026-10-31",
        "forecast collections weekly next 13 weeks by entity",
        "items where dpd > 60 order by open desc limit 25",
        "ar, overdue by customer order by ar desc limit 10",
        "ar where entity = \"US01\"",
    ]

    static let perimeters: [(Perimeter, SampleFilter)] = [
        (Perimeter(["entity": ["FR01"]]), SampleFilter(entities: ["FR01"])),
        (Perimeter(["entity": ["US01", "JP01"]]), SampleFilter(entities: ["US01", "JP01"])),
        (Perimeter(["region": ["APAC"]]), SampleFilter(customerColumn: ("region", ["APAC"]))),
        (Perimeter(["customer_group": ["GRP-0009", "GRP-0023"]]), SampleFilter(customerColumn: ("customer_group", ["GRP-0009", "GRP-0023"]))),
    ]

    @Test(arguments: perimeters.indices)
    func aRestrictedRunEqualsTheSameQueryOnTheFilteredLedger(_ index: Int) throws {
        let (perimeter, filter) = Self.perimeters[index]
        let folder = try filter.write(from: Self.root)
        defer { try? FileManager.default.removeItem(at: folder) }
        let imported = try SnapshotImporter.load(from: folder)
        #expect(imported.rejects.isEmpty, "the filtered files import cleanly: \(imported.rejects.prefix(3))")
        let reference = QueryRunner(ledger: imported.ledger)
        for statement in Self.statements {
            let restricted = try Self.runner.run(statement, options: QueryOptions(perimeter: perimeter))
            let expected = try reference.run(statement)
            #expect(restricted.count == expected.count)
            for (a, b) in zip(restricted, expected) {
                #expect(a.result?.columns == b.result?.columns, "\(statement) under \(perimeter)")
                #expect(a.result?.rows == b.result?.rows, "\(statement) under \(perimeter)")
                #expect(a.result?.context.perimeter == perimeter)
            }
        }
    }

    @Test func namesOfOtherCustomersAreNotInARestrictedLedger() throws {
        let france = try Self.sample.restricted(to: Perimeter(["entity": ["FR01"]]))
        let frenchCustomers = Set(france.documents.customer.map { france.customers.ids[Int($0)] })
        #expect(Set(france.customers.ids.strings).subtracting(frenchCustomers).allSatisfy { id in
            // Kept without a document only for their cash on account, promises or dunning in FR01.
            (0..<france.payments.count).contains { france.customers.ids[Int(france.payments.customer[$0])] == id }
        })
        #expect(france.entities.ids == ["FR01"])
        #expect(france.documents.entity.allSatisfy { france.entities.ids[Int($0)] == "FR01" })
    }

    @Test func explainShowsThePerimeterAndTheSQLReadsThroughIt() throws {
        let options = QueryOptions(perimeter: Perimeter(["entity": ["FR01"]]))
        let plan = try Self.runner.run("explain ar by region", options: options)[0].text(as: .table)
        #expect(plan.contains("within entity FR01"))
        let sql = try Self.runner.run("explain sql ar by region", options: options)[0].text(as: .table)
        #expect(sql.contains("p_invoices AS"))
        #expect(sql.contains("IN ('FR01')"))
        #expect(!sql.contains("'US01'"))
    }

    @Test func anUnknownPerimeterFieldIsADiagnostic() throws {
        let options = QueryOptions(perimeter: Perimeter(["regoin": ["EMEA"]]))
        #expect(throws: QueryDiagnostic.self) { try Self.runner.run("ar", options: options) }
        do {
            _ = try Self.runner.run("ar", options: options)
        } catch let diagnostic as QueryDiagnostic {
            #expect(diagnostic.code == .invalidPerimeter)
            #expect(diagnostic.message.hasPrefix("unknown perimeter field 'regoin'"))
        }
    }
}
