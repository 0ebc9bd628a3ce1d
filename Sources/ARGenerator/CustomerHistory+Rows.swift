import ARCore

// Writing the simulated history as interchange rows.
extension CustomerHistory {
    /// Writes the customer, its documents and every event row; assigns payment ids so that all
    /// rows of one entity on one day form one remittance (a split payment when it covers several).
    mutating func write(to output: SnapshotOutput, ids: inout IDCounters) throws {
        try output.write(.customers, profile.customerRow)
        for d in documents {
            let currency = Catalog.entities[d.entity].currency
            try output.write(.invoices, [d.id, Catalog.entities[d.entity].id, profile.id, d.isCreditNote ? "credit_note" : "invoice",
                                         iso(d.issue), iso(d.due), MinorUnits.format(d.amount, digits: currency.minorDigits), currency.code])
        }
        try writePayments(to: output, ids: &ids)
        for row in disputes { try output.write(.disputes, row) }
        for row in promises { try output.write(.promises, row) }
        for row in writeOffs { try output.write(.writeOffs, row) }
        for row in dunning { try output.write(.dunning, row) }
    }

    private mutating func writePayments(to output: SnapshotOutput, ids: inout IDCounters) throws {
        let order = allocations.indices.filter { allocations[$0].day <= asOf }.sorted {
            let a = allocations[$0], b = allocations[$1]
            return (a.day, a.entity, $0) < (b.day, b.entity, $1)
        }
        var paymentID = ""
        var previous: GeneratedAllocation?
        for index in order {
            let a = allocations[index]
            let entity = Catalog.entities[a.entity]
            let startsRemittance = a.document < 0 || previous.map { $0.document < 0 || $0.day != a.day || $0.entity != a.entity } ?? true
            if startsRemittance { paymentID = ids.next(\.payment, prefix: "PAY-", width: 9) }
            previous = a
            try output.write(.payments, [paymentID, profile.id, a.document >= 0 ? documents[a.document].id : nil,
                                         a.namesEntity ? entity.id : nil, iso(a.day),
                                         MinorUnits.format(a.amount, digits: entity.currency.minorDigits), entity.currency.code])
        }
    }
}
