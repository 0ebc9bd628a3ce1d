import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// The series sweep and each date's frame share their rows among threads in blocks; the
/// figures must not depend on how.
struct ParallelSweepTests {
    let dates = (0..<15).map { d("2025-01-31").adding(months: $0).endOfMonth }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func blocksAgreeWithOnePass(seed: UInt64) throws {
        let ledger = try OracleTests.randomLedger(seed: seed)
        let engine = MetricEngine(ledger: ledger)
        let metrics = [MetricRequest(.ar), MetricRequest(.current), MetricRequest(.overdueRate), MetricRequest(.count),
                       MetricRequest(.aging), MetricRequest(.aging, aging: AgingSpec(basis: .issueDate, bounds: [45])),
                       MetricRequest(.dso), MetricRequest(.dso, dsoMethod: .countback), MetricRequest(.sales),
                       MetricRequest(.daysToPay), MetricRequest(.daysLate), MetricRequest(.writeOffs)]
        for dimensions in [[], [Dimension.region], [.customer, .currency], [.entity]] {
            for metrics in [metrics, [MetricRequest(.ar), MetricRequest(.overdue)]] {   // with and without aging
                let query = MetricQuery(metrics: metrics, dimensions: dimensions, dates: dates)
                let expected = try engine.run(query)
                // ~50 blocks over two or more workers, in the sweep and in each date's frame.
                let inBlocks = try ParallelSum.$blockSize.withValue(7) { try engine.run(query) }
                #expect(inBlocks == expected)
                var filtered = query
                filtered.filter = .not(.disputed)
                let framed = try engine.run(filtered)
                #expect(try ParallelSum.$blockSize.withValue(7) { try engine.run(filtered) } == framed)
                #expect(expected.rows.count >= dates.count)
            }
        }
    }

    @Test func firstFailingBlockInRowOrderIsReported() throws {
        // Blocks of 4 rows: rows 10 and 50 fail; whichever thread gets there first, row 10's error wins.
        for _ in 0..<20 {
            do {
                _ = try ParallelSum.sum(count: 100, size: 1, blockSize: 4, stop: .never) { (range, acc) throws(MetricError) in
                    for r in range {
                        if r == 10 || r == 50 { throw MetricError(code: "row", message: "row \(r)") }
                        acc[0] += Int64(r)
                    }
                }
                Issue.record("expected an error")
            } catch {
                #expect(error == MetricError(code: "row", message: "row 10"))
            }
        }
    }

    @Test func blockSumsAddUp() throws {
        let total = try ParallelSum.sum(count: 1_000, size: 3, blockSize: 16, stop: .never) { (range, acc) throws(MetricError) in
            for r in range {
                acc[0] += Int64(r)
                acc[1] += 1
                acc[2] += Int64(r % 7)
            }
        }
        #expect(total == [499_500, 1_000, (0..<1_000).reduce(0) { $0 + Int64($1 % 7) }])
    }

    @Test func rowBlocksComeBackInOrderAndFailAtTheFirstBlock() throws {
        let blocks = try ParallelSum.$blockSize.withValue(5) {
            try ParallelRows.map(count: 103, stop: .never) { (range: Range<Int>) throws(MetricError) in Array(range) }
        }
        #expect(blocks.count == 21)
        #expect(Array(blocks.joined()) == Array(0..<103))
        for _ in 0..<20 {
            #expect(throws: MetricError(code: "row", message: "row 12")) {
                try ParallelSum.$blockSize.withValue(5) {
                    try ParallelRows.map(count: 103, stop: .never) { (range: Range<Int>) throws(MetricError) in
                        for r in range where r == 12 || r == 90 { throw MetricError(code: "row", message: "row \(r)") }
                    }
                }
            }
        }
    }
}
