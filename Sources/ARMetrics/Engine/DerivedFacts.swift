import ARCore
import ARStore
import Foundation

/// Facts an engine derives from its ledger on first use and keeps for its life: a reference
/// shared by every copy of the engine, so that the first query needing one pays for it once
/// (and an engine that never needs it never does).
final class DerivedFacts: @unchecked Sendable {
    // Unchecked: `history`, `payments` and `bounds` are only read or written while `lock` is held.
    private let lock = NSLock()
    private var history: PaymentHistory?
    private var payments: CustomerPayments?
    private var bounds: AmountBounds?

    /// The bounds of `ledger`'s amounts, worked out on first use.
    func amountBounds(_ ledger: Ledger) -> AmountBounds {
        cached(\.bounds) { () throws(Never) in AmountBounds(ledger) }
    }

    /// The as-of-independent payment history of `ledger`, built on first use (a build that
    /// `stop` interrupts is not kept).
    func paymentHistory(_ ledger: Ledger, stop: CancellationToken = .never) throws(MetricError) -> PaymentHistory {
        try cached(\.history) { () throws(MetricError) in try PaymentHistory(ledger: ledger, book: RateBook(ledger: ledger), stop: stop) }
    }

    /// The payment rows of `ledger` by customer (promises naming no invoice), built on first use.
    func customerPayments(_ ledger: Ledger) -> CustomerPayments {
        cached(\.payments) { () throws(Never) in CustomerPayments(ledger) }
    }

    /// The value in `slot`, made by `make` and kept on first use, under the lock.
    private func cached<T, E: Error>(_ slot: ReferenceWritableKeyPath<DerivedFacts, T?>, _ make: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let made = self[keyPath: slot] { return made }
        let made = try make()
        self[keyPath: slot] = made
        return made
    }
}
