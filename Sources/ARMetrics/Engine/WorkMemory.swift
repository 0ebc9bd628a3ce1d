import ARCore

/// The engine's check that the work buffers of a query (rows × dates, dates × groups) can be
/// allocated: a query that cannot fit gets ``MetricError`` `memory` and a suggestion, instead of
/// a failed allocation that ends the process.
enum WorkMemory {
    /// Below this, a query allocates without asking (reading the limits costs a few system calls).
    static let checkedFrom = 32 << 20

    /// Throws `memory` when `bytes` exceed what the process can still allocate.
    /// - Parameter available: bytes available; by default ``AvailableMemory/bytes()``.
    static func require(_ bytes: Int, for what: @autoclosure () -> String,
                        available: () -> Int? = AvailableMemory.bytes) throws(MetricError) {
        guard bytes >= checkedFrom, let free = available(), bytes > free else { return }
        throw MetricError(code: "memory", message: "\(what()) needs about \(format(bytes)) of work memory and \(format(free)) "
            + "is available: ask for fewer dates (monthly rather than daily) or fewer groups, or give the process more memory")
    }

    /// Throws `memory` when the values of every group known so far at every date of `query`
    /// cannot fit (after the sweep, or the first date of a query worked date by date).
    static func requireValues(_ query: MetricQuery, run: QueryRun) throws(MetricError) {
        let columns = query.metrics.reduce(0) { $0 + MetricColumns.columns(for: $1).count }
        let bytes = product(query.dates.count, run.registry.count, columns, MemoryLayout<MetricValue>.stride)
        try require(bytes, for: "the figures of \(run.registry.count) groups at \(query.dates.count) dates")
    }

    /// Throws `memory` when the frames of a query worked date by date cannot fit: about 64
    /// bytes per item row in one frame (open state, converted amounts, group keys and the
    /// arrays made on the way), three frames at once when CEI keeps the last two.
    static func requireFrames(_ run: QueryRun) throws(MetricError) {
        try require(product(run.rows.count, 64, run.keepsFrames ? 3 : 1), for: "a query over \(run.rows.count) items")
    }

    /// Bytes of `count` result rows of `dimensions` keys and `columns` values.
    static func rowBytes(count: Int, dimensions: Int, columns: Int) -> Int {
        // The row, then its two arrays (header and elements, rounded up by the allocator).
        let row = MemoryLayout<MetricTable.Row>.stride + 2 * 48 + 16 * dimensions + MemoryLayout<MetricValue>.stride * columns
        return product(count, row)
    }

    /// The product of `factors`, saturating at `Int.max` (an estimate must not trap either).
    static func product(_ factors: Int...) -> Int {
        var value = 1
        for factor in factors {
            let (next, overflow) = value.multipliedReportingOverflow(by: max(0, factor))
            if overflow { return .max }
            value = next
        }
        return value
    }

    /// `1.2 GB`, `310 MB`, `12 KB`.
    static func format(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        if mb >= 1_024 { return "\((mb / 1_024 * 10).rounded() / 10) GB" }
        if mb >= 1 { return "\(Int(mb.rounded())) MB" }
        return "\(max(1, bytes / 1_024)) KB"
    }
}
