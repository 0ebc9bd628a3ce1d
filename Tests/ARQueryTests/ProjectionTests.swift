import ARCore
import ARMetrics
import ARStore
import Testing
@testable import ARQuery

/// `… monthly from A to B project N months`: binding, errors, the plan, and execution.
struct ProjectionTests {
    let compiler = QueryCompiler(catalog: BindingTests.catalog)

    func statement(_ text: String) throws -> MetricStatement {
        guard case let .metrics(s)? = try compiler.compile(text).first else { throw QueryDiagnostic.internalError("test") }
        return s
    }

    func code(_ text: String) -> DiagnosticCode? {
        do {
            _ = try compiler.compile(text)
            return nil
        } catch let diagnostic as QueryDiagnostic {
            return diagnostic.code
        } catch {
            return nil
        }
    }

    @Test func projectionContinuesTheSeriesStep() throws {
        let monthly = try statement("dso, overdue_rate by entity monthly from 2025-10-31 to 2026-09-30 project 3 months")
        #expect(monthly.query.dates.count == 12)
        #expect(monthly.projection == TrendProjection(dates: [day("2026-10-31"), day("2026-11-30"), day("2026-12-31")], unit: "months"))
        let quarterly = try statement("ar quarterly from 2025-03-31 to 2026-03-31 project 2 quarters")
        #expect(quarterly.projection?.dates == [day("2026-06-30"), day("2026-09-30")])
        let weekly = try statement("ar weekly from 2026-08-03 to 2026-08-31 project 1 week")
        #expect(weekly.projection?.dates == [day("2026-09-07")])
        #expect(try statement("ar monthly from 2025-10-31 to 2026-09-30").projection == nil)
    }

