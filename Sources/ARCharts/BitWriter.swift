/// Deflate's bit stream: values packed least significant bit first into bytes.
struct BitWriter {
    private var bytes: [UInt8]
    private var used = 0
    private var pending: UInt64 = 0
    private var pendingCount: UInt64 = 0

    /// `capacity`: the stream's size in bytes (rounded up), plus 8.
    init(capacity: Int) {
        bytes = [UInt8](repeating: 0, count: capacity + 8)
    }

    /// Appends the low `count` bits (at most 32) of `value`; higher bits of `value` must be zero.
    @inline(__always)
    mutating func write(_ value: UInt32, _ count: Int) {
        pending |= UInt64(value) &<< pendingCount
        pendingCount &+= UInt64(count)
        if pendingCount >= 32 {
            let word = UInt32(truncatingIfNeeded: pending).littleEndian
            let offset = used
            if offset + 4 > bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count + 8) }  // never with a right capacity
            bytes.withUnsafeMutableBytes { $0.storeBytes(of: word, toByteOffset: offset, as: UInt32.self) }
            used &+= 4
            pending &>>= 32
            pendingCount &-= 32
        }
    }

    /// The bytes written, the last one padded with zero bits.
    mutating func finish() -> [UInt8] {
        while pendingCount > 0 {
            if used == bytes.count { bytes.append(0) }
            bytes[used] = UInt8(truncatingIfNeeded: pending)
            used += 1
            pending >>= 8
            pendingCount = pendingCount > 8 ? pendingCount - 8 : 0
        }
        bytes.removeLast(bytes.count - used)
        return bytes
    }
}
