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

/// Why a query was told to stop.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    /// Someone cancelled it (Ctrl-C, a client that went away).
    case cancelled
    /// Its deadline passed; `budget` is the time it was given, when it was given as a budget.
    case timeBudget(Duration?)

    public var description: String {
        switch self {
        case .cancelled: "query cancelled"
        case let .timeBudget(budget?): "query stopped after its time budget of \(Self.milliseconds(budget)) ms"
        case .timeBudget(nil): "query stopped at its deadline"
        }
    }

    /// Whole milliseconds of `duration`, at least 1 for a positive one.
    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let ms = seconds * 1_000 + attoseconds / 1_000_000_000_000_000
        return duration > .zero ? max(1, ms) : ms
    }
}

/// What a running query polls, between blocks of rows, to learn that it should stop: an
/// optional ``CancellationFlag`` and an optional deadline.
///
/// ```swift
/// let flag = CancellationFlag()
/// let token = CancellationToken(flag: flag).withBudget(.milliseconds(500))
/// // … on another thread: flag.cancel()
/// if let reason = token.stopReason { print(reason) }   // "query cancelled"
/// ```
///
/// Polling costs one relaxed atomic load and, with a deadline, one clock read: cheap enough for
/// every block of a few thousand rows, too much for every row.
public struct CancellationToken: Sendable {
    /// The flag followed, if any.
    public let flag: CancellationFlag?
    /// The instant after which the query stops, if any.
    public let deadline: ContinuousClock.Instant?
    /// The budget `deadline` was derived from (for the message), if it was given as one.
    public let budget: Duration?

    /// A token that follows `flag` (if any) and stops at `deadline` (if any).
    public init(flag: CancellationFlag? = nil, deadline: ContinuousClock.Instant? = nil) {
        self.init(flag: flag, deadline: deadline, budget: nil)
    }

    /// A token that follows `flag`.
    public init(_ flag: CancellationFlag) { self.init(flag: flag) }

    private init(flag: CancellationFlag?, deadline: ContinuousClock.Instant?, budget: Duration?) {
        self.flag = flag
        self.deadline = deadline
        self.budget = budget
    }

    /// A token that never stops.
    public static let never = CancellationToken()

    /// This token with a deadline `budget` from now (the earlier one wins if it already had one).
    public func withBudget(_ budget: Duration) -> CancellationToken {
        let end = ContinuousClock.now.advanced(by: budget)
        if let deadline, deadline <= end { return self }
        return CancellationToken(flag: flag, deadline: end, budget: budget)
    }

    /// Whether the query should stop: the flag is set or the deadline has passed.
    public var isCancelled: Bool { stopReason != nil }

    /// Why the query should stop now; `nil` while it may go on. A set flag wins over a deadline.
    public var stopReason: StopReason? {
        if flag?.isCancelled == true { return .cancelled }
        if let deadline, ContinuousClock.now >= deadline { return .timeBudget(budget) }
        return nil
    }
}
