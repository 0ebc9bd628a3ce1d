/// Something odd about a row that loaded. Real ledgers hold such rows (a customer pays twice, a
/// parent company pays for its subsidiary, an invoice is back-dated), so they are kept; but a
/// figure built on them deserves a second look, so the importer lists each one with its line.
///
/// Rows that cannot be true at all (a dispute resolved before it opened, more written off than
/// the document's amount, a credit note consumed beyond its amount) are not warnings but
/// ``LedgerBuildError``s: the row is rejected.
public struct LedgerWarning: Sendable, Equatable {
    /// The kinds of suspicious row, with their stable codes.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// An invoice due before its issue date.
        case dueBeforeIssue = "due_before_issue"
        /// A payment allocated to a document issued after the payment's date.
        case paidBeforeIssue = "paid_before_issue"
        /// Payments allocated to an invoice add up to more than its amount: the excess makes its
        /// open amount negative.
        case overpaid
        /// Payments and write-offs of a document add up to more than its amount (a recovery after
        /// a write-off, or a row given twice).
        case overSettled = "over_settled"
        /// A payment by another customer than the one invoiced.
        case paidByOtherCustomer = "paid_by_other_customer"
        /// A promise recorded after the date it promised payment by.
        case promiseAfterDate = "promise_made_after_date"
        /// A write-off of a credit note: bad debts are invoices, but an unused credit balance is
        /// sometimes cleared this way (the write-off then raises the receivables balance).
        case writeOffOnCreditNote = "write_off_on_credit_note"
    }

    public var kind: Kind
    /// One line saying what is odd, with the amounts or dates involved.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
