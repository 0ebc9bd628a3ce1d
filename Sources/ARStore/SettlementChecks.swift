import ARCore

/// What the builder has settled against each document so far, to refuse the impossible and flag
/// the suspicious as payments and write-offs arrive (docs/import.md, "Contradictory rows").
///
/// Totals saturate at `Int64.max`: they are only compared with amounts below 10^15.
struct SettlementChecks: Sendable {
    private var paid: [Int64] = []
    private var writtenOff: [Int64] = []

    mutating func addDocument() {
        paid.append(0)
        writtenOff.append(0)
    }

    /// Warnings for a document row.
    static func document(_ r: DocumentRecord) -> [LedgerWarning] {
        guard r.kind == .invoice, let due = r.due, due < r.issue else { return [] }
        return [LedgerWarning(.dueBeforeIssue, "invoice \(quoted(r.id)) is due \(due.iso), before its issue date \(r.issue.iso)")]
    }

    /// Records a payment row allocated to document `d`; refuses one that consumes a credit note
    /// beyond its amount.
    mutating func payment(_ r: PaymentRecord, document d: Int, of docs: DocumentTable, customerID: String,
                          currency: Currency) throws(LedgerBuildError) -> [LedgerWarning] {
        let amount = docs.amount[d], id = docs.ids[d]
        let total = Self.add(paid[d], r.amount)
        if docs.isCreditNote(d), total > amount {
            throw .creditNoteOverconsumed(documentID: id, amount: money(amount, currency), consumed: money(total, currency))
        }
        var warnings: [LedgerWarning] = []
        if r.day.rawValue < docs.issue[d] {
            warnings.append(LedgerWarning(.paidBeforeIssue, "payment \(quoted(r.id)) on \(r.day.iso) is dated before "
                + "\(quoted(id))'s issue date \(Day(rawValue: docs.issue[d]).iso)"))
        }
        if r.customerID != customerID {
            warnings.append(LedgerWarning(.paidByOtherCustomer, "payment \(quoted(r.id)) by customer \(quoted(r.customerID)) "
                + "is allocated to \(quoted(id)) of customer \(quoted(customerID))"))
        }
        if !docs.isCreditNote(d), total > amount {
            warnings.append(LedgerWarning(.overpaid, "payments allocated to invoice \(quoted(id)) reach \(money(total, currency)), "
                + "above its amount \(money(amount, currency)): the excess makes its open amount negative"))
        } else {
            warnings += overSettled(d, paid: total, docs: docs, currency: currency)
        }
        paid[d] = total
        return warnings
    }

    /// Records a write-off of document `d`; refuses one that takes the write-offs of `d` past its
    /// amount, and flags one of a credit note.
    mutating func writeOff(_ r: WriteOffRecord, document d: Int, of docs: DocumentTable,
                           currency: Currency) throws(LedgerBuildError) -> [LedgerWarning] {
        let id = docs.ids[d]
        let total = Self.add(writtenOff[d], r.amount)
        if total > docs.amount[d] {
            throw .writeOffExceedsAmount(documentID: id, amount: money(docs.amount[d], currency), writtenOff: money(total, currency))
        }
        writtenOff[d] = total
        if docs.isCreditNote(d) {
            return [LedgerWarning(.writeOffOnCreditNote, "credit note \(quoted(id)) is written off \(money(r.amount, currency)): "
                + "this raises the balance; bad debts are invoices")]
        }
        return overSettled(d, paid: paid[d], docs: docs, currency: currency)
    }

    private func overSettled(_ d: Int, paid: Int64, docs: DocumentTable, currency: Currency) -> [LedgerWarning] {
        let off = writtenOff[d]
        guard off > 0, Self.add(paid, off) > docs.amount[d] else { return [] }
        return [LedgerWarning(.overSettled, "\(quoted(docs.ids[d])) of \(money(docs.amount[d], currency)) is settled "
            + "\(money(Self.add(paid, off), currency)): \(money(paid, currency)) paid and \(money(off, currency)) written off")]
    }

    private static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    private func money(_ minor: Int64, _ currency: Currency) -> String {
        MinorUnits.formatGrouped(minor, digits: currency.minorDigits) + " " + currency.code
    }
}
