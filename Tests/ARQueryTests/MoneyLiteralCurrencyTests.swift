import ARCore
import ARStore
import Testing
@testable import ARQuery

/// A money literal in `where` is read in the output currency and compared in it: `in JPY` makes
/// `open > 15000` mean 15,000 yen (docs/arql.md, "Filters").
struct MoneyLiteralCurrencyTests {
    /// One invoice of 100.00 EUR, reporting in EUR; a yen is worth 0.00625 EUR, so the invoice is
    /// 16,000 yen.
    static func runner() throws -> QueryRunner {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "E1", currency: .eur))
        try b.add(CustomerRecord(id: "C1", name: "One"))
        try b.add(DocumentRecord(id: "I1", entityID: "E1", customerID: "C1", issue: day("2026-06-01"), due: day("2026-06-30"),
                                 amount: 100_00, currency: .eur))
        b.add(FXRateRecord(day: day("2026-01-01"), currency: Currency(code: "JPY")!, rate: ExactRate("0.00625")!))
        return QueryRunner(ledger: b.finish(asOf: day("2026-06-30")))
    }

    static func count(_ query: String) throws -> ResultValue? {
        try runner().run(query)[0].result?.rows.first?.first
    }

    @Test func aLiteralInJPYIsComparedInYen() throws {
        #expect(try Self.count("count where open > 15000 in JPY") == .integer(1))
        #expect(try Self.count("count where open > 17000 in JPY") == .integer(0))
        #expect(try Self.count("count where amount >= 16000 in JPY") == .integer(1))
        #expect(try Self.count("count where open > 99.99") == .integer(1))
        #expect(try Self.count("count where open > 100") == .integer(0))
    }

    @Test func itemsFilterInTheOutputCurrencyToo() throws {
        let rows = try Self.runner().run("items where open > 15000 in JPY")[0].result?.rows ?? []
        #expect(rows.count == 1)
    }
}
