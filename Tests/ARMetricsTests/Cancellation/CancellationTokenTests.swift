import ARCore
import ARStore
import Synchronization
import Testing
@testable import ARMetrics

/// The token's rules, and every entry point of the engine honouring it.
struct CancellationTokenTests {
    @Test func tokenSaysWhyItStops() {
        #expect(CancellationToken.never.stopReason == nil)
        let flag = CancellationFlag()
        let token = CancellationToken(flag: flag)
        #expect(!token.isCancelled)
        flag.cancel()
        #expect(token.stopReason == .cancelled)
        flag.reset()
        #expect(!token.isCancelled)

        let spent = CancellationToken.never.withBudget(.zero)
        #expect(spent.stopReason == .timeBudget(.zero))
        #expect(CancellationToken.never.withBudget(.seconds(60)).stopReason == nil)
        // A set flag wins over a passed deadline.
        flag.cancel()
        #expect(CancellationToken(flag: flag).withBudget(.zero).stopReason == .cancelled)
        #expect(CancellationToken(deadline: .now - .seconds(1)).stopReason == .timeBudget(nil))
    }

    @Test func theEarlierDeadlineWins() throws {
        let short = CancellationToken.never.withBudget(.milliseconds(10))
        let kept = short.withBudget(.seconds(60))
        #expect(kept.deadline == short.deadline)
        #expect(kept.budget == .milliseconds(10))
        let tighter = CancellationToken.never.withBudget(.seconds(60)).withBudget(.milliseconds(10))
        #expect(tighter.budget == .milliseconds(10))
    }

    @Test func messagesSayWhatToDo() {
        #expect(MetricError.stopped(.cancelled) == MetricError(code: "cancelled", message: "query cancelled"))
        #expect(MetricError.stopped(.timeBudget(.milliseconds(500))) == MetricError(
            code: "time_budget",
            message: "query stopped after its time budget of 500 ms: narrow it (fewer dates, a filter) or raise the budget"))
        #expect(MetricError.stopped(.timeBudget(.microseconds(10))).message.hasPrefix("query stopped after its time budget of 1 ms"))
        #expect(MetricError.stopped(.timeBudget(nil)).message.hasPrefix("query stopped at its deadline: "))
        #expect(MetricError.stopped(.cancelled).isStop && !MetricError.overflow("x").isStop)
    }

    /// Every public way into the engine stops on a cancelled token, and runs on a live one.
    @Test func everyEntryPointStops() throws {
        let ledger = try OracleTests.randomLedger(seed: 5)
        let asOf = ledger.snapshot.asOf
        let flag = CancellationFlag()
        let engine = MetricEngine(ledger: ledger).cancellable(by: CancellationToken(flag: flag))
        let months = (0..<6).map { asOf.adding(months: $0 - 5).endOfMonth }.filter { $0 <= asOf }
        let calls: [(String, () throws -> Void)] = [
            ("one date", { _ = try engine.run(MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.dso)], dates: [asOf])) }),
            ("sweep", { _ = try engine.run(MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.sales)], dates: months)) }),
            ("date by date", { _ = try engine.run(MetricQuery(metrics: [MetricRequest(.promiseKeptRate), MetricRequest(.disputeDays)],
                                                               dimensions: [.region], filter: .not(.disputed), dates: months)) }),
            ("items", { _ = try engine.items(asOf: asOf, filter: nil, currency: nil,
                                             order: [ItemSortKey(column: .predictedPayDate, descending: false)], limit: 3) }),
            ("forecast", { _ = try engine.forecast(ForecastQuery(granularity: .weekly, periods: 4, asOf: asOf)) }),
            ("predicted pay dates", { _ = try engine.predictedPayDates(asOf: asOf) }),
            ("a few predicted pay dates", { _ = try engine.predictedPayDates(asOf: asOf, documents: [0, 1]) }),
            ("backtest", { _ = try Backtest.run(ledger: ledger, cutOff: months[0], weeks: 2, cancellation: CancellationToken(flag: flag)) }),
            ("rolling backtest", { _ = try RollingBacktest.run(ledger: ledger, from: months[0], to: months[1], every: .week, weeks: 2,
                                                               cancellation: CancellationToken(flag: flag)) }),
        ]
        for (label, call) in calls {
            flag.reset()
            try call()
            flag.cancel()
            #expect(throws: MetricError(code: "cancelled", message: "query cancelled"), "\(label)") { try call() }
        }
    }

    /// Blocks poll before they start: once cancelled, the blocks not yet taken never run.
    @Test func blocksStopOnceCancelled() throws {
        let flag = CancellationFlag()
        let ran = Atomic<Int>(0)
        #expect(throws: MetricError(code: "cancelled", message: "query cancelled")) {
            _ = try ParallelSum.sum(count: 1_000, size: 1, blockSize: 10, stop: CancellationToken(flag: flag)) { (range, acc) throws(MetricError) in
                if ran.wrappingAdd(1, ordering: .relaxed).oldValue == 4 { flag.cancel() }
                acc[0] += Int64(range.count)
            }
        }
        // Block 5 cancelled; each worker may have taken one more block before it polled.
        #expect(ran.load(ordering: .relaxed) <= 5 + ParallelSum.processorCount)
        flag.reset()
        let total = try ParallelSum.sum(count: 1_000, size: 1, blockSize: 10, stop: CancellationToken(flag: flag)) { (range, acc) throws(MetricError) in
            acc[0] += Int64(range.count)
        }
        #expect(total == [1_000])
    }
}
