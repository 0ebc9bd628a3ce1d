import ARCore

/// Legal entities of the group.
public struct EntityTable: Sendable, Equatable {
    public var ids: [String] = []
    public var names: [String?] = []
    /// Functional currency (index into ``Ledger/currencies``).
    public var currency: [Int32] = []
    public var country: [String?] = []
    public var count: Int { ids.count }
}

/// Customers and their perimeter attributes.
public struct CustomerTable: Sendable, Equatable {
    public var ids = StringColumn()
    public var names = DictionaryColumn()
    public var group = DictionaryColumn()
    public var segment = DictionaryColumn()
    public var region = DictionaryColumn()
    public var country = DictionaryColumn()
    public var salesRep = DictionaryColumn()
    public var paymentTermsDays = OptionalColumn<Int32>(placeholder: 0)
    /// Credit limit, as a plain decimal string (its currency is that of the customer's invoices).
    public var creditLimit = DictionaryColumn()
    public var insuredLimit = DictionaryColumn()
    public var extras = ExtraAttributes()
    public var count: Int { ids.count }
}

/// The kind of a document.
public enum DocumentKind: UInt8, Sendable, CaseIterable {
    case invoice = 0
    case creditNote = 1

    /// The interchange name: `invoice` or `credit_note`.
    public var name: String { self == .invoice ? "invoice" : "credit_note" }
}

/// Invoices and credit notes, with each document's allocations and write-offs laid out
/// contiguously (CSR) so that its open amount at any date is a short scan.
public struct DocumentTable: Sendable, Equatable {
    public var ids = StringColumn()
    public var entity: [Int32] = []
    public var customer: [Int32] = []
    public var kind: [UInt8] = []
    public var issue: [Int32] = []
    /// Due day; a credit note's is its issue day unless given.
    public var due: [Int32] = []
    /// Gross amount in minor units of the document's currency, positive.
    public var amount: [Int64] = []
    public var currency: [Int32] = []
    public var extras = ExtraAttributes()

    /// Allocations of document `i` are `allocationStart[i] ..< allocationStart[i + 1]`, by date.
    public var allocationStart: [Int32] = [0]
    public var allocationDay: [Int32] = []
    /// Amount allocated, minor units of the document's currency.
    public var allocationAmount: [Int64] = []
    /// The row of ``PaymentTable`` each allocation comes from.
    public var allocationPayment: [Int32] = []

    /// Write-offs of document `i` are rows `writeOffStart[i] ..< writeOffStart[i + 1]` of
    /// ``WriteOffTable`` (sorted by document, then date).
    public var writeOffStart: [Int32] = [0]
    /// Disputes of document `i` are rows `disputeStart[i] ..< disputeStart[i + 1]` of
    /// ``DisputeTable`` (sorted by document, then opened date).
    public var disputeStart: [Int32] = [0]

    public var count: Int { entity.count }

    @inlinable
    public func isCreditNote(_ i: Int) -> Bool { kind[i] == DocumentKind.creditNote.rawValue }
}

/// Cash received, one row per allocation.
public struct PaymentTable: Sendable, Equatable {
    public var ids = StringColumn()
    public var customer: [Int32] = []
    /// Document the row is allocated to; `-1` for unallocated cash on account.
    public var document: [Int32] = []
    /// The entity column as given; `-1` when empty.
    public var entity: [Int32] = []
    /// The entity the row belongs to: its document's, the given one, or for unallocated cash
    /// the entity with which the customer has most documents (ties: smallest entity id).
    public var resolvedEntity: [Int32] = []
    public var day: [Int32] = []
    public var amount: [Int64] = []
    public var currency: [Int32] = []
    public var count: Int { customer.count }
}

/// Disputes, sorted by document then opened date.
public struct DisputeTable: Sendable, Equatable {
    public var ids = StringColumn()
    public var document: [Int32] = []
    public var opened: [Int32] = []
    public var resolved = OptionalColumn<Int32>(placeholder: 0)
    /// Disputed part in minor units of the document's currency; missing means the whole open amount.
    public var amount = OptionalColumn<Int64>(placeholder: 0)
    public var reason = DictionaryColumn()
    public var count: Int { document.count }
}

/// Promises to pay.
public struct PromiseTable: Sendable, Equatable {
    public var ids = StringColumn()
    public var customer: [Int32] = []
    /// `-1`: a promise on the account as a whole.
    public var document: [Int32] = []
    public var made: [Int32] = []
    public var promised: [Int32] = []
    public var amount: [Int64] = []
    /// The promise's currency: its own column, else the customer's most frequent document currency.
    public var currency: [Int32] = []
    public var count: Int { customer.count }
}

/// Write-offs (bad debts), sorted by document then date.
public struct WriteOffTable: Sendable, Equatable {
    public var document: [Int32] = []
    public var day: [Int32] = []
    /// Minor units of the document's currency.
    public var amount: [Int64] = []
    public var reason = DictionaryColumn()
    public var count: Int { document.count }
}

/// Collection actions.
public struct DunningTable: Sendable, Equatable {
    public var ids = StringColumn()
    public var customer: [Int32] = []
    public var document: [Int32] = []
    public var day: [Int32] = []
    public var level = OptionalColumn<Int32>(placeholder: 0)
    public var channel = DictionaryColumn()
    public var count: Int { customer.count }
}
