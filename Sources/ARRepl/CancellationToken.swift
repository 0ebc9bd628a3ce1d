import Synchronization

/// A flag that a signal handler may set and a running query polls.
///
/// Setting it is a single lock-free atomic store, which is async-signal-safe, so the SIGINT
/// handler of the terminal front can call `cancel()` directly.
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    /// Asks whatever is running to stop.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Clears the flag before the next query.
    public func reset() { cancelled.store(false, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}

/// What a running query checks between batches to learn that the user pressed Ctrl-C.
public struct CancellationToken: Sendable {
    private let flag: CancellationFlag?

    /// A token that follows `flag`.
    public init(_ flag: CancellationFlag) { self.flag = flag }

    /// A token that is never cancelled.
    public static let never = CancellationToken()
    private init() { flag = nil }

    public var isCancelled: Bool { flag?.isCancelled ?? false }

    /// Throws `ReplCancelled` when the user asked to stop.
    public func check() throws(ReplCancelled) {
        if isCancelled { throw ReplCancelled() }
    }
}

/// Thrown by a backend that stopped because its `CancellationToken` was cancelled.
public struct ReplCancelled: Error, CustomStringConvertible, Equatable {
    public init() {}
    public var description: String { "query cancelled" }
}
