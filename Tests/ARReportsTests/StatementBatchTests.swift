import ARCore
import ARPresentation
import ARQuery
@testable import ARReports
import Testing

/// Statements answered together give each statement's own answer, to the cent.
struct StatementBatchTests {
    static let statements = [
        "ar", "overdue", "overdue_rate", "dso", "bpdso", "cei", "disputed", "overdue_rate as of 2026-09-30",
        "ar where region = \"EMEA\"", "overdue where region = \"EMEA\"", "dso(method: countback)", "write_offs(period: 12 months)",
        "dso, bpdso, add monthly from 2025-10-31 to 2026-10-31", "current, overdue monthly from 2025-10-31 to 2026-10-31",
        "write_offs monthly from 2025-10-31 to 2026-10-31", "ar, overdue, overdue_rate monthly from 2025-10-31 to 2026-10-31",
    ]

    @Test func mergedStatementsGiveEachStatementsOwnResult() throws {
        let runner = Fixtures.sample
        var batch = StatementBatch()
        let compiled = try Self.statements.map { try runner.compiler.compileStatements($0).last! }
        for statement in compiled { batch.add(statement) }
        let merged = batch.merged()
        #expect(merged.count == 3)   // as of the snapshot's date, as of 2026-09-30… alone, EMEA, the 13 month ends
        var answered = 0
        for (statement, answers) in merged {
            let result = try #require(runner.execute(statement).result)
            for (key, columns) in answers {
                let alone = try #require(runner.execute(CompiledStatement(bound: key.statement, span: statement.span)).result)
                let slice = result.columns(columns)
                #expect(slice.columns == alone.columns)
                #expect(slice.rows == alone.rows, "\(alone.columns.map(\.name))")
                #expect(slice.currency == alone.currency)
                answered += 1
            }
        }
        #expect(answered == Self.statements.count - 1)   // the one statement as of 2026-09-30 runs alone
    }

    @Test func statementsWithByOrOrderAreNotMerged() throws {
        var batch = StatementBatch()
        for text in ["ar by entity", "overdue by entity", "ar order by ar desc", "aging", "ar compare previous month"] {
            batch.add(try Fixtures.sample.compiler.compileStatements(text).last!)
        }
        #expect(batch.merged().isEmpty)
    }
}

extension StatementBatchTests {
    @Test func aKPIHistoryJoinsTheTrendsOfTheSameMonthEnds() throws {
        let runner = Fixtures.sample
        let kpi = try runner.compiler.compileStatements("ar, overdue, overdue_rate, dso").last!
        var batch = StatementBatch()
        batch.addHistory(of: kpi, firstIssue: runner.ledger.documents.issue.min().map { Day(rawValue: $0) })
        batch.add(try runner.compiler.compileStatements("dso, bpdso, add monthly from 2025-10-31 to 2026-10-31").last!)
        let merged = try #require(batch.merged().first)
        let result = try #require(runner.execute(merged.statement).result)
        let history = try #require(try KPIHistory.series(for: kpi, runner: runner)?.result)
        let slice = result.columns(try #require(merged.answers.first { $0.0.kpi }).columns)
        #expect(slice.rows == history.rows, "the batched history is KPIHistory's own")
        #expect(slice.columns == history.columns)
    }
}
