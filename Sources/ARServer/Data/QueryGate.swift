import HTTPTypes
import Foundation
import Synchronization

/// Caps the queries and renders running at once and gives each a time budget.
///
/// A request waits for one of `concurrency` slots (503 at once when `queueLength` already wait),
/// then runs on a Dispatch thread. Past its deadline, or when its client disconnects, the request
/// is answered (504) and its ``RunControl`` is stopped; the slot is freed only when the work has
/// really ended, so stopped work can never pile up beyond the cap.
final class QueryGate: Sendable {
    private struct State {
        var running = 0
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
        var nextID: UInt64 = 0
    }

    let concurrency: Int
    let queueLength: Int
    private let state = Mutex(State())

    init(concurrency: Int, queueLength: Int) {
        self.concurrency = max(1, concurrency)
        self.queueLength = max(0, queueLength)
    }

    /// Runs `work` within `budget`; `clientIsGone` is polled every 20 ms.
    /// - Throws: ``APIError`` 503 when the queue is full, 504 past the budget (waiting included).
    func run<T: Sendable>(budget: Duration, clientIsGone: @escaping @Sendable () -> Bool,
                          _ work: @escaping @Sendable (RunControl) throws -> T) async throws -> T {
        let control = RunControl(deadline: .now + budget)
        guard try await acquire(until: control.deadline) else {
            throw APIError(.gatewayTimeout, .budgetExceeded, "the server was busy for the whole time budget of \(budget)",
                           help: "try again in a moment, or ask for less (a shorter series, fewer customers)")
        }
        let outcome = Outcome<T>()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = Result { try work(control) }
            release()
            outcome.finish(result)
        }
        let watchdog = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(20))
                if ContinuousClock.now >= control.deadline || clientIsGone() {
                    control.stop(clientGone: clientIsGone())
                    outcome.finish(.failure(control.stoppedError(budget: budget)))
                    return
                }
            }
        }
        defer { watchdog.cancel() }
        return try await outcome.value()
    }

    /// Queries running now (for metrics and tests).
    var running: Int { state.withLock { $0.running } }

    private func acquire(until deadline: ContinuousClock.Instant) async throws -> Bool {
        let (granted, id): (Bool?, UInt64) = try state.withLock { s in
            if s.running < concurrency { s.running += 1; return (true, 0) }
            guard s.waiters.count < queueLength else {
                throw APIError(.serviceUnavailable, .busy, "the server is busy: \(s.running) queries running and \(s.waiters.count) waiting",
                               help: "try again in a moment").with(header: .retryAfter, "1")
            }
            s.nextID += 1
            return (nil, s.nextID)
        }
        if let granted { return granted }
        let timer = Task { [self] in
            try? await Task.sleep(until: deadline)
            if !Task.isCancelled { giveUp(id) }
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            state.withLock { $0.waiters.append((id, continuation)) }
        }
    }

    /// Frees a slot: the first waiter gets it.
    private func release() {
        let next = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            guard !s.waiters.isEmpty else { s.running -= 1; return nil }
            return s.waiters.removeFirst().continuation
        }
        next?.resume(returning: true)
    }

    /// A waiter whose deadline passed leaves the queue without a slot.
    private func giveUp(_ id: UInt64) {
        let waiter = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            guard let i = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return s.waiters.remove(at: i).continuation
        }
        waiter?.resume(returning: false)
    }
}

/// A result delivered once: by the work, or by the watchdog that stopped waiting for it.
private final class Outcome<T: Sendable>: Sendable {
    private let state = Mutex<(result: Result<T, any Error>?, waiter: CheckedContinuation<T, any Error>?)>((nil, nil))

    func finish(_ result: Result<T, any Error>) {
        let waiter = state.withLock { s -> CheckedContinuation<T, any Error>? in
            guard s.result == nil else { return nil }
            s.result = result
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { s -> Result<T, any Error>? in
                if s.result == nil { s.waiter = continuation }
                return s.result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
