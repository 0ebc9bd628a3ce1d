import ARCore
@testable import ARMetrics
import ARStore
import Testing

/// The engine's item rows read the ledger's document columns in place and append cash on account.
struct ItemRowsSharingTests {
    @Test func documentColumnsAreTheLedgersOwnAndCashOnAccountFollows() throws {
        let (ledger, _) = try SQLRandomLedger.make(seed: 41)
        let rows = MetricEngine(ledger: ledger).rows
        let docs = ledger.documents, pay = ledger.payments
        let cash = (0..<pay.count).filter { pay.document[$0] < 0 }
        #expect(!cash.isEmpty)
        #expect(rows.count == docs.count + cash.count)
        // Shared storage, not a copy.
        let shared = docs.customer.withUnsafeBufferPointer { a in
            rows.customer.documents.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        #expect(shared)
        for (k, p) in cash.enumerated() {
            let r = docs.count + k
            #expect(rows.customer[r] == pay.customer[p] && rows.amount[r] == pay.amount[p] && rows.issue[r] == pay.day[p])
            #expect(rows.due[r] == pay.day[p] && rows.type[r] == ItemRows.unallocatedType && rows.currency[r] == pay.currency[p])
        }
        #expect(rows.due[3] == docs.due[3] && rows.type[3] == docs.kind[3] && rows.entity[3] == docs.entity[3])
        #expect(rows.issue.map { $0 } == (0..<rows.count).map { rows.issue[$0] })
        #expect(rows.codes(.customer) == (0..<rows.count).map { rows.customer[$0] })
        #expect(rows.codes(.entity) == docs.entity + cash.map { pay.resolvedEntity.isEmpty ? pay.entity[$0] : pay.resolvedEntity[$0] })
    }
}
