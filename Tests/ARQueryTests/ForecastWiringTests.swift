import ARCore
import ARMetrics
import ARStore
import Foundation
import Testing
@testable import ARQuery

/// `items` with `predicted_pay_date`, and a backtest through the library, on hand-built ledgers.
struct ForecastWiringTests {
    /// As of 2026-06-30, in EUR. A paid its only past invoice 10 days late, B its own 20 days
    /// late, so (metrics.md, "Forecast.") A's items are expected on `max(d, due + 10)`, B's on
    /// `max(d, due + 20)`:
    ///
    /// | item | due | predicted |
    /// |---|---|---|
    /// | A1 50.00 | 05-31 | max(06-30, 06-10) = 06-30 |
    /// | A2 70.00 | 07-01 | 07-11 |
    /// | B1 30.00 | 07-10 | 07-30 |
    /// | CN credit note 10.00 of B | — | none |
    /// | U1 cash on account 5.00 of B | — | none |
    static func ledger() throws -> Ledger {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "E1", currency: .eur))
        try b.add(CustomerRecord(id: "A", name: "Alpha"))
        try b.add(CustomerRecord(id: "B", name: "Beta"))
        func invoice(_ id: String, _ customer: String, _ issue: String, _ due: String, _ amount: Int64) throws {
            try b.add(DocumentRecord(id: id, entityID: "E1", customerID: customer, issue: day(issue), due: day(due),
                                     amount: amount, currency: .eur))
        }
        try invoice("HA", "A", "2026-01-01", "2026-01-31", 10_000)
        try invoice("HB", "B", "2026-01-01", "2026-01-31", 20_000)
        try invoice("A1", "A", "2026-05-01", "2026-05-31", 5_000)
        try invoice("A2", "A", "2026-06-01", "2026-07-01", 7_000)
        try invoice("B1", "B", "2026-06-10", "2026-07-10", 3_000)
        try b.add(DocumentRecord(id: "CN", entityID: "E1", customerID: "B", kind: .creditNote, issue: day("2026-06-15"),
                                 due: nil, amount: 1_000, currency: .eur))
        try b.add(PaymentRecord(id: "PHA", customerID: "A", documentID: "HA", day: day("2026-02-10"), amount: 10_000, currency: .eur))
        try b.add(PaymentRecord(id: "PHB", customerID: "B", documentID: "HB", day: day("2026-02-20"), amount: 20_000, currency: .eur))
        try b.add(PaymentRecord(id: "U1", customerID: "B", documentID: nil, entityID: "E1", day: day("2026-06-20"),
                                amount: 500, currency: .eur))
        return b.finish(asOf: day("2026-06-30"))
    }

    func rows(_ query: String) throws -> (ResultSet, [String]) {
        let runner = QueryRunner(ledger: try Self.ledger())
        guard case let .table(result, _, _)? = try runner.run(query).first else { throw QueryDiagnostic.internalError("test") }
        let id = try #require(result.columns.firstIndex { $0.name == "id" })
        let predicted = try #require(result.columns.firstIndex { $0.name == "predicted_pay_date" })
        let lines = result.rows.map { row -> String in
            guard case let .string(text) = row[id] else { return "?" }
            if case let .date(date) = row[predicted] { return "\(text) \(date.iso)" }
            return row[predicted] == .null ? "\(text) -" : "\(text) ?"
        }
        return (result, lines)
    }

    @Test func itemsShowThePredictedPayDateAfterTheDueDate() throws {
        let (result, lines) = try rows("items")
        #expect(result.columns.map(\.name)[6...8] == ["issue_date", "due_date", "predicted_pay_date"])
        #expect(result.columns[8].type == .date)
        #expect(lines == ["A1 2026-06-30", "A2 2026-07-11", "B1 2026-07-30", "CN -", "U1 -"])
    }

    @Test func itemsOrderByPredictedPayDateWithMissingDatesLast() throws {
        #expect(try rows("items order by predicted_pay_date desc").1 == ["B1 2026-07-30", "A2 2026-07-11", "A1 2026-06-30", "CN -", "U1 -"])
        #expect(try rows("items order by predicted_pay_date limit 2").1 == ["A1 2026-06-30", "A2 2026-07-11"])
        // A second key breaks the tie of the undated items: open amount, CN −10.00 before U1 −5.00.
        #expect(try rows("items order by predicted_pay_date, open").1.suffix(2) == ["CN -", "U1 -"])
        #expect(try rows("items order by predicted_pay_date, open desc").1.suffix(2) == ["U1 -", "CN -"])
    }

    @Test func aFilterKeepsEachItemOnItsOwnDate() throws {
        #expect(try rows(#"items where customer = "B" order by open desc"#).1 == ["B1 2026-07-30", "U1 -", "CN -"])
        #expect(try rows("items where dpd > 20").1 == ["A1 2026-06-30"])   // CN is 15 days past its issue, U1 10
    }

    @Test func predictedPayDateIsAnOrderKeyNotAFilter() throws {
        let compiler = QueryCompiler(catalog: BindingTests.catalog)
        #expect(throws: QueryDiagnostic.self) { try compiler.compile("items where predicted_pay_date > 2026-07-01") }
        guard case let .items(s)? = try compiler.compile("items order by predicted_pay_date desc, dpd").first else {
            Issue.record("expected an items statement")
            return
        }
        #expect(s.order == [ItemSortKey(column: .predictedPayDate, descending: true), ItemSortKey(field: .dpd, descending: false)])
        let plan = Planner(catalog: BindingTests.catalog).plan(.items(s)).explained
        #expect(plan.hasPrefix("OpenItems sort predicted_pay_date desc, dpd\n"))
    }

    /// Forecast snapshot as of Wednesday 2026-06-03; A paid HA 10 days late, so T (100.00, due
    /// 06-05) is expected on 06-15, in week 3 (06-15…06-21). The later snapshot records T paid
    /// on 06-16. ARLens and the ledger-delay baseline (also 10 days) put 100.00 in week 3: WAPE
    /// 0, MAE 1 day. The due-date baseline puts it in week 1: WAPE (100 + 100) / 100 = 2, MAE 11.
    @Test func backtestOfTwoSnapshotsThroughTheLibrary() throws {
        func snapshot(paid: Bool, asOf: String) throws -> Ledger {
            var b = LedgerBuilder(reportingCurrency: .eur)
            try b.add(EntityRecord(id: "E1", currency: .eur))
            try b.add(CustomerRecord(id: "A"))
            try b.add(DocumentRecord(id: "HA", entityID: "E1", customerID: "A", issue: day("2026-01-01"), due: day("2026-01-31"),
                                     amount: 10_000, currency: .eur))
            try b.add(PaymentRecord(id: "PHA", customerID: "A", documentID: "HA", day: day("2026-02-10"), amount: 10_000, currency: .eur))
            try b.add(DocumentRecord(id: "T", entityID: "E1", customerID: "A", issue: day("2026-05-06"), due: day("2026-06-05"),
                                     amount: 10_000, currency: .eur))
            if paid {
                try b.add(PaymentRecord(id: "PT", customerID: "A", documentID: "T", day: day("2026-06-16"), amount: 10_000, currency: .eur))
            }
            return b.finish(asOf: day(asOf))
        }
        let report = try Backtest.run(snapshot: snapshot(paid: false, asOf: "2026-06-03"),
                                      actuals: snapshot(paid: true, asOf: "2026-06-30"), weeks: 3)
        #expect(report.asOf == "2026-06-03")
        #expect(report.weekStarts == ["2026-06-01", "2026-06-08", "2026-06-15"])
        #expect(report.actual == [0, 0, 10_000])
        #expect(report.openAtAsOf == 10_000)
        #expect(report.settledInvoices == 1)
        #expect(report.actualsComplete)
        let arlens = try #require(report.method("arlens"))
        #expect(arlens.forecast == [0, 0, 10_000] && arlens.wape == 0 && arlens.maeDays == 1)
        let due = try #require(report.method("due_date"))
        #expect(due.forecast == [10_000, 0, 0] && due.wape == 2 && due.maeDays == 11)
        #expect(report.method("due_date_plus_ledger_delay")?.wape == 0)
        // What `arlens backtest --format json` prints decodes back to the same report.
        let json = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(BacktestReport.self, from: json) == report)
        #expect(report.rendered.contains("WAPE"))
        // The actuals must not be older than the forecast snapshot.
        #expect(throws: MetricError.self) {
            try Backtest.run(snapshot: snapshot(paid: true, asOf: "2026-06-30"), actuals: snapshot(paid: false, asOf: "2026-06-03"))
        }
    }
}

func day(_ text: String) -> Day { Day(iso: text)! }
