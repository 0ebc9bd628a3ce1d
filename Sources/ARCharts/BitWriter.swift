/// Deflate's bit stream: values packed least significant bit first into bytes of a buffer.
struct BitWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var used = 0
    private var pending: UInt64 = 0
    private var pendingCount: UInt64 = 0

    /// Writes into `buffer`, which must hold the whole stream plus 8 bytes.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Appends the low `count` bits (at most 32) of `value`; higher bits of `value` must be zero.
    @inline(__always)
    mutating func write(_ value: UInt32, _ count: Int) {
        pending |= UInt64(value) &<< pendingCount
        pendingCount &+= UInt64(count)
        if pendingCount >= 32 {
            // The caller sized the buffer from the exact bit count: overrunning it is a bug.
            precondition(used + 4 <= buffer.count, "deflate buffer too small")
            UnsafeMutableRawPointer(buffer.baseAddress! + used).storeBytes(of: UInt32(truncatingIfNeeded: pending).littleEndian,
                                                                        as: UInt32.self)
            used &+= 4
            pending &>>= 32
            pendingCount &-= 32
        }
    }

    /// Writes out the last bits (the last byte padded with zeros); returns the bytes written.
    mutating func finish() -> Int {
        while pendingCount > 0 {
            precondition(used < buffer.count, "deflate buffer too small")
            buffer[used] = UInt8(truncatingIfNeeded: pending)
            used += 1
            pending >>= 8
            pendingCount = pendingCount > 8 ? pendingCount - 8 : 0
        }
        return used
    }
}
