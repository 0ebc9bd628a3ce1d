import ARCore
import Testing
@testable import ARMetrics

/// Work buffers that cannot fit are refused with a `memory` error before they are allocated
/// (issue 16, item 3). The command-line test `MemoryLimitTests` runs `arlens` under a real limit.
struct WorkMemoryTests {
    @Test func refusesWhatCannotFit() throws {
        try WorkMemory.require(1 << 30, for: "a query", available: { 2 << 30 })
        try WorkMemory.require(1 << 20, for: "a small query", available: { 0 })   // below the threshold: not asked
        try WorkMemory.require(1 << 30, for: "a query", available: { nil })        // unknown: not refused
        #expect(throws: MetricError(code: "memory", message: "a series over 3650 dates needs about 1.5 GB of work memory and 310 MB "
            + "is available: ask for fewer dates (monthly rather than daily) or fewer groups, or give the process more memory")) {
            try WorkMemory.require(1_610_612_736, for: "a series over 3650 dates", available: { 310 << 20 })
        }
    }

    @Test func estimatesDoNotTrap() {
        #expect(WorkMemory.product(1 << 40, 1 << 40) == .max)
        #expect(WorkMemory.product(3, -1, 5) == 0)
        #expect(WorkMemory.format(12_345) == "12 KB")
        #expect(WorkMemory.format(5 << 20) == "5 MB")
    }

    /// A daily series by customer sized far beyond what is free is refused by the sweep's
    /// estimate, not by a failed allocation.
    @Test func sweepEstimateMatchesItsBuffers() throws {
        let ledger = try OracleTests.randomLedger(seed: 3)
        let asOf = ledger.snapshot.asOf
        let query = MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.aging)], dimensions: [.customer],
                                dates: (0..<90).map { asOf.adding(days: $0 - 89) })
        let run = try QueryRun(ledger: ledger, rows: ItemRows(ledger), query: query, stop: .never)
        let pass = try SweepPass(run: run, dates: query.dates.map(\.rawValue), specs: [.standard])
        // One accumulator of 6 parts of (dates + 1) × groups and 6 buckets × dates × groups, then
        // per date 5 sums and 6 buckets per group.
        let groups = pass.groups, buckets = AgingSpec.standard.bucketNames.count
        let slots = 6 * 91 * groups + buckets * 90 * groups
        #expect(buckets == 6 && groups == 12)
        #expect(pass.size == slots)
        #expect(BalanceSweep.bytes(pass) == ParallelSum.workers(count: run.rows.count, size: slots) * slots * 8 + 90 * groups * (5 + buckets) * 8)
    }
}
