/// One column of the item rows: the ledger's document column, shared rather than copied
/// (Swift arrays are copy-on-write, so holding it costs nothing), then the values of the
/// cash-on-account rows. Row `r` is `documents[r]` below ``split``, `unallocated[r - split]` above.
struct ItemColumn<Element: Sendable>: RandomAccessCollection, Sendable {
    let documents: [Element]
    let unallocated: [Element]
    /// The number of document rows: the first cash-on-account row.
    let split: Int

    init(documents: [Element], unallocated: [Element]) {
        self.documents = documents
        self.unallocated = unallocated
        split = documents.count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { split + unallocated.count }

    @inline(__always)
    subscript(r: Int) -> Element {
        r < split ? documents[r] : unallocated[r &- split]
    }

    /// The values transformed in row order, documents first (no per-row test of which part).
    func map<T>(_ transform: (Element) throws -> T) rethrows -> [T] {
        try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            for part in [documents, unallocated] {
                try part.withUnsafeBufferPointer { values in
                    for value in values {
                        (base + initialized).initialize(to: try transform(value))
                        initialized += 1
                    }
                }
            }
        }
    }

    /// The column as one array (a copy).
    var contiguous: [Element] { documents + unallocated }
}