    @Test func projectionErrorsArePositionedWithACode() {
        #expect(code("sales monthly from 2025-10-31 to 2026-09-30 project 3 months") == .notProjectable)
        #expect(code("aging monthly from 2025-10-31 to 2026-09-30 project 3 months") == .notProjectable)
        #expect(code("ar project 3 months") == .invalidTimeRange)
        #expect(code("ar monthly from 2025-10-31 to 2026-09-30 project 3 weeks") == .invalidTimeRange)
        #expect(code("ar monthly from 2026-07-31 to 2026-09-30 project 3 months") == .invalidTimeRange)
        #expect(code("ar monthly from 2025-10-31 to 2026-09-30 project 61 months") == .invalidNumber)
        #expect(code("ar by entity monthly from 2025-10-31 to 2026-09-30 having ar > 0 project 3 months") == .unsupportedClause)
        #expect(code("ar monthly from 2025-10-31 to 2026-09-30 project 3 months limit 2") == .unsupportedClause)
        #expect(code("ar monthly from 2025-10-31 to 2026-09-30 next 3 months") == .unexpectedToken)
        #expect(code("items project 3 months") == .unsupportedClause)
        let text = "ar, sales monthly from 2025-10-31 to 2026-09-30 project 3 months"
        do {
            _ = try compiler.compile(text)
            Issue.record("expected an error")
        } catch let diagnostic as QueryDiagnostic {
            #expect(diagnostic.span == SourceSpan(start: 4, end: 9))
            #expect(diagnostic.help?.contains("'overdue_rate'") == true)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func explainShowsTheTrendStep() throws {
        let plan = Planner(catalog: BindingTests.catalog).plan(
            .metrics(try statement("dso by entity monthly from 2025-10-31 to 2026-09-30 project 6 months")))
        #expect(plan.explained == """
            Trend dso next 6 months to 2027-03-31 (Holt's linear smoothing, grid-searched weights, 80 % interval)
              Sort date
                Aggregate dso by entity
                  Scan ledger at 12 dates from 2025-10-31 to 2026-09-30 in the reporting currency

            """)
    }

    /// C is invoiced 100.00 on the 15th of each month from January to May 2026 and pays
    /// nothing: its AR at the month ends is 100, 200, 300, 400, 500. D owes 50.00 since January.
    /// A straight line has no one-step error at any weights, so Holt continues it exactly
    /// (600, 700) with an interval of zero width; D stays flat at 50.
    static func ledger() throws -> Ledger {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "E1", currency: .eur))
        try b.add(CustomerRecord(id: "C"))
        try b.add(CustomerRecord(id: "D"))
        for month in 1...5 {
            try b.add(DocumentRecord(id: "C\(month)", entityID: "E1", customerID: "C", issue: day("2026-0\(month)-15"),
                                     due: day("2026-0\(month)-15").adding(days: 30), amount: 10_000, currency: .eur))
        }
        try b.add(DocumentRecord(id: "D1", entityID: "E1", customerID: "D", issue: day("2026-01-10"), due: day("2026-02-09"),
                                 amount: 5_000, currency: .eur))
        return b.finish(asOf: day("2026-05-31"))
    }

    @Test func aStraightLineIsContinuedExactlyPerGroup() throws {
        let runner = QueryRunner(ledger: try Self.ledger())
        guard case let .table(result, _, _)? = try runner.run("ar by customer monthly from 2026-01-31 to 2026-05-31 project 2 months").first
        else { throw QueryDiagnostic.internalError("test") }
        #expect(result.columns.map(\.name) == ["date", "customer", "ar", "ar_lower", "ar_upper"])
        #expect(result.columns.map(\.type) == [.date, .string, .money, .money, .money])
        #expect(result.rows.count == 14)
        #expect(result.rows[8] == [.date(day("2026-05-31")), .string("C"), .money(50_000), .null, .null])
        #expect(result.rows[10] == [.date(day("2026-06-30")), .string("C"), .money(60_000), .money(60_000), .money(60_000)])
        #expect(result.rows[11] == [.date(day("2026-06-30")), .string("D"), .money(5_000), .money(5_000), .money(5_000)])
        #expect(result.rows[12] == [.date(day("2026-07-31")), .string("C"), .money(70_000), .money(70_000), .money(70_000)])
        #expect(result.rows[13] == [.date(day("2026-07-31")), .string("D"), .money(5_000), .money(5_000), .money(5_000)])
    }

    /// D's only sale (01-10) leaves the 90-day DSO window after March: its DSO is 90 days
    /// (50.00 owed on 50.00 of sales, × 90) at 01-31, 02-28 and 03-31, then undefined. The fit
    /// uses the three defined values, and the flat trend still lands on the shared dates.
    @Test func undefinedValuesAreLeftOutOfTheFit() throws {
        let runner = QueryRunner(ledger: try Self.ledger())
        guard case let .table(result, _, _)? = try runner.run("dso by customer monthly from 2026-01-31 to 2026-05-31 project 2 months").first
        else { throw QueryDiagnostic.internalError("test") }
        let d = result.rows.filter { $0[1] == .string("D") }
        #expect(d.map { $0[2] } == [.number(90), .number(90), .number(90), .null, .null, .number(90), .number(90)])
        #expect(d[5] == [.date(day("2026-06-30")), .string("D"), .number(90), .number(90), .number(90)])
        #expect(d[6][0] == .date(day("2026-07-31")))
    }

    /// The overdue rate of C climbs 0, 1/2, 2/3, 3/4, 4/5 (each invoice is overdue from 30 days
    /// after issue): whatever the fit, projected shares stay within 0…1 around the value.
    @Test func projectedRatiosStayShares() throws {
        let runner = QueryRunner(ledger: try Self.ledger())
        guard case let .table(result, _, _)? = try runner.run(
            #"overdue_rate monthly from 2026-01-31 to 2026-05-31 where customer = "C" project 12 months"#).first
        else { throw QueryDiagnostic.internalError("test") }
        #expect(result.rows.count == 17)
        #expect(result.rows[4][1] == .number(0.8))
        for row in result.rows[5...] {
            guard case let .number(value) = row[1], case let .number(lower) = row[2], case let .number(upper) = row[3] else {
                Issue.record("expected numbers in \(row)")
                continue
            }
            #expect(0 <= lower && lower <= value && value <= upper && upper <= 1)
        }
    }
}
