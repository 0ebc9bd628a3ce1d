import ARCore
import Dispatch
import Synchronization

/// Work over the rows `0 ..< count` split into blocks that a few threads take in turn, for the
/// row-by-row passes of a query (open amounts, conversion). Each block writes only its own rows
/// (through ``RowWriter``) or returns its own result; results come back in block order, so the
/// outcome is the one of a single pass, and so is the error: the first failing block's.
/// Each block first polls `stop`, so a cancelled query ends within a block's time.
enum ParallelRows {
    /// The results of `body` for each block, in block order (one block when `count` is small).
    static func map<T: Sendable>(count: Int, blockSize: Int = ParallelSum.blockSize, stop: CancellationToken,
                                 _ body: @Sendable (Range<Int>) throws(MetricError) -> T) throws(MetricError) -> [T] {
        let blocks = max(1, (count + blockSize - 1) / blockSize)
        if blocks < 2 {
            try stop.checkpoint()
            return [try body(0..<count)]
        }
        let workers = min(max(2, ParallelSum.processorCount), blocks)
        let next = Atomic<Int>(0)
        let results = Mutex<[T?]>([T?](repeating: nil, count: blocks))
        let firstFailure = Mutex<(block: Int, error: MetricError)?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let block = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard block < blocks else { break }
                do throws(MetricError) {
                    try stop.checkpoint()
                    let result = try body(block * blockSize..<min(count, (block + 1) * blockSize))
                    results.withLock { $0[block] = result }
                } catch {
                    firstFailure.withLock { first in
                        if first == nil || block < first!.block { first = (block, error) }
                    }
                    break
                }
            }
        }
        if let failure = firstFailure.withLock({ $0 }) { throw failure.error }
        return results.withLock { $0.map { $0! } }
    }

    /// Runs `body` on every block of rows.
    static func forEach(count: Int, blockSize: Int = ParallelSum.blockSize, stop: CancellationToken,
                        _ body: @Sendable (Range<Int>) -> Void) throws(MetricError) {
        _ = try map(count: count, blockSize: blockSize, stop: stop) { (range: Range<Int>) throws(MetricError) in body(range) }
    }
}

/// A column being filled by several blocks at once, each writing only its own rows.
struct RowWriter<Element>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) { base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)! }

    /// Initializes (or overwrites a trivial value at) row `r`.
    @inline(__always)
    func set(_ r: Int, _ value: Element) { (base + r).initialize(to: value) }

    /// Row `r`, once this block has set it.
    @inline(__always)
    func get(_ r: Int) -> Element { base[r] }
}

extension Array where Element: BitwiseCopyable {
    /// An array of `count` elements, each written once by `fill` through a ``RowWriter`` (as the
    /// blocks of ``ParallelRows`` do), without zeroing it first.
    static func filledByRows(count: Int, _ fill: (RowWriter<Element>) -> Void) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(RowWriter(buffer))
            initialized = count
        }
    }
}
