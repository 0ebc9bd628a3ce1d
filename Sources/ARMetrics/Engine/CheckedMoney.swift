import ARCore

// Sums of money in the engine's loops are checked without a branch per row: each addition
// wraps and records whether it overflowed, and the loop throws ``MetricError/overflow(_:)``
// once, after its last row. This costs what Swift's trapping `+=` costs (an add and a flag),
// and a ledger whose amounts cannot be added up gets an error instead of a crash.
//
// Sums of `Int128` (amount × days weights) are left unchecked: 2^31 rows of 2^63 × 2^32 stay
// below 2^127.

extension FixedWidthInteger {
    /// Adds `value`; on overflow the result wraps and `overflow` becomes true.
    @inline(__always)
    mutating func add(_ value: Self, overflow: inout Bool) {
        let (sum, o) = addingReportingOverflow(value)
        self = sum
        overflow = overflow || o
    }

    /// Subtracts `value`; on overflow the result wraps and `overflow` becomes true.
    @inline(__always)
    mutating func subtract(_ value: Self, overflow: inout Bool) {
        let (difference, o) = subtractingReportingOverflow(value)
        self = difference
        overflow = overflow || o
    }

    /// `-self`, or `self` with `overflow` set when it has no negation (`Self.min`).
    @inline(__always)
    func negated(overflow: inout Bool) -> Self {
        let (value, o) = Self.zero.subtractingReportingOverflow(self)
        overflow = overflow || o
        return value
    }
}

extension Sequence<Int64> {
    /// The sum of the values; ``MetricError/overflow(_:)`` for `what` when it does not fit.
    func checkedSum(_ what: @autoclosure () -> String) throws(MetricError) -> Int64 {
        var total: Int64 = 0, overflow = false
        for value in self { total.add(value, overflow: &overflow) }
        try MetricError.check(overflow, what())
        return total
    }
}

extension MetricError {
    /// Throws ``overflow(_:)`` for `what` when `overflowed`.
    @inline(__always)
    static func check(_ overflowed: Bool, _ what: @autoclosure () -> String) throws(MetricError) {
        if overflowed { throw MetricError.overflow(what()) }
    }
}
