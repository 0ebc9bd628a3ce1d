import ARCore
import ARStore
import Synchronization

/// The rows that can be open items, laid out once per engine: every document (rows
/// `0 ..< documentCount`), then every unallocated payment row (cash on account).
///
/// The document part of each column is the ledger's own array (shared, not copied), so laying
/// the rows out costs a pass over the payments, not a copy of the documents.
struct ItemRows: Sendable {
    static let invoiceType: UInt8 = 0
    static let creditNoteType: UInt8 = 1
    static let unallocatedType: UInt8 = 2
    static let typeNames = ["invoice", "credit_note", "unallocated"]

    let documentCount: Int
    /// Payment row of each unallocated item, in payment order.
    let unallocatedPayment: [Int32]
    let entity: ItemColumn<Int32>
    let customer: ItemColumn<Int32>
    let currency: ItemColumn<Int32>
    let issue: ItemColumn<Int32>
    let due: ItemColumn<Int32>
    let type: ItemColumn<UInt8>
    /// Gross amount in minor units of the row's currency, positive.
    let amount: ItemColumn<Int64>
    /// Contiguous copies of the code columns a dimension reads, made on first use.
    private let codeArrays = CodeArrays()

    var count: Int { entity.count }

    init(_ ledger: Ledger) {
        let docs = ledger.documents, pay = ledger.payments
        documentCount = docs.count
        var unallocated: [Int32] = []
        for p in 0..<pay.count where pay.document[p] < 0 { unallocated.append(Int32(p)) }
        unallocatedPayment = unallocated
        let payments = unallocated.map(Int.init)
        entity = ItemColumn(documents: docs.entity,
                            unallocated: payments.map { pay.resolvedEntity.isEmpty ? pay.entity[$0] : pay.resolvedEntity[$0] })
        customer = ItemColumn(documents: docs.customer, unallocated: payments.map { pay.customer[$0] })
        currency = ItemColumn(documents: docs.currency, unallocated: payments.map { pay.currency[$0] })
        issue = ItemColumn(documents: docs.issue, unallocated: payments.map { pay.day[$0] })
        due = ItemColumn(documents: docs.due, unallocated: issue.unallocated)
        type = ItemColumn(documents: docs.kind, unallocated: [UInt8](repeating: ItemRows.unallocatedType, count: payments.count))
        amount = ItemColumn(documents: docs.amount, unallocated: payments.map { pay.amount[$0] })
    }

    /// The row's id: the document id, or the payment id for cash on account.
    func id(_ r: Int, in ledger: Ledger) -> String {
        r < documentCount ? ledger.documents.ids[r] : ledger.payments.ids[Int(unallocatedPayment[r - documentCount])]
    }

    /// Which code column ``codes(_:)`` reads.
    enum CodeColumn: Int, CaseIterable { case entity, customer, currency }

    /// `column` as one array, for a dimension's codes per row: copied on first use and kept.
    func codes(_ column: CodeColumn) -> [Int32] {
        codeArrays.array(column) {
            switch column {
            case .entity: entity.contiguous
            case .customer: customer.contiguous
            case .currency: currency.contiguous
            }
        }
    }
}

/// The contiguous code columns of one ``ItemRows``, shared by its copies.
private final class CodeArrays: Sendable {
    private let arrays = Mutex<[[Int32]?]>(Array(repeating: nil, count: ItemRows.CodeColumn.allCases.count))

    func array(_ column: ItemRows.CodeColumn, _ make: () -> [Int32]) -> [Int32] {
        arrays.withLock { arrays in
            if let made = arrays[column.rawValue] { return made }
            let made = make()
            arrays[column.rawValue] = made
            return made
        }
    }
}
