import ARCore
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sums of a per-row computation over `0 ..< count`, worked in blocks by a few threads.
///
/// Each worker takes the next block of rows (so uneven blocks balance out) and adds into an
/// accumulator of its own; the accumulators are added up at the end. Integer sums do not depend
/// on the order, so the result is the same as one pass; an error is the one of the first failing
/// block in row order, as one pass would report it. Each block first polls `stop`, so a
/// cancelled query ends within a block's time.
enum ParallelSum {
    /// Rows per block taken by a worker; fewer than two blocks of rows run on the calling thread.
    /// Tests bind it lower (`ParallelSum.$blockSize.withValue(7) { … }`) to make small ledgers
    /// take the threaded paths.
    @TaskLocal static var blockSize = 32_768
    /// Cap on all workers' accumulator slots together.
    static let slotBudget = 1 << 25

    /// The sum of `body` over every row of `0 ..< count` into an accumulator of `size` slots.
    static func sum<T: FixedWidthInteger & Sendable>(
        count: Int, size: Int, of _: T.Type, blockSize: Int = blockSize, stop: CancellationToken,
        _ body: @Sendable (Range<Int>, UnsafeMutablePointer<T>) throws(MetricError) -> Void
    ) throws(MetricError) -> [T] {
        guard size > 0 else { return [] }
        let blocks = (count + blockSize - 1) / blockSize
        let workers = workers(count: count, size: size, blockSize: blockSize)
        if workers <= 1 {
            // One accumulator (small input, or one too large to have two): the blocks in turn.
            var acc = [T](repeating: 0, count: size)
            var failure: MetricError?
            acc.withUnsafeMutableBufferPointer { buffer in
                do throws(MetricError) {
                    for block in 0..<max(1, blocks) {
                        try stop.checkpoint()
                        try body(block * blockSize..<min(count, (block + 1) * blockSize), buffer.baseAddress!)
                    }
                } catch { failure = error }
            }
            if let failure { throw failure }
            return acc
        }
        let next = Atomic<Int>(0)
        let partials = Mutex<[[T]]>([])
        let firstFailure = Mutex<(block: Int, error: MetricError)?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var acc = [T](repeating: 0, count: size)
            acc.withUnsafeMutableBufferPointer { buffer in
                while true {
                    let block = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard block < blocks else { break }
                    do throws(MetricError) {
                        try stop.checkpoint()
                        try body(block * blockSize..<min(count, (block + 1) * blockSize), buffer.baseAddress!)
                    } catch {
                        firstFailure.withLock { first in
                            if first == nil || block < first!.block { first = (block, error) }
                        }
                        break
                    }
                }
            }
            partials.withLock { $0.append(acc) }
        }
        if let failure = firstFailure.withLock({ $0 }) { throw failure.error }
        var all = partials.withLock { $0 }
        var total = all.removeLast()
        var overflow = false
        total.withUnsafeMutableBufferPointer { sum in
            for partial in all {
                partial.withUnsafeBufferPointer { p in
                    for i in 0..<size { sum[i].add(p[i], overflow: &overflow) }
                }
            }
        }
        try MetricError.check(overflow, "a sum over the ledger")
        return total
    }

    /// ``sum(count:size:of:blockSize:_:)`` in 64-bit sums.
    static func sum(count: Int, size: Int, blockSize: Int = blockSize, stop: CancellationToken,
                    _ body: @Sendable (Range<Int>, UnsafeMutablePointer<Int64>) throws(MetricError) -> Void) throws(MetricError) -> [Int64] {
        try sum(count: count, size: size, of: Int64.self, blockSize: blockSize, stop: stop, body)
    }

    /// The threads (each with an accumulator of `size` slots) a sum over `count` rows takes.
    static func workers(count: Int, size: Int, blockSize: Int = blockSize) -> Int {
        let blocks = (count + blockSize - 1) / blockSize
        return blocks < 2 ? 1 : min(max(2, processorCount), blocks, max(1, slotBudget / max(1, size)))
    }

    /// Online processors, at least 1.
    static let processorCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
