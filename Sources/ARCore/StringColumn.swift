/// A column of strings kept as one contiguous UTF-8 buffer and an offset per row.
///
/// Ten million document numbers as Swift `String`s cost ten million allocations; here they are two
/// arrays, cheap to persist and to reload.
public struct StringColumn: Sendable, Equatable {
    public private(set) var bytes: [UInt8]
    /// `offsets[i] ..< offsets[i + 1]` are the bytes of row `i`; `offsets.count == count + 1`.
    public private(set) var offsets: [Int64]

    public init() {
        bytes = []
        offsets = [0]
    }

    public init(bytes: [UInt8], offsets: [Int64]) {
        precondition(!offsets.isEmpty, "offsets must start with 0")
        self.bytes = bytes
        self.offsets = offsets
    }

    public init(_ strings: some Sequence<String>) {
        self.init()
        for s in strings { append(s) }
    }

    public var count: Int { offsets.count - 1 }

    public mutating func append(_ string: String) {
        bytes.append(contentsOf: string.utf8)
        offsets.append(Int64(bytes.count))
    }

    public subscript(i: Int) -> String {
        let start = Int(offsets[i]), end = Int(offsets[i + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) }
    }

    /// All rows, in order.
    public var strings: [String] { (0..<count).map { self[$0] } }
}

/// A dictionary-encoded column of optional strings: an `Int32` code per row, `-1` for missing.
///
/// Dimensions (region, segment, sales rep, …) are grouped on their codes, never on strings.
public struct DictionaryColumn: Sendable, Equatable {
    /// Code of each row; `DictionaryColumn.missing` when the row has no value.
    public private(set) var codes: [Int32]
    /// Distinct values in order of first appearance; `codes` index into it.
    public private(set) var values: [String]
    private var lookup: [String: Int32]

    public static let missing: Int32 = -1

    public init() {
        codes = []
        values = []
        lookup = [:]
    }

    public init(codes: [Int32], values: [String]) {
        self.codes = codes
        self.values = values
        lookup = Dictionary(values.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
    }

    public var count: Int { codes.count }

    /// Appends a value (an empty or `nil` value is missing).
    public mutating func append(_ value: String?) {
        codes.append(code(for: value))
    }

    /// The code of `value`, adding it to the dictionary when new.
    public mutating func code(for value: String?) -> Int32 {
        guard let value, !value.isEmpty else { return DictionaryColumn.missing }
        if let code = lookup[value] { return code }
        let code = Int32(values.count)
        values.append(value)
        lookup[value] = code
        return code
    }

    /// The code of `value` if present in the dictionary.
    public func existingCode(for value: String) -> Int32? { lookup[value] }

    /// The value of row `i`, or `nil` when missing.
    public subscript(i: Int) -> String? {
        let code = codes[i]
        return code < 0 ? nil : values[Int(code)]
    }

    /// Replaces row `i`'s value (an empty or `nil` value is missing).
    public mutating func set(_ i: Int, to value: String?) {
        codes[i] = code(for: value)
    }

    /// Pads the column with missing values up to `count` rows.
    public mutating func pad(to count: Int) {
        if codes.count < count { codes.append(contentsOf: repeatElement(DictionaryColumn.missing, count: count - codes.count)) }
    }
}
