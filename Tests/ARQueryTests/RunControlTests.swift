import ARCore
import ARQuery
import Foundation
import Testing

/// Cancellation and time budgets through the runner, as the REPL and the server use them: the
/// token in ``QueryOptions`` reaches the engine of every snapshot the plan reads.
struct RunControlTests {
    static let runner = PerimeterParityTests.runner
    static let heavy = "dso, overdue_rate by customer where not disputed daily from 2025-11-01 to 2026-10-31"

    @Test func aTimeBudgetStopsTheRunWithADiagnosticOnTheTimeClause() throws {
        let started = ContinuousClock.now
        do {
            _ = try Self.runner.run(Self.heavy, options: QueryOptions().withBudget(.milliseconds(200)))
            Issue.record("the run ended within its budget: make the query heavier")
        } catch let diagnostic as QueryDiagnostic {
            #expect(diagnostic.code == .timeBudget)
            #expect(diagnostic.message.hasPrefix("query stopped after its time budget of 200 ms"))
            #expect(diagnostic.rendered(source: Self.heavy).contains("daily from 2025-11-01 to 2026-10-31"))
        }
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func aCancelledFlagStopsTheRun() throws {
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: QueryDiagnostic.self) {
            try Self.runner.run(Self.heavy, options: QueryOptions(cancellation: CancellationToken(flag: flag)))
        }
        let items = #expect(throws: QueryDiagnostic.self) {
            try Self.runner.run("items order by open desc limit 5", options: QueryOptions(cancellation: CancellationToken(flag: flag)))
        }
        #expect(items?.code == .cancelled)
        #expect(try Self.runner.run("ar").count == 1)
    }
}

