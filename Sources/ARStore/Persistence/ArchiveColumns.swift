import ARCore

// How each composite column type becomes sections, and back, with the structural checks that
// keep a decoded column from trapping later (offsets in range, codes in the dictionary).

extension ArchiveWriter {
    mutating func append(_ column: StringColumn) {
        append(column.bytes)
        append(column.offsets)
    }

    mutating func append(strings: [String]) { append(StringColumn(strings)) }

    /// Optional strings: the values (empty when missing) and a validity bitmap.
    mutating func append(optionalStrings: [String?]) {
        append(StringColumn(optionalStrings.map { $0 ?? "" }))
        var present = Bitmap(count: 0, value: false)
        for s in optionalStrings { present.append(s != nil) }
        append(present.storage)
    }

    mutating func append(_ column: DictionaryColumn) {
        append(column.codes)
        append(strings: column.values)
    }

    mutating func append<T: BitwiseCopyable & Equatable>(_ column: OptionalColumn<T>) {
        append(column.values)
        append(column.present.storage)
    }

    mutating func append(_ extras: ExtraAttributes) {
        append(strings: extras.names)
        for column in extras.columns { append(column) }
    }
}

extension ArchiveReader {
    mutating func stringColumn(count: Int? = nil, _ what: String) throws -> StringColumn {
        let bytes = try array(UInt8.self, what + " (text)")
        let offsets = try array(Int64.self, count: count.map { $0 + 1 }, what + " (offsets)")
        guard offsets.first == 0, offsets.last == Int64(bytes.count) else { throw corrupt("\(what): text offsets out of range") }
        for i in 1..<offsets.count where offsets[i] < offsets[i - 1] { throw corrupt("\(what): text offsets not increasing") }
        return StringColumn(bytes: bytes, offsets: offsets)
    }

    mutating func strings(count: Int? = nil, _ what: String) throws -> [String] {
        try stringColumn(count: count, what).strings
    }

    mutating func optionalStrings(count: Int, _ what: String) throws -> [String?] {
        let values = try strings(count: count, what)
        let present = try bitmap(count: count, what)
        return values.indices.map { present[$0] ? values[$0] : nil }
    }

    mutating func dictionaryColumn(count: Int, _ what: String) throws -> DictionaryColumn {
        let codes = try array(Int32.self, count: count, what + " (codes)")
        let values = try strings(what + " (values)")
        let limit = Int32(values.count)
        for code in codes where code < DictionaryColumn.missing || code >= limit { throw corrupt("\(what): code \(code) out of range") }
        return DictionaryColumn(codes: codes, values: values)
    }

    mutating func optionalColumn<T: BitwiseCopyable & Equatable & Sendable>(count: Int, placeholder: T, _ what: String) throws -> OptionalColumn<T> {
        let values = try array(T.self, count: count, what)
        return OptionalColumn(values: values, present: try bitmap(count: count, what), placeholder: placeholder)
    }

    mutating func bitmap(count: Int, _ what: String) throws -> Bitmap {
        let words = try array(UInt64.self, count: (count + 63) / 64, what + " (validity)")
        return Bitmap(words: words, count: count)
    }

    mutating func extras(count: Int, _ what: String) throws -> ExtraAttributes {
        let names = try strings(what + " extra names")
        let columns = try names.map { name in try dictionaryColumn(count: count, "\(what) extra '\(name)'") }
        return ExtraAttributes(names: names, columns: columns)
    }
}
