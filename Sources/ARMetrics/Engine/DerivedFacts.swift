import ARCore
import ARStore
import Foundation

/// Facts an engine derives from its ledger on first use and keeps for its life: a reference
/// shared by every copy of the engine, so that the first query needing one pays for it once
/// (and an engine that never needs it never does).
final class DerivedFacts: @unchecked Sendable {
    // Unchecked: `history` and `payments` are only read or written while `lock` is held.
    private let lock = NSLock()
    private var history: PaymentHistory?
    private var payments: CustomerPayments?

    /// The as-of-independent payment history of `ledger`, built on first use (a build that
    /// `stop` interrupts is not kept).
    func paymentHistory(_ ledger: Ledger, stop: CancellationToken = .never) throws(MetricError) -> PaymentHistory {
        lock.lock()
        defer { lock.unlock() }
        if let history { return history }
        let built = try PaymentHistory(ledger: ledger, book: RateBook(ledger: ledger), stop: stop)
        history = built
        return built
    }

    /// The payment rows of `ledger` by customer (promises naming no invoice), built on first use.
    func customerPayments(_ ledger: Ledger) -> CustomerPayments {
        lock.lock()
        defer { lock.unlock() }
        if let payments { return payments }
        let built = CustomerPayments(ledger)
        payments = built
        return built
    }
}
