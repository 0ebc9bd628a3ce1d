import ARCore
import Synchronization

/// The deadline of one request's work and the flag that stops it, checked by the work between its
/// stages (compile, run, draw) and handed to the engine as its cancellation token.
final class RunControl: Sendable {
    let deadline: ContinuousClock.Instant
    private let stopped = Atomic<Int>(0)
    /// Set with ``stop(clientGone:)``; the engine polls it (with the deadline) between blocks of
    /// rows, so a stopped query stops using the CPU within milliseconds.
    private let flag = CancellationFlag()

    /// The token the engine polls: this request's flag and deadline.
    var token: CancellationToken { CancellationToken(flag: flag, deadline: deadline) }

    init(deadline: ContinuousClock.Instant) {
        self.deadline = deadline
    }

    /// Asks the work to stop: 1 past the budget, 2 because the client went away.
    func stop(clientGone: Bool) {
        stopped.store(clientGone ? 2 : 1, ordering: .relaxed)
        flag.cancel()
    }

    var isStopped: Bool { stopped.load(ordering: .relaxed) != 0 || ContinuousClock.now >= deadline }

    /// Throws the stop's error when the work should end now.
    func check(budget: Duration) throws {
        if isStopped { throw stoppedError(budget: budget) }
    }

    /// 504 past the budget; 503 when the client left (nobody reads it, but the log does).
    func stoppedError(budget: Duration) -> APIError {
        if stopped.load(ordering: .relaxed) == 2 {
            return APIError(.serviceUnavailable, .busy, "the client closed the connection; the query was stopped",
                            help: "keep the connection open until the answer arrives")
        }
        return APIError(.gatewayTimeout, .budgetExceeded, "the query ran past the time budget of \(budget) and was stopped",
                        help: "ask for less: a shorter series, fewer dimensions, a 'limit' — or ask an administrator for a larger budget")
    }
}
