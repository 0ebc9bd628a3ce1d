import ARCore
@testable import ARStore

/// Makes a larger ledger for reload timing: the documents, their allocations and the payments
/// repeated `times` times (references shifted so the copy stays a valid ledger; copies carry no
/// disputes, write-offs or extra attributes), every other table kept once.
enum LedgerReplication {
    static func replicated(_ ledger: Ledger, times: Int) -> Ledger {
        var out = ledger
        let docs = ledger.documents, pays = ledger.payments
        let n = docs.count, a = docs.allocationDay.count, p = pays.count
        var d = DocumentTable()
        d.ids = repeated(docs.ids, times)
        d.entity = repeated(docs.entity, times)
        d.customer = repeated(docs.customer, times)
        d.kind = repeated(docs.kind, times)
        d.issue = repeated(docs.issue, times)
        d.due = repeated(docs.due, times)
        d.amount = repeated(docs.amount, times)
        d.currency = repeated(docs.currency, times)
        // Extra attributes are not replicated.
        d.allocationStart = [0] + (0..<times).flatMap { k in docs.allocationStart.dropFirst().map { $0 + Int32(k * a) } }
        d.allocationDay = repeated(docs.allocationDay, times)
        d.allocationAmount = repeated(docs.allocationAmount, times)
        d.allocationPayment = (0..<times).flatMap { k in docs.allocationPayment.map { $0 + Int32(k * p) } }
        d.writeOffStart = docs.writeOffStart + Array(repeating: docs.writeOffStart.last!, count: (times - 1) * n)
        d.disputeStart = docs.disputeStart + Array(repeating: docs.disputeStart.last!, count: (times - 1) * n)
        out.documents = d
        var q = PaymentTable()
        q.ids = repeated(pays.ids, times)
        q.customer = repeated(pays.customer, times)
        q.document = (0..<times).flatMap { k in pays.document.map { $0 < 0 ? $0 : $0 + Int32(k * n) } }
        q.entity = repeated(pays.entity, times)
        q.resolvedEntity = repeated(pays.resolvedEntity, times)
        q.day = repeated(pays.day, times)
        q.amount = repeated(pays.amount, times)
        q.currency = repeated(pays.currency, times)
        out.payments = q
        return out
    }

    private static func repeated<T>(_ values: [T], _ times: Int) -> [T] {
        var out: [T] = []
        out.reserveCapacity(values.count * times)
        for _ in 0..<times { out.append(contentsOf: values) }
        return out
    }

    private static func repeated(_ column: StringColumn, _ times: Int) -> StringColumn {
        let width = Int64(column.bytes.count)
        var offsets: [Int64] = [0]
        offsets.reserveCapacity(column.count * times + 1)
        for k in 0..<times { offsets.append(contentsOf: column.offsets.dropFirst().map { $0 + Int64(k) * width }) }
        return StringColumn(bytes: repeated(column.bytes, times), offsets: offsets)
    }
}
