import Foundation

/// The LZ77 tokens of a PNG image's scanlines, every row with filter type 0 ("None"), found by
/// comparing whole pixels of a Cairo ARGB32 surface.
///
/// Charts are flat fills, horizontal rules and a little anti-aliased text and lines, so nearly
/// every byte is a repeat of the pixel to the left or of the pixel above (one scanline back):
/// those two are tried first, one 32-bit compare per pixel, and rows equal to the one above are
/// found with `memcmp` and cost one token per 258 bytes. Only a pixel that repeats neither looks
/// further back, in a table of recent such pixels (text repeats its glyphs), instead of zlib's
/// hash chains over every byte.
final class ScanlineTokens {
    /// Marks a match token: distance (1–32768) in bits 9–24, length (3–258) in the low 9 bits.
    static let match: UInt32 = 1 << 31

    /// Literal bytes (< 256) and match tokens, in stream order; `count` of them.
    let storage: UnsafeMutablePointer<UInt32>
    let count: Int
    /// How often each literal/length symbol (0–285) occurs, the end of block included.
    let literalFrequencies: [UInt32]
    /// How often each distance code (0–29) occurs.
    let distanceFrequencies: [UInt32]
    /// Adler-32 of the uncompressed scanlines: the zlib stream's trailer.
    let adler: UInt32

    deinit { storage.deallocate() }

    /// Tokens for `height` rows of `width` premultiplied ARGB pixels, `stride` bytes apart,
    /// as 8-bit RGB when `opaque`, else as straight-alpha RGBA.
    init(pixels data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int, opaque: Bool) {
        let channels = opaque ? 3 : 4
        let lineBytes = 1 + width * channels
        // Charts need far fewer tokens than bytes; the sink grows for images that do not.
        var sink = TokenSink(capacity: min(height * lineBytes, 1 << 16), rowDistance: lineBytes)
        defer { sink.release() }
        // Row and column (high and low half) of the last pixel that hashed to each slot.
        let recent = UnsafeMutablePointer<UInt64>.allocate(capacity: 1 << Self.slotBits)
        recent.initialize(repeating: .max, count: 1 << Self.slotBits)
        defer { recent.deallocate() }
        let rowsReachable = lineBytes <= 32768  // deflate's window
        var adler = ScanlineAdler32()
        var sums = RowSums()
        for row in 0..<height {
            let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            let above = UnsafeRawPointer(data + max(0, row - 1) * stride).assumingMemoryBound(to: UInt32.self)
            let useAbove = row > 0 && rowsReachable
            if useAbove && memcmp(line, above, width * 4) == 0 {
                sink.extendRowMatch(lineBytes)
                adler.add(sums, channels: channels, width: width)
                continue
            }
            sink.reserveRow(lineBytes)
            sums = opaque ? RowSums(opaqueRow: line, width: width)
                : RowSums(translucentRow: line, width: width, straight: Self.straight)
            adler.add(sums, channels: channels, width: width)
            var column = 0
            if useAbove && line[0] == above[0] {
                column = Self.sameRunEnd(line, above, from: 0, width: width)
                sink.extendRowMatch(1 + column * channels)  // the filter byte matches too
            } else {
                sink.literal(0)
            }
            while column < width {
                let value = line[column]
                if column > 0 && value == line[column - 1] {
                    let end = Self.repeatRunEnd(line, value, from: column, width: width)
                    // A short run may start a longer repeat of the row above (text, markers).
                    if useAbove && end - column < 8 && value == above[column] && end < width && line[end] == above[end] {
                        let aboveEnd = Self.sameRunEnd(line, above, from: column, width: width)
                        sink.extendRowMatch((aboveEnd - column) * channels)
                        column = aboveEnd
                    } else {
                        sink.match((end - column) * channels, distance: channels)
                        column = end
                    }
                } else if useAbove && value == above[column] {
                    let end = Self.sameRunEnd(line, above, from: column, width: width)
                    sink.extendRowMatch((end - column) * channels)
                    column = end
                } else if column + 1 < width, case let length = Self.earlierRepeat(
                    at: column, row: row, line: line, slots: recent, data: data, stride: stride, width: width, channels: channels),
                    length.pixels > 0 {
                    sink.match(length.pixels * channels, distance: length.distance)
                    column += length.pixels
                } else if opaque {
                    sink.literal((value >> 16) & 0xFF)
                    sink.literal((value >> 8) & 0xFF)
                    sink.literal(value & 0xFF)
                    column += 1
                } else {
                    let rgba = Self.straight(value)
                    for shift: UInt32 in [24, 16, 8, 0] { sink.literal((rgba >> shift) & 0xFF) }
                    column += 1
                }
            }
        }
        sink.reserveRow(0)
        sink.closeRowMatch()
        sink.literalFrequencies[256] = 1  // the end of block
        count = sink.count
        storage = sink.tokens
        literalFrequencies = Array(UnsafeBufferPointer(start: sink.literalFrequencies, count: 286))
        distanceFrequencies = Array(UnsafeBufferPointer(start: sink.distanceFrequencies, count: 30))
        self.adler = adler.value
    }

