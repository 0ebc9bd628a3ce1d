import ARCore

extension MetricEngine {
    /// A copy of the engine that polls `token` while it works and stops when it is cancelled or
    /// its deadline passes, throwing ``MetricError`` with code `cancelled` or `time_budget`.
    ///
    /// The engine polls between blocks of rows (at most a few thousand rows, or a few
    /// milliseconds of work at 10M rows), in every pass of a query: the open state and
    /// conversion of each date, the series sweep, the flows, promises and disputes, the forecast
    /// and predicted pay dates, `items` and backtests. A stopped query leaves nothing behind.
    ///
    /// ```swift
    /// let flag = CancellationFlag()
    /// let limited = engine.cancellable(by: CancellationToken(flag: flag).withBudget(.seconds(2)))
    /// let table = try limited.run(query)   // throws after 2 s, or soon after flag.cancel()
    /// ```
    public func cancellable(by token: CancellationToken) -> MetricEngine {
        var copy = self
        copy.cancellation = token
        return copy
    }
}

extension CancellationToken {
    /// Rows a sequential loop works between two polls (a power of two).
    static let rowsPerPoll = 1 << 14

    /// Throws the ``MetricError`` of the reason to stop, if there is one.
    @inline(__always)
    func checkpoint() throws(MetricError) {
        if let reason = stopReason { throw MetricError.stopped(reason) }
    }

    /// ``checkpoint()`` on every ``rowsPerPoll``-th row of a sequential loop.
    @inline(__always)
    func poll(row r: Int) throws(MetricError) {
        if r & (Self.rowsPerPoll - 1) == 0 { try checkpoint() }
    }
}

extension Array {
    /// Sorts in place by `areInIncreasingOrder`, polling `stop` every few thousand comparisons
    /// (a sort of millions of elements takes longer than a cancelled query may go on).
    mutating func sort(polling stop: CancellationToken, by areInIncreasingOrder: (Element, Element) -> Bool) throws(MetricError) {
        var comparisons = 0
        do {
            try sort { a, b in
                comparisons &+= 1
                if comparisons & (CancellationToken.rowsPerPoll - 1) == 0 { try stop.checkpoint() }
                return areInIncreasingOrder(a, b)
            }
        } catch let error as MetricError {
            throw error
        } catch {
            preconditionFailure("only the poll throws, and it throws MetricError")
        }
    }
}
