/// One invoice or credit note of a customer while its history is simulated.
struct GeneratedDocument {
    var id: String
    /// Index into the catalog's entities.
    var entity: Int
    var isCreditNote: Bool
    var issue: Int32
    var due: Int32
    /// Minor units of the entity's currency.
    var amount: Int64
    /// The day the last payment cleared it (on or before as-of), if it did.
    var cleared: Int32?
    /// The amount allocated on `cleared`, which a consumed credit note may not exceed.
    var finalAllocation: Int64 = 0
    /// The write-off day (on or before as-of), if written off.
    var writtenOff: Int32?
}

/// One payment row before payment ids are assigned: cash allocated to a document, or on account.
struct GeneratedAllocation {
    var entity: Int
    var day: Int32
    /// Index of the customer's document; `-1` for unallocated cash.
    var document: Int
    var amount: Int64
    /// For unallocated cash: whether the row names its entity.
    var namesEntity = false
}

/// The next number of each kind of id, shared by all customers so that ids are unique.
struct IDCounters {
    var document = 0
    var payment = 0
    var dispute = 0
    var promise = 0
    var dunning = 0

    mutating func next(_ counter: WritableKeyPath<IDCounters, Int>, prefix: String, width: Int) -> String {
        self[keyPath: counter] += 1
        return prefix + zeroPadded(self[keyPath: counter], width: width)
    }
}