    /// The look-back table has 2^13 slots (64 KiB); with 2^12 the charts came out 0.2 % larger
    /// and no faster.
    static let slotBits = 13

    /// The pixels from `column` on that repeat an earlier place with the same two pixels,
    /// within deflate's 32 KiB window and without crossing a row end (0 pixels if none, or
    /// fewer than two); the place is remembered for later pixels.
    @inline(__always)
    private static func earlierRepeat(at column: Int, row: Int, line: UnsafePointer<UInt32>,
                                      slots: UnsafeMutablePointer<UInt64>, data: UnsafeMutablePointer<UInt8>,
                                      stride: Int, width: Int, channels: Int) -> (pixels: Int, distance: Int) {
        let slot = Int((((line[column] &* 0x9E37_79B1) &+ line[column + 1]) &* 0x85EB_CA77) >> UInt32(32 - slotBits))
        let previous = slots[slot]
        slots[slot] = UInt64(row) << 32 | UInt64(column)
        guard previous != .max else { return (0, 0) }
        let earlierRow = Int(previous >> 32), earlierColumn = Int(previous & 0xFFFF_FFFF)
        let distance = (row - earlierRow) * (1 + width * channels) + (column - earlierColumn) * channels
        guard distance <= 32768 else { return (0, 0) }
        let earlier = UnsafeRawPointer(data + earlierRow * stride).assumingMemoryBound(to: UInt32.self) + earlierColumn
        let limit = width - max(column, earlierColumn)
        var length = 0
        while length < limit && line[column + length] == earlier[length] { length += 1 }
        return length >= 2 ? (length, distance) : (0, 0)
    }

    /// The first column after `start` whose pixel differs from `other`'s.
    @inline(__always)
    private static func sameRunEnd(_ line: UnsafePointer<UInt32>, _ other: UnsafePointer<UInt32>,
                                   from start: Int, width: Int) -> Int {
        var end = start + 1
        // Eight pixels per step while all are equal (long runs are the common case), then one by one.
        while end + 8 <= width {
            let a = UnsafeRawPointer(line + end), b = UnsafeRawPointer(other + end)
            var differ = a.loadUnaligned(as: UInt64.self) ^ b.loadUnaligned(as: UInt64.self)
            differ |= a.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ b.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            differ |= a.loadUnaligned(fromByteOffset: 16, as: UInt64.self) ^ b.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
            differ |= a.loadUnaligned(fromByteOffset: 24, as: UInt64.self) ^ b.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            if differ != 0 { break }
            end += 8
        }
        while end < width && line[end] == other[end] { end += 1 }
        return end
    }

