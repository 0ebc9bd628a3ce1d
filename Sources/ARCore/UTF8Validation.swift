/// Strict UTF-8 checking with the position of the first bad byte, so that a file in another
/// encoding is refused with the line to look at instead of being read with replacement characters.
public enum UTF8Validation {
    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (no overlong
    /// forms, no surrogates, nothing above U+10FFFF), or `nil` when all of `bytes` is valid.
    public static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            // The allowed range of the second byte depends on the first (Unicode table 3-7).
            let length: Int, second: ClosedRange<UInt8>
            switch b {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            default: return i
            }
            guard i + length <= n, second.contains(bytes[i + 1]) else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The first invalid byte of `bytes` with its 1-based line and column (in bytes), or `nil`.
    public static func firstInvalidByte(in bytes: [UInt8]) -> (offset: Int, line: Int, column: Int, byte: UInt8)? {
        guard let offset = bytes.withUnsafeBufferPointer({ firstInvalidByte($0) }) else { return nil }
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return (offset, line, column, bytes[offset])
    }
}
