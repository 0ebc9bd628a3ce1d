import ARCore
import ARMetrics
import ARStore
import Testing
@testable import ARQuery

/// Issue 16, item 2: queries at the edges of the calendar. Dates a statement forms beyond
/// 0001-01-01 ... 9999-12-31 get a diagnostic with a caret; nothing traps or prints year 10000.
struct DateRangeTests {
    /// A small ledger as of 9999-12-31: one invoice paid, two open, one of them from year 0001.
    static func ledger() throws -> Ledger {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "FR01", currency: .eur))
        try b.add(CustomerRecord(id: "C1", region: "EMEA"))
        func day(_ text: String) -> Day { Day(iso: text)! }
        try b.add(DocumentRecord(id: "I0", entityID: "FR01", customerID: "C1", issue: day("0001-01-01"), due: day("0001-01-31"),
                                 amount: 50_00, currency: .eur))
        try b.add(DocumentRecord(id: "I1", entityID: "FR01", customerID: "C1", issue: day("9998-01-01"), due: day("9998-02-01"),
                                 amount: 100_00, currency: .eur))
        try b.add(PaymentRecord(id: "P0", customerID: "C1", documentID: "I0", day: day("9998-03-01"), amount: 50_00, currency: .eur))
        try b.add(DocumentRecord(id: "I2", entityID: "FR01", customerID: "C1", issue: day("9999-06-01"), due: day("9999-07-01"),
                                 amount: 200_00, currency: .eur))
        return b.finish(asOf: day("9999-12-31"))
    }

    let runner: QueryRunner

    init() throws { runner = QueryRunner(ledger: try Self.ledger()) }

    private func table(_ text: String) throws -> String {
        try runner.run(text).map { $0.text(as: .table) }.joined()
    }

    private func diagnostic(_ text: String) -> String? {
        do { _ = try runner.run(text); return nil } catch let error as QueryDiagnostic { return error.rendered(source: text) } catch {
            return "\(error)"
        }
    }

    @Test func seriesEndingOnTheLastDayRun() throws {
        let monthly = try table("ar monthly from 9999-12-31 to 9999-12-31")
        #expect(monthly.contains("300.00"))
        let quarterly = try table("ar quarterly from 9999-06-30 to 9999-12-31")
        #expect(quarterly.contains("9999-09-30") && quarterly.contains("9999-12-31"))
        #expect(!quarterly.contains("10000"))
    }

    @Test func aProjectionPastTheLastDayPointsAtTheClause() throws {
        let text = "ar monthly from 9999-01-31 to 9999-12-31 project 6 months"
        #expect(diagnostic(text) == """
            error[Q2009]: expected projected dates up to 9999-12-31, the last supported date, found some after it
             --> query:1:42
              |
            1 | ar monthly from 9999-01-31 to 9999-12-31 project 6 months
              |                                          ^^^^^^^^^^^^^^^^
              = help: project fewer months, or end the series earlier

            """)
        #expect(diagnostic("ar daily from 9999-12-20 to 9999-12-31 project 30 days")?.contains("error[Q2009]") == true)
    }

    @Test func aForecastPastTheLastDayPointsAtItsPeriods() throws {
        #expect(diagnostic("forecast collections weekly next 13 weeks")?.contains("""
            error[Q2009]: expected a forecast ending by 9999-12-31, the last supported date, found '13' weeks that run past it
            """) == true)
        #expect(diagnostic("forecast collections monthly next 4 months as of 9999-10-31")?.contains("^^^^^^^^") == true)
        #expect(try table("forecast collections monthly next 3 months as of 9999-10-15").contains("9999-12"))
    }

    @Test func aPeriodStartingBeforeTheFirstDayPointsAtIt() throws {
        let text = "dso(period: 3 months) as of 0001-01-31"
        #expect(diagnostic(text)?.hasPrefix("error[Q2009]: expected a period starting on or after 0001-01-01") == true)
        #expect(diagnostic("dso over last 90 days as of 0001-02-28")?.contains("|     ^^^^^^^^^^^^^^^^^\n") == true)
        #expect(try table("ar as of 0001-01-31").contains("50.00"))
    }

    /// A date the engine computes past 9999-12-31 (a predicted payment) shows the bound it passes.
    @Test func computedDatesPastTheRangeNeverPrintFiveDigitYears() {
        let past = Day.latest.adding(days: 300)
        let result = ResultSet(columns: [.init(name: "predicted_pay_date", type: .date)], rows: [[.date(past)]], currency: .eur)
        #expect(ResultFormatter.format(result, as: .table).contains("after 9999-12-31"))
        #expect(ResultFormatter.format(result, as: .csv) == "predicted_pay_date\nafter 9999-12-31\n")
        #expect(!ResultFormatter.format(result, as: .json).contains("10000"))
    }
}

/// Issue 16, item 9: text from the ledger is escaped in tables and exact in CSV and JSON.
struct TerminalSafetyTests {
    @Test func controlCharactersAreEscapedInTablesOnly() {
        let evil = "EVIL\u{1B}[2J\u{1B}]0;pwned\u{07}"
        let result = ResultSet(columns: [.init(name: "region", type: .string), .init(name: "ar", type: .money)],
                               rows: [[.string(evil), .money(100)]], currency: .eur)
        let table = ResultFormatter.format(result, as: .table)
        #expect(!table.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(table.contains("EVIL\\x1B[2J\\x1B]0;pwned\\x07  1.00"))
        #expect(ResultFormatter.format(result, as: .csv) == "region,ar\n\(evil),1.00\n")
        #expect(ResultFormatter.format(result, as: .json).contains("EVIL\\u001b[2J\\u001b]0;pwned\\u0007"))
    }
}
