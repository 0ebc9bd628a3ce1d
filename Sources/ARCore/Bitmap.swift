/// A fixed-length bitmap stored as contiguous 64-bit words; bit `i` set means row `i` is present.
public struct Bitmap: Hashable, Sendable {
    @usableFromInline var words: [UInt64]
    public private(set) var count: Int

    /// A bitmap of `count` bits, all set to `value`.
    public init(count: Int, value: Bool) {
        self.count = count
        words = Array(repeating: value ? ~0 : 0, count: (count + 63) / 64)
        if value, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    /// Raw words, for persistence.
    public init(words: [UInt64], count: Int) {
        precondition(words.count == (count + 63) / 64, "bitmap word count mismatch")
        self.words = words
        self.count = count
    }

    public var storage: [UInt64] { words }

    @inlinable
    public subscript(i: Int) -> Bool {
        get { words[i &>> 6] & (1 &<< UInt64(i & 63)) != 0 }
        set {
            if newValue { words[i &>> 6] |= 1 &<< UInt64(i & 63) } else { words[i &>> 6] &= ~(1 &<< UInt64(i & 63)) }
        }
    }

    /// Appends one bit.
    public mutating func append(_ value: Bool) {
        if count % 64 == 0 { words.append(0) }
        count += 1
        self[count - 1] = value
    }

    /// Number of set bits.
    public var nonzeroBitCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
