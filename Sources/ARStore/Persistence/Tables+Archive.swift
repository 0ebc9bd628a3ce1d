import ARCore

// The fixed section order of archive format version 1, one table at a time. Each table starts
// with its row count, so that every later column is checked against it.

extension EntityTable {
    func archive(into w: inout ArchiveWriter) {
        w.append([Int64(count)])
        w.append(strings: ids)
        w.append(optionalStrings: names)
        w.append(currency)
        w.append(optionalStrings: country)
    }

    static func unarchive(from r: inout ArchiveReader) throws -> EntityTable {
        let n = try r.rowCount("entities")
        var t = EntityTable()
        t.ids = try r.strings(count: n, "entity ids")
        t.names = try r.optionalStrings(count: n, "entity names")
        t.currency = try r.array(count: n, "entity currencies")
        t.country = try r.optionalStrings(count: n, "entity countries")
        return t
    }
}

extension CustomerTable {
    func archive(into w: inout ArchiveWriter) {
        w.append([Int64(count)])
        w.append(ids)
        for column in [names, group, segment, region, country, salesRep] { w.append(column) }
        w.append(paymentTermsDays)
        w.append(creditLimit)
        w.append(insuredLimit)
        w.append(extras)
    }

    static func unarchive(from r: inout ArchiveReader) throws -> CustomerTable {
        let n = try r.rowCount("customers")
        var t = CustomerTable()
        t.ids = try r.stringColumn(count: n, "customer ids")
        t.names = try r.dictionaryColumn(count: n, "customer names")
        t.group = try r.dictionaryColumn(count: n, "customer groups")
        t.segment = try r.dictionaryColumn(count: n, "customer segments")
        t.region = try r.dictionaryColumn(count: n, "customer regions")
        t.country = try r.dictionaryColumn(count: n, "customer countries")
        t.salesRep = try r.dictionaryColumn(count: n, "customer sales reps")
        t.paymentTermsDays = try r.optionalColumn(count: n, placeholder: 0, "payment terms")
        t.creditLimit = try r.dictionaryColumn(count: n, "credit limits")
        t.insuredLimit = try r.dictionaryColumn(count: n, "insured limits")
        t.extras = try r.extras(count: n, "customers")
        return t
    }
}

extension DocumentTable {
    func archive(into w: inout ArchiveWriter) {
        w.append([Int64(count), Int64(allocationDay.count)])
        w.append(ids)
        for column in [entity, customer, issue, due, currency] { w.append(column) }
        w.append(kind)
        w.append(amount)
        w.append(extras)
        w.append(allocationStart)
        w.append(allocationDay)
        w.append(allocationAmount)
        w.append(allocationPayment)
        w.append(writeOffStart)
        w.append(disputeStart)
    }

    static func unarchive(from r: inout ArchiveReader) throws -> DocumentTable {
        let counts = try r.array(Int64.self, count: 2, "document counts")
        guard let n = Int(exactly: counts[0]), let a = Int(exactly: counts[1]), n >= 0, a >= 0 else {
            throw r.corrupt("negative document counts")
        }
        var t = DocumentTable()
        t.ids = try r.stringColumn(count: n, "document ids")
        t.entity = try r.array(count: n, "document entities")
        t.customer = try r.array(count: n, "document customers")
        t.issue = try r.array(count: n, "issue dates")
        t.due = try r.array(count: n, "due dates")
        t.currency = try r.array(count: n, "document currencies")
        t.kind = try r.array(count: n, "document types")
        t.amount = try r.array(count: n, "document amounts")
        t.extras = try r.extras(count: n, "documents")
        t.allocationStart = try r.array(count: n + 1, "allocation starts")
        t.allocationDay = try r.array(count: a, "allocation dates")
        t.allocationAmount = try r.array(count: a, "allocation amounts")
        t.allocationPayment = try r.array(count: a, "allocation payments")
        t.writeOffStart = try r.array(count: n + 1, "write-off starts")
        t.disputeStart = try r.array(count: n + 1, "dispute starts")
        guard t.allocationStart.last == Int32(a) else { throw r.corrupt("allocation starts do not end at \(a)") }
        return t
    }
}

extension PaymentTable {
    func archive(into w: inout ArchiveWriter) {
        w.append([Int64(count)])
        w.append(ids)
        for column in [customer, document, entity, resolvedEntity, day, currency] { w.append(column) }
        w.append(amount)
    }

    static func unarchive(from r: inout ArchiveReader) throws -> PaymentTable {
        let n = try r.rowCount("payments")
        var t = PaymentTable()
        t.ids = try r.stringColumn(count: n, "payment ids")
        t.customer = try r.array(count: n, "payment customers")
        t.document = try r.array(count: n, "payment documents")
        t.entity = try r.array(count: n, "payment entities")
        t.resolvedEntity = try r.array(count: n, "payment resolved entities")
        t.day = try r.array(count: n, "payment dates")
        t.currency = try r.array(count: n, "payment currencies")
        t.amount = try r.array(count: n, "payment amounts")
        return t
    }
}

extension ArchiveReader {
    /// A table's row count, stored as a one-element section.
    mutating func rowCount(_ what: String) throws -> Int {
        let value = try array(Int64.self, count: 1, "\(what) row count")[0]
        guard let n = Int(exactly: value), n >= 0 else { throw corrupt("\(what) row count \(value) is negative") }
        return n
    }
}
