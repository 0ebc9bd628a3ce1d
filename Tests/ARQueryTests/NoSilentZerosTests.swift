import ARCore
import ARQuery
import ARStore
import Testing

/// A figure that is zero because the question was wrong says so, in every output: the warnings
/// travel with the result (`ResultContext.warnings`), printed by the CLI on standard error, by the
/// REPL after the table, and in JSON's `warnings`.
struct NoSilentZerosTests {
    static let runner = PerimeterParityTests.runner

    static func warnings(_ query: String, runner: QueryRunner = runner) throws -> [String] {
        try runner.run(query).flatMap { $0.result?.context.warnings ?? [] }
    }

    @Test func aFilterValueNoRowHasIsNamedWithTheClosestOne() throws {
        #expect(try Self.warnings(#"ar where entity = "FR1""#)
                == ["where entity = 'FR1' matches nothing: no row has that entity; did you mean 'FR01'?"])
        #expect(try Self.warnings(#"ar by entity where region in ("emea", "APAC")"#)
                == ["where region = 'emea' matches nothing: no row has that region; did you mean 'EMEA'?"])
        #expect(try Self.warnings(#"items where customer = "C1""#) == ["where customer = 'C1' matches nothing: no customer has that id"])
        #expect(try Self.warnings(#"aging(buckets: [15, 45]) where bucket = "1-15""#).isEmpty)
        #expect(try Self.warnings(#"ar where region = "EMEA" and entity = "FR01""#).isEmpty)
    }

    @Test func aDateBeforeTheLedgerSaysSo() throws {
        #expect(try Self.warnings("ar as of 2020-01-31")
                == ["2020-01-31 is before the ledger's first document (2024-11-01): figures there are zero for want of history"])
        #expect(try Self.warnings("ar monthly from 2024-12-31 to 2025-02-28").isEmpty)
    }

    @Test func aLedgerOfOpenItemsOnlySaysBehaviourCannotBeMeasured() throws {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "E1", currency: .eur))
        try b.add(CustomerRecord(id: "C1"))
        try b.add(DocumentRecord(id: "I1", entityID: "E1", customerID: "C1", issue: Day(iso: "2026-01-10")!,
                                 due: Day(iso: "2026-02-09")!, amount: 100_00, currency: .eur))
        let openItems = QueryRunner(ledger: b.finish(asOf: Day(iso: "2026-03-31")!))
        #expect(try Self.warnings("ar, dso, days_to_pay", runner: openItems)
                == ["the ledger holds open items only (no payment, no write-off): dso, days_to_pay cannot be measured from it"])
        #expect(try Self.warnings("forecast collections weekly next 4 weeks", runner: openItems)
                == ["the ledger holds open items only (no payment, no write-off): the forecast by payment behaviour cannot be measured from it"])
        #expect(try Self.warnings("ar, overdue", runner: openItems).isEmpty)
        #expect(try Self.warnings("collections, collections_rate, paid_late_rate, disputes_opened", runner: openItems)
                == ["the ledger holds open items only (no payment, no write-off): collections, collections_rate, paid_late_rate "
                    + "cannot be measured from it"])
    }

    @Test func warningsAreInTheJSON() throws {
        let json = try Self.runner.run(#"ar where entity = "FR1""#)[0].text(as: .json)
        #expect(json.hasSuffix(#""warnings":["where entity = 'FR1' matches nothing: no row has that entity; did you mean 'FR01'?"]}"# + "\n"))
    }
}
