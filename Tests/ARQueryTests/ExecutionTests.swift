import ARCore
import ARMetrics
import Testing
@testable import ARQuery

/// The post-engine steps on hand-made engine tables, and the printed logical plan.
struct ExecutionTests {
    let compiler = QueryCompiler(catalog: BindingTests.catalog)
    let day = Day(iso: "2026-09-30")!

    func statement(_ text: String) throws -> MetricStatement {
        guard case let .metrics(s)? = try compiler.compile(text).first else { throw QueryDiagnostic.internalError("test") }
        return s
    }

    /// What the engine returns for `aging(buckets: [30]) … overdue`: three bucket columns, then the hidden overdue.
    func agingTable(_ rows: [(String, [Int64])], dates: [Day]? = nil) -> MetricTable {
        let columns = ["not due", "1-30", "30+", "overdue"].map { MetricColumn(name: $0, kind: .money) }
        var tableRows: [MetricTable.Row] = []
        for (i, (customer, values)) in rows.enumerated() {
            let date = dates?[i] ?? day
            tableRows.append(.init(date: date, keys: [customer], values: values.map(MetricValue.money)))
        }
        return MetricTable(dimensions: [.customer], isSeries: dates != nil, columns: columns, rows: tableRows, currency: .eur)
    }

    @Test func havingOnAHiddenMetricThenOrderLimitAndDrop() throws {
        let s = try statement("aging(buckets: [30]) by customer having overdue > 100 order by overdue desc limit 2")
        let table = agingTable([
            ("A", [100, 5_000, 5_000, 10_000]),     // overdue exactly 100.00: not > 100
            ("B", [0, 20_000, 1, 20_001]),
            ("C", [7, 0, 90_000, 90_000]),
            ("D", [0, 10_001, 0, 10_001]),
        ])
        let result = try MetricStatementExecutor(statement: s).finish(table)
        #expect(result.columns.map(\.name) == ["not due", "1-30", "30+"])
        #expect(result.rows.map { $0.keys[0] } == ["C", "B"])
        #expect(result.rows[0].values == [.money(7), .money(0), .money(90_000)])
    }

    @Test func seriesStayGroupedByDateAndLimitPerDate() throws {
        let s = try statement("aging(buckets: [30]) by customer monthly from 2026-08-31 to 2026-09-30 order by overdue desc limit 1")
        let aug = Day(iso: "2026-08-31")!
        let table = agingTable([("A", [0, 0, 5, 5]), ("B", [0, 0, 9, 9]), ("A", [0, 0, 8, 8]), ("B", [0, 0, 2, 2])],
                               dates: [day, day, aug, aug])
        let result = try MetricStatementExecutor(statement: s).finish(table)
        #expect(result.rows.map { "\($0.date.iso) \($0.keys[0]!)" } == ["2026-08-31 A", "2026-09-30 B"])
    }

    @Test func missingValuesFailHavingAndSortLast() throws {
        let s = try statement("dso by region having not dso < 10 order by dso")
        let table = MetricTable(dimensions: [.region], isSeries: false, columns: [MetricColumn(name: "dso", kind: .days)],
                                rows: [.init(date: day, keys: ["X"], values: [.missing]),
                                       .init(date: day, keys: ["Y"], values: [.days(40)]),
                                       .init(date: day, keys: [nil], values: [.days(12.5)])],
                                currency: .eur)
        let result = try MetricStatementExecutor(statement: s).finish(table)
        // `not (dso < 10)` holds for a missing DSO: the comparison fails, its negation holds.
        #expect(result.rows.map(\.keys) == [[nil], ["Y"], ["X"]])
        let byRegion = try MetricStatementExecutor(statement: statement("dso by region order by region desc")).finish(table)
        #expect(byRegion.rows.map(\.keys) == [["Y"], ["X"], [nil]])
    }

    @Test func aTableOfTheWrongShapeIsAnInternalError() throws {
        let s = try statement("ar, overdue by region")
        let table = MetricTable(dimensions: [.region], isSeries: false, columns: [MetricColumn(name: "ar", kind: .money)],
                                rows: [], currency: .eur)
        #expect(throws: QueryDiagnostic.self) { try MetricStatementExecutor(statement: s).finish(table) }
    }

    @Test func explainPrintsTheLogicalPlan() throws {
        let statements = try compiler.compile(#"explain aging(buckets: [30, 60, 90]) by customer where region = "EMEA" and not disputed having overdue > 10000 order by overdue desc limit 10 | chart bar title "Top""#)
        let plan = Planner(catalog: BindingTests.catalog).plan(statements[0])
        #expect(plan.explained == """
            Chart bar title "Top"
              Project aging(buckets: [30, 60, 90])
                Limit 10
                  Sort overdue desc
                    Having overdue > 10000.00
                      Aggregate aging(buckets: [30, 60, 90]), overdue by customer
                        Filter region = "EMEA" and not disputed
                          Scan ledger as of 2026-09-30 in the reporting currency

            """)
        let items = try compiler.compile("items where dpd > 90 order by open desc limit 20 in USD")
        #expect(Planner(catalog: BindingTests.catalog).plan(items[0]).explained == """
            OpenItems sort open desc limit 20
              Filter dpd > 90
                Scan ledger as of 2026-09-30 in USD

            """)
    }
}
