/// One row's fields, unquoted, back to back in one reusable byte buffer.
///
/// Readers fill it; the mapping step may append virtual fields (constants, mapped values) after
/// the real ones. Nothing here allocates per field once the buffer has grown to the widest row.
struct RowBuffer {
    var bytes: [UInt8] = []
    /// Field `i` is `start(i) ..< ends[i]` of ``bytes``.
    var ends: [Int] = []
    /// Physical line of the row's first byte (1 = header); the rowid for SQLite.
    var line = 0
    /// Fields the source row itself had, before any virtual field was appended.
    var sourceFieldCount = 0

    var fieldCount: Int { ends.count }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    mutating func endField() { ends.append(bytes.count) }

    mutating func appendField(_ value: some Sequence<UInt8>) {
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }

    @inline(__always)
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1]) ..< ends[i] }

    /// Field `i` with surrounding spaces and tabs trimmed.
    @inline(__always)
    func trimmed(_ i: Int) -> ArraySlice<UInt8> { bytes[trimmedRange(i)] }

    @inline(__always)
    func trimmedRange(_ i: Int) -> Range<Int> {
        var lower = i == 0 ? 0 : ends[i - 1], upper = ends[i]
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while lower < upper, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return lower ..< upper
    }

    func string(_ i: Int) -> String {
        String(decoding: trimmed(i), as: UTF8.self)
    }
}
