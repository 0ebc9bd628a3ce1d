import CZlib

/// Writes a page image (Cairo RGB24 pixels) as an 8-bit RGB PNG with zlib at its fastest level
/// and the "Up" row filter, streaming row by row. Cairo's own writer goes through libpng's
/// adaptive filters and zlib's default level, which took most of a page's time (half of a whole
/// CFO pack's CPU in `perf`): pages are mostly flat colour, so the rows above predict them well
/// and level 1 compresses them nearly as small.
enum PagePNG {
    /// - Parameters:
    ///   - pixels: `height` rows of `stride` bytes, each pixel 4 bytes `B G R x` (Cairo RGB24, little-endian).
    ///   - scale: device pixels per point, recorded as 72 × scale dots per inch.
    static func encode(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, scale: Double) throws -> [UInt8] {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0], to: &png)
        let perMetre = UInt32((72 * scale / 0.0254).rounded())
        chunk("pHYs", bigEndian(perMetre) + bigEndian(perMetre) + [1], to: &png)
        chunk("IDAT", try compressedRows(pixels, width: width, height: height, stride: stride), to: &png)
        chunk("IEND", [], to: &png)
        return png
    }

    /// The filtered scanlines, deflated as they are made (no whole-image buffer).
    private static func compressedRows(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit_(&stream, Z_BEST_SPEED, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RasterError.cairo("zlib could not start")
        }
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(width * height / 4)
        var window = [UInt8](repeating: 0, count: 1 << 16)
        var line = [UInt8](repeating: 0, count: 1 + 3 * width)
        func pump(_ flush: Int32) throws -> Int32 {
            var status: Int32 = Z_OK
            repeat {
                status = window.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return deflate(&stream, flush)
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw RasterError.cairo("zlib failed to compress a page (\(status))")
                }
                output.append(contentsOf: window[0..<(window.count - Int(stream.avail_out))])
            } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
            return status
        }
        for y in 0..<height {
            filter(row: pixels + y * stride, above: y == 0 ? nil : pixels + (y - 1) * stride, width: width, into: &line)
            try line.withUnsafeMutableBufferPointer { buffer in
                stream.next_in = buffer.baseAddress
                stream.avail_in = uInt(buffer.count)
                while stream.avail_in > 0 { _ = try pump(Z_NO_FLUSH) }
            }
        }
        _ = try pump(Z_FINISH)
        return output
    }

    /// One scanline: filter type 2 ("Up", each byte minus the one above) or 0 for the first row.
    private static func filter(row: UnsafePointer<UInt8>, above: UnsafePointer<UInt8>?, width: Int, into line: inout [UInt8]) {
        line.withUnsafeMutableBufferPointer { buffer in
            let target = buffer.baseAddress!
            target[0] = above == nil ? 0 : 2
            for x in 0..<width {
                let source = 4 * x, destination = 1 + 3 * x
                if let above {
                    target[destination] = row[source + 2] &- above[source + 2]
                    target[destination + 1] = row[source + 1] &- above[source + 1]
                    target[destination + 2] = row[source] &- above[source]
                } else {
                    target[destination] = row[source + 2]
                    target[destination + 1] = row[source + 1]
                    target[destination + 2] = row[source]
                }
            }
        }
    }

    private static func chunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let body = Array(type.utf8) + data
        png += bigEndian(UInt32(data.count)) + body
        png += bigEndian(UInt32(crc32(0, body, uInt(body.count))))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
