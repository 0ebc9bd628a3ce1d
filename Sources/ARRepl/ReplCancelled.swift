import ARCore

extension CancellationToken {
    /// Throws ``ReplCancelled`` when the user asked to stop (or the deadline passed).
    public func check() throws(ReplCancelled) {
        if isCancelled { throw ReplCancelled() }
    }
}

/// Thrown by a backend that stopped because its `CancellationToken` was cancelled.
public struct ReplCancelled: Error, CustomStringConvertible, Equatable {
    public init() {}
    public var description: String { "query cancelled" }
}
