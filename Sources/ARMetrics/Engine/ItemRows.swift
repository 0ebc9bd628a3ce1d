import ARCore
import ARStore

/// The rows that can be open items, laid out once per engine: every document (rows
/// `0 ..< documentCount`), then every unallocated payment row (cash on account).
struct ItemRows: Sendable {
    static let invoiceType: UInt8 = 0
    static let creditNoteType: UInt8 = 1
    static let unallocatedType: UInt8 = 2
    static let typeNames = ["invoice", "credit_note", "unallocated"]

    let documentCount: Int
    /// Payment row of each unallocated item, in payment order.
    let unallocatedPayment: [Int32]
    let entity: [Int32]
    let customer: [Int32]
    let currency: [Int32]
    let issue: [Int32]
    let due: [Int32]
    let type: [UInt8]
    /// Gross amount in minor units of the row's currency, positive.
    let amount: [Int64]

    var count: Int { entity.count }

    init(_ ledger: Ledger) {
        let docs = ledger.documents, pay = ledger.payments
        documentCount = docs.count
        var unallocated: [Int32] = []
        for p in 0..<pay.count where pay.document[p] < 0 { unallocated.append(Int32(p)) }
        unallocatedPayment = unallocated
        var entity = docs.entity, customer = docs.customer, currency = docs.currency
        var issue = docs.issue, due = docs.due, amount = docs.amount
        var type = docs.kind
        let extra = unallocated.count
        entity.reserveCapacity(docs.count + extra)
        for p32 in unallocated {
            let p = Int(p32)
            entity.append(pay.resolvedEntity.isEmpty ? pay.entity[p] : pay.resolvedEntity[p])
            customer.append(pay.customer[p])
            currency.append(pay.currency[p])
            issue.append(pay.day[p])
            due.append(pay.day[p])
            amount.append(pay.amount[p])
            type.append(ItemRows.unallocatedType)
        }
        self.entity = entity
        self.customer = customer
        self.currency = currency
        self.issue = issue
        self.due = due
        self.amount = amount
        self.type = type
    }

    /// The row's id: the document id, or the payment id for cash on account.
    func id(_ r: Int, in ledger: Ledger) -> String {
        r < documentCount ? ledger.documents.ids[r] : ledger.payments.ids[Int(unallocatedPayment[r - documentCount])]
    }
}
