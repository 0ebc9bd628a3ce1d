import CCairo
import Foundation

/// Encodes a Cairo ARGB32 image surface as PNG, several times faster than
/// `cairo_surface_write_to_png_stream`.
///
/// Cairo's writer goes through libpng, which tries all five row filters on every row and
/// compresses at zlib's default level; on an 800 × 500 chart that is nearly 90 % of the
/// render time. Charts are large flat areas, so the "Up" filter plus zlib's fastest level
/// gives files about 10–25 % larger in a fraction of the time (measured on the golden charts:
/// level 1 was both faster and smaller than the run-length strategy, level 6 twice as slow).
/// Opaque images (every chart fills its background) are written as 8-bit RGB, others as RGBA.
enum PNGEncoder {
    /// `scale` device pixels per logical pixel are recorded as 72 × scale dots per inch (pHYs),
    /// so a scale-2 chart opens at its logical size where viewers honour it (144 dpi is "@2x").
    static func encode(_ surface: OpaquePointer, scale: Double = 1) throws(ChartRenderError) -> [UInt8] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else {
            throw .cairo("no image data to encode")
        }
        let opaque = isOpaque(data, width: width, height: height, stride: stride)
        let raw = filteredRows(data, width: width, height: height, stride: stride, opaque: opaque)
        let compressed = try deflate(raw)

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // depth 8, RGB or RGBA, deflate, filter set 0, no interlace
        appendChunk("IHDR", header, to: &png)
        var density: [UInt8] = []
        let pixelsPerMetre = UInt32((72 * scale / 0.0254).rounded())
        density.appendBigEndian(pixelsPerMetre)
        density.appendBigEndian(pixelsPerMetre)
        density.append(1)  // unit: metre
        appendChunk("pHYs", density, to: &png)
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Encodes premultiplied `0xAARRGGBB` pixels (row-major) through a temporary surface.
    static func encode(pixels: [UInt32], width: Int, height: Int) throws(ChartRenderError) -> [UInt8] {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw .cairo("no image data") }
        for row in 0..<height {
            let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width { line[column] = pixels[row * width + column] }
        }
        cairo_surface_mark_dirty(surface)
        return try encode(surface)
    }

    private static func isOpaque(_ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int) -> Bool {
        for row in 0..<height {
            let pixels = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width where pixels[column] >> 24 != 0xFF { return false }
        }
        return true
    }

    /// Scanlines in PNG byte order, each prefixed by filter type 2 ("Up": minus the row above).
    /// One pass straight from the surface's pixels: the row above is read from the surface too.
    private static func filteredRows(_ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int,
                                     opaque: Bool) -> [UInt8] {
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        return [UInt8](unsafeUninitializedCapacity: height * (rowBytes + 1)) { out, count in
            var zeroRow = [UInt32](repeating: 0, count: width)
            zeroRow.withUnsafeMutableBufferPointer { zeros in
                var cursor = out.baseAddress!
                for row in 0..<height {
                    let pixels = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                    let above = row == 0 ? UnsafePointer(zeros.baseAddress!)
                        : UnsafeRawPointer(data + (row - 1) * stride).assumingMemoryBound(to: UInt32.self)
                    cursor.pointee = 2
                    cursor += 1
                    // Charts repeat rows (bars, blank margins): an unchanged row filters to zeros.
                    if row > 0 && memcmp(pixels, above, width * 4) == 0 {
                        cursor.update(repeating: 0, count: rowBytes)
                        cursor += rowBytes
                    } else if opaque {
                        for column in 0..<width {
                            let now = pixels[column], before = above[column]
                            cursor[0] = UInt8(truncatingIfNeeded: now >> 16) &- UInt8(truncatingIfNeeded: before >> 16)
                            cursor[1] = UInt8(truncatingIfNeeded: now >> 8) &- UInt8(truncatingIfNeeded: before >> 8)
                            cursor[2] = UInt8(truncatingIfNeeded: now) &- UInt8(truncatingIfNeeded: before)
                            cursor += 3
                        }
                    } else {
                        for column in 0..<width {
                            let now = straight(pixels[column]), before = row == 0 ? 0 : straight(above[column])
                            for shift in [24, 16, 8, 0] as [UInt32] {
                                cursor.pointee = UInt8(truncatingIfNeeded: now >> shift) &- UInt8(truncatingIfNeeded: before >> shift)
                                cursor += 1
                            }
                        }
                    }
                }
            }
            count = height * (rowBytes + 1)
        }
    }

    /// A premultiplied ARGB pixel as straight RGBA (PNG's order and alpha).
    @inline(__always)
    private static func straight(_ argb: UInt32) -> UInt32 {
        let a = argb >> 24
        var r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF
        if a != 0 && a != 0xFF {
            r = min(255, (r * 255 + a / 2) / a); g = min(255, (g * 255 + a / 2) / a); b = min(255, (b * 255 + a / 2) / a)
        }
        return r << 24 | g << 16 | b << 8 | a
    }

    /// zlib-wrapped deflate at level 1.
    private static func deflate(_ input: [UInt8]) throws(ChartRenderError) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(&stream, 1, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .cairo("zlib could not start (status \(status))") }
        defer { deflateEnd(&stream) }
        var result: Int32 = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: Int(deflateBound(&stream, uLong(input.count)))) { target, count in
            input.withUnsafeBufferPointer { source in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                result = CCairo.deflate(&stream, Z_FINISH)
            }
            count = result == Z_STREAM_END ? Int(stream.total_out) : 0
        }
        guard result == Z_STREAM_END else { throw .cairo("zlib could not compress the image (status \(result))") }
        return output
    }

    private static func appendChunk(_ type: String, _ body: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(body.count))
        let typeBytes = Array(type.utf8)
        var crc = crc32(0, typeBytes, uInt(typeBytes.count))
        crc = body.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        png += typeBytes
        png += body
        png.appendBigEndian(UInt32(crc))
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
