/// Deflate's bit stream: values packed least significant bit first into bytes of a buffer.
///
/// Branch-free: each write stores all 8 pending bytes and moves on by the whole bytes among them,
/// so up to 57 bits (a match's length code and distance code with their extra bits) go in one write.
struct BitWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var used = 0
    private var pending: UInt64 = 0
    private var pendingCount: UInt64 = 0

    /// Writes into `buffer`, which must hold the whole stream plus 8 bytes.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Appends the low `count` bits (at most 57) of `value`; higher bits of `value` must be zero.
    @inline(__always)
    mutating func write(_ value: UInt64, _ count: Int) {
        // The caller sized the buffer from the exact bit count: overrunning it is a bug.
        precondition(used + 8 <= buffer.count, "deflate buffer too small")
        pending |= value &<< pendingCount
        pendingCount &+= UInt64(count)
        UnsafeMutableRawPointer(buffer.baseAddress! + used).storeBytes(of: pending.littleEndian, as: UInt64.self)
        let whole = pendingCount &>> 3
        used &+= Int(whole)
        pending = whole == 8 ? 0 : pending &>> (whole &* 8)
        pendingCount &= 7
    }

    /// Writes out the last bits (the last byte padded with zeros); returns the bytes written.
    mutating func finish() -> Int {
        if pendingCount > 0 {
            buffer[used] = UInt8(truncatingIfNeeded: pending)
            used += 1
        }
        return used
    }
}
