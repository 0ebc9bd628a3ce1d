import Foundation
import Testing

/// `arlens query` under a 512 MB address-space limit (issue 16, item 3): a query whose work
/// buffers cannot fit is refused with a clear message and exit status 1, not aborted by a
/// failed allocation.
struct MemoryLimitTests {
    @Test func aSeriesTooLargeForTheLimitIsRefusedInWords() throws {
        let query = "aging(buckets: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]), "
            + "aging(buckets: [15, 25, 35, 45, 55, 65, 75, 85, 95, 105, 115, 125]), "
            + "aging(buckets: [5, 15, 25, 35, 45, 55, 65, 75, 85, 95, 105, 115]) by customer daily from 2017-01-01 to 2026-10-31"
        let out = try CLI.run(["query", "--data", "datasets/sample", query], addressSpaceKB: 524_288)
        #expect(out.status == 1, "\(out.stderr)")
        #expect(!out.stderr.contains("Fatal error"))
        #expect(out.stderr.hasPrefix("Error: error[Q3008]: a series over 3591 dates and 400 groups needs about "), "\(out.stderr)")
        #expect(out.stderr.contains(" of work memory and "))
        #expect(out.stderr.contains("ask for fewer dates (monthly rather than daily) or fewer groups, or give the process more memory"))
        // The same store answers a query that fits under the same limit.
        let small = try CLI.run(["query", "--data", "datasets/sample", "ar by entity monthly from 2026-01-31 to 2026-10-31"],
                                addressSpaceKB: 524_288)
        #expect(small.status == 0, "\(small.stderr)")
    }
}
