import CZlib

/// Writes a page image (Cairo RGB24 pixels) as an 8-bit RGB PNG with zlib at its fastest level
/// and the "Up" row filter. Cairo's own writer goes through libpng's adaptive filters and zlib's
/// default level, which took most of a page's time (half of a whole CFO pack's CPU in `perf`):
/// pages are mostly flat colour, so the rows above predict them well and level 1 compresses them
/// nearly as small.
enum PagePNG {
    /// - Parameters:
    ///   - pixels: `height` rows of `stride` bytes, each pixel 4 bytes `B G R x` (Cairo RGB24, little-endian).
    ///   - scale: device pixels per point, recorded as 72 × scale dots per inch.
    static func encode(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, scale: Double) throws -> [UInt8] {
        let rowBytes = 1 + 3 * width
        var filtered = [UInt8](repeating: 0, count: rowBytes * height)
        filtered.withUnsafeMutableBufferPointer { out in
            let output = out.baseAddress!
            for y in 0..<height {
                let row = pixels + y * stride, above = y == 0 ? row : row - stride
                let target = output + y * rowBytes
                target[0] = y == 0 ? 0 : 2
                for x in 0..<width {
                    let source = 4 * x, destination = 1 + 3 * x
                    if y == 0 {
                        target[destination] = row[source + 2]
                        target[destination + 1] = row[source + 1]
                        target[destination + 2] = row[source]
                    } else {
                        target[destination] = row[source + 2] &- above[source + 2]
                        target[destination + 1] = row[source + 1] &- above[source + 1]
                        target[destination + 2] = row[source] &- above[source]
                    }
                }
            }
        }
        var compressed = [UInt8](repeating: 0, count: Int(compressBound(uLong(filtered.count))))
        var length = uLongf(compressed.count)
        let status = compress2(&compressed, &length, filtered, uLong(filtered.count), Z_BEST_SPEED)
        guard status == Z_OK else { throw RasterError.cairo("zlib failed to compress a page (\(status))") }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0], to: &png)
        let perMetre = UInt32((72 * scale / 0.0254).rounded())
        chunk("pHYs", bigEndian(perMetre) + bigEndian(perMetre) + [1], to: &png)
        chunk("IDAT", Array(compressed[0..<Int(length)]), to: &png)
        chunk("IEND", [], to: &png)
        return png
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
