import ARCore

// Archive section order, continued: the tables of events around documents.

extension DisputeTable {
    func archive(into w: inout ArchiveWriter) {
        w.append([Int64(count)])
        w.append(ids)
        w.append(document)
        w.append(opened)
        w.append(resolved)
        w.append(amount)
        w.append(reason)
    }

    static func unarchive(from r: inout ArchiveReader) throws -> DisputeTable {
        let n = try r.rowCount("disputes")
        var t = DisputeTable()
        t.ids = try r.stringColumn(count: n, "dispute ids")
        t.document = try r.array(count: n, "dispute documents")
        t.opened = try r.array(count: n, "dispute opened dates")
        t.resolved = try r.optionalColumn(count: n, placeholder: 0, "dispute resolved dates")
        t.amount = try r.optionalColumn(count: n, placeholder: 0, "dispute amounts")
        t.reason = try r.dictionaryColumn(count: n, "dispute reasons")
        return t
    }
}

extension PromiseTable {
    func archive(into w: inout ArchiveWriter) {
        w.append([Int64(count)])
        w.append(ids)
        for column in [customer, document, made, promised, currency] { w.append(column) }
        w.append(amount)
    }

    static func unarchive(from r: inout ArchiveReader) throws -> PromiseTable {
        let n = try r.rowCount("promises")
        var t = PromiseTable()
        t.ids = try r.stringColumn(count: n, "promise ids")
        t.customer = try r.array(count: n, "promise customers")
        t.document = try r.array(count: n, "promise documents")
        t.made = try r.array(count: n, "promise made dates")
        t.promised = try r.array(count: n, "promised dates")
        t.currency = try r.array(count: n, "promise currencies")
        t.amount = try r.array(count: n, "promise amounts")
        return t
    }
}

extension WriteOffTable {
    func archive(into w: inout ArchiveWriter) {
        w.append([Int64(count)])
        w.append(document)
        w.append(day)
        w.append(amount)
        w.append(reason)
    }

    static func unarchive(from r: inout ArchiveReader) throws -> WriteOffTable {
        let n = try r.rowCount("write-offs")
        var t = WriteOffTable()
        t.document = try r.array(count: n, "write-off documents")
        t.day = try r.array(count: n, "write-off dates")
        t.amount = try r.array(count: n, "write-off amounts")
        t.reason = try r.dictionaryColumn(count: n, "write-off reasons")
        return t
    }
}

extension FXRateTable {
    func archive(into w: inout ArchiveWriter) {
        w.append([Int64(count)])
        w.append(currency)
        w.append(day)
        w.append(mantissa)
        w.append(scale)
        w.append(start)
    }

    static func unarchive(from r: inout ArchiveReader) throws -> FXRateTable {
        let n = try r.rowCount("fx rates")
        var t = FXRateTable()
        t.currency = try r.array(count: n, "fx rate currencies")
        t.day = try r.array(count: n, "fx rate dates")
        t.mantissa = try r.array(count: n, "fx rate mantissas")
        t.scale = try r.array(count: n, "fx rate scales")
        t.start = try r.array(count: nil, "fx rate starts")
        guard t.scale.allSatisfy({ $0 <= 18 }) else { throw r.corrupt("fx rate scale above 18") }
        return t
    }
}

extension DunningTable {
    func archive(into w: inout ArchiveWriter) {
        w.append([Int64(count)])
        w.append(ids)
        for column in [customer, document, day] { w.append(column) }
        w.append(level)
        w.append(channel)
    }

    static func unarchive(from r: inout ArchiveReader) throws -> DunningTable {
        let n = try r.rowCount("dunning actions")
        var t = DunningTable()
        t.ids = try r.stringColumn(count: n, "dunning ids")
        t.customer = try r.array(count: n, "dunning customers")
        t.document = try r.array(count: n, "dunning documents")
        t.day = try r.array(count: n, "dunning dates")
        t.level = try r.optionalColumn(count: n, placeholder: 0, "dunning levels")
        t.channel = try r.dictionaryColumn(count: n, "dunning channels")
        return t
    }
}