    /// The first column after `start` whose pixel is not `value`.
    @inline(__always)
    private static func repeatRunEnd(_ line: UnsafePointer<UInt32>, _ value: UInt32, from start: Int, width: Int) -> Int {
        let pair = UInt64(value) << 32 | UInt64(value)
        var end = start + 1
        while end + 8 <= width {
            let a = UnsafeRawPointer(line + end)
            var differ = a.loadUnaligned(as: UInt64.self) ^ pair
            differ |= a.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ pair
            differ |= a.loadUnaligned(fromByteOffset: 16, as: UInt64.self) ^ pair
            differ |= a.loadUnaligned(fromByteOffset: 24, as: UInt64.self) ^ pair
            if differ != 0 { break }
            end += 8
        }
        while end < width && line[end] == value { end += 1 }
        return end
    }

    /// A premultiplied ARGB pixel as straight-alpha RGBA, packed first-byte-highest.
    static func straight(_ argb: UInt32) -> UInt32 {
        let a = argb >> 24
        var r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF
        if a != 0 && a != 0xFF {
            r = min(255, (r * 255 + a / 2) / a); g = min(255, (g * 255 + a / 2) / a); b = min(255, (b * 255 + a / 2) / a)
        }
        return r << 24 | g << 16 | b << 8 | a
    }
}

/// Appends tokens and counts their symbols; a match with the row above stays open so that
/// consecutive pieces of it (a run ending one row and starting the next) become one match.
private struct TokenSink {
    /// Owned by the sink until `ScanlineTokens` takes it at the end.
    private(set) var tokens: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    var count = 0
    let literalFrequencies = UnsafeMutablePointer<UInt32>.allocate(capacity: 286)
    let distanceFrequencies = UnsafeMutablePointer<UInt32>.allocate(capacity: 30)
    let lengthSymbols = DeflateBlockWriter.lengthSymbol
    let distanceCodes = DeflateBlockWriter.distanceCodes
    let rowDistance: Int
    private var openRowMatch = 0

    init(capacity: Int, rowDistance: Int) {
        self.capacity = max(capacity, 16)
        tokens = .allocate(capacity: self.capacity)
        self.rowDistance = rowDistance
        literalFrequencies.initialize(repeating: 0, count: 286)
        distanceFrequencies.initialize(repeating: 0, count: 30)
    }

    func release() {
        literalFrequencies.deallocate()
        distanceFrequencies.deallocate()
    }

    @inline(__always)
    mutating func literal(_ byte: UInt32) {
        closeRowMatch()
        tokens[count] = byte
        count += 1
        literalFrequencies[Int(byte)] += 1
    }

    @inline(__always)
    mutating func extendRowMatch(_ bytes: Int) { openRowMatch += bytes }

    @inline(__always)
    mutating func match(_ bytes: Int, distance: Int) {
        closeRowMatch()
        matches(bytes, distance: distance)
    }

    @inline(__always)
    mutating func closeRowMatch() {
        guard openRowMatch > 0 else { return }
        matches(openRowMatch, distance: rowDistance)
        openRowMatch = 0
    }

    /// Makes room for the tokens of one scanline of `lineBytes` (at most one per byte) and
    /// of the open match with the rows above (one per 3 bytes at most), so that the loop over
    /// pixels needs no check.
    mutating func reserveRow(_ lineBytes: Int) {
        let needed = count + lineBytes + openRowMatch / 3 + 2
        guard needed > capacity else { return }
        let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: max(needed, capacity * 2))
        grown.moveInitialize(from: tokens, count: count)
        tokens.deallocate()
        tokens = grown
        capacity = max(needed, capacity * 2)
    }

    /// `total` (≥ 3) bytes as matches of at most 258, none shorter than 3.
    private mutating func matches(_ total: Int, distance: Int) {
        let code = Int(distanceCodes[DeflateBlockWriter.distanceCodeIndex(distance)])
        var left = total
        while left > 0 {
            var chunk = min(left, 258)
            if left - chunk > 0 && left - chunk < 3 { chunk = left - 3 }
            tokens[count] = ScanlineTokens.match | UInt32(distance) << 9 | UInt32(chunk)
            count += 1
            literalFrequencies[Int(lengthSymbols[chunk])] += 1
            distanceFrequencies[code] += 1
            left -= chunk
        }
    }
}
