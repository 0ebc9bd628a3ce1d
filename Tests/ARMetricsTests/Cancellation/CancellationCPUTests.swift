import ARCore
import ARStore
import Foundation
import XCTest
@testable import ARMetrics

/// A cancelled query stops using the CPU, measured with the process's CPU time (getrusage).
///
/// This is an XCTest case on purpose: `swift test` runs the XCTest cases one at a time in a
/// process of their own, apart from the Swift Testing suites (which run in parallel), so the
/// process's CPU time is the query's.
final class CancellationCPUTests: XCTestCase {
    /// A ledger on which a daily series over a year runs for seconds in a debug build.
    static let ledger = try! MetricBenchmark.generate(invoices: 200_000)

    /// How soon after the cancel the CPU must stop growing: 50 ms, with slack for a debug build
    /// (unoptimised blocks) on a shared CI machine.
    #if DEBUG
    static let allowed = 0.25
    #else
    static let allowed = 0.05
    #endif

    var year: [Day] {
        let asOf = Self.ledger.snapshot.asOf
        return (0..<365).map { asOf.adding(days: $0 - 364) }
    }

    /// The sweep: balances and aging of every day of a year in one pass over the items.
    func testCancelledSweepStopsUsingCPU() throws {
        let query = MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.aging)], dimensions: [.region], dates: year)
        try assertStopsUsingCPU(query, label: "sweep")
    }

    /// Date by date: a filter makes every date build its own frame (open state, conversion, groups).
    func testCancelledDateByDateSeriesStopsUsingCPU() throws {
        let query = MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.overdue), MetricRequest(.dso)], dimensions: [.region],
                                filter: .not(.disputed), dates: year)
        try assertStopsUsingCPU(query, label: "date by date")
    }

    func testTimeBudgetStopsTheQuery() throws {
        let query = MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.aging)], dimensions: [.region], dates: year)
        let engine = MetricEngine(ledger: Self.ledger)
        let token = CancellationToken.never.withBudget(.milliseconds(300))
        let started = ContinuousClock.now
        XCTAssertThrowsError(try engine.cancellable(by: token).run(query)) { error in
            XCTAssertEqual(error as? MetricError, MetricError(
                code: "time_budget",
                message: "query stopped after its time budget of 300 ms: narrow it (fewer dates, a filter) or raise the budget"))
        }
        let stopped = ContinuousClock.now
        let late = seconds(stopped - token.deadline!)
        print("cancel: time budget of 300 ms: stopped \(milliseconds(seconds(stopped - started))) ms after the start, "
            + "\(milliseconds(late)) ms after the deadline")
        XCTAssertGreaterThanOrEqual(late, 0)
        XCTAssertLessThan(late, Self.allowed)
    }

    /// Runs `query` on a thread until it has used half a second of CPU, cancels it, then samples
    /// the process's CPU time every 5 ms for half a second: the last sample that grew must come
    /// within ``allowed`` of the cancel, and the query must end with the `cancelled` error.
    private func assertStopsUsingCPU(_ query: MetricQuery, label: String) throws {
        let flag = CancellationFlag()
        let engine = MetricEngine(ledger: Self.ledger).cancellable(by: CancellationToken(flag: flag))
        let outcome = Outcome()
        let cpuAtStart = Self.cpuSeconds()
        Thread.detachNewThread {
            do {
                _ = try engine.run(query)
                outcome.finish(nil)
            } catch {
                outcome.finish(error)
            }
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while Self.cpuSeconds() - cpuAtStart < 0.5, ContinuousClock.now < deadline, !outcome.isFinished { usleep(5_000) }
        XCTAssertFalse(outcome.isFinished, "the \(label) query ended before it could be cancelled: make it heavier")

        flag.cancel()
        let cancelled = ContinuousClock.now, cpuAtCancel = Self.cpuSeconds()
        var samples: [(at: Double, cpu: Double)] = []
        while ContinuousClock.now - cancelled < .milliseconds(500) {
            usleep(5_000)
            samples.append((seconds(ContinuousClock.now - cancelled), Self.cpuSeconds()))
        }
        // The sampling itself costs microseconds; a query still working costs milliseconds per 5 ms.
        var lastGrowth = 0.0, previous = cpuAtCancel
        for sample in samples {
            if sample.cpu - previous > 0.001 { lastGrowth = sample.at }
            previous = sample.cpu
        }
        let cpuAfterCancel = (samples.last?.cpu ?? cpuAtCancel) - cpuAtCancel
        print("cancel: \(label): CPU before the cancel \(milliseconds(cpuAtCancel - cpuAtStart)) ms; after it "
            + "\(milliseconds(cpuAfterCancel)) ms, last growth \(milliseconds(lastGrowth)) ms after the cancel; "
            + "query returned after \(outcome.finishedAfter(cancelled).map { "\(milliseconds($0)) ms" } ?? "—")")
        XCTAssertTrue(outcome.isFinished, "the \(label) query still runs half a second after the cancel")
        XCTAssertEqual(outcome.error as? MetricError, MetricError(code: "cancelled", message: "query cancelled"))
        XCTAssertLessThanOrEqual(lastGrowth, Self.allowed, "the CPU time still grew \(lastGrowth) s after the cancel")
    }

    /// User plus system CPU time of the process (every thread), in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}

/// How the query thread ended, and when.
private final class Outcome: @unchecked Sendable {
    // Unchecked: every field is read and written under `lock`.
    private let lock = NSLock()
    private var finished: ContinuousClock.Instant?
    private var thrown: (any Error)?

    func finish(_ error: (any Error)?) {
        lock.withLock {
            finished = ContinuousClock.now
            thrown = error
        }
    }

    var isFinished: Bool { lock.withLock { finished != nil } }
    var error: (any Error)? { lock.withLock { thrown } }

    func finishedAfter(_ start: ContinuousClock.Instant) -> Double? {
        lock.withLock { finished.map { seconds($0 - start) } }
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

private func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1_000).rounded()) }
