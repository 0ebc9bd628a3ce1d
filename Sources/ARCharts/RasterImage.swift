import CCairo

/// A decoded PNG as premultiplied ARGB pixels, for comparing rendered charts with golden images.
public struct RasterImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major pixels, `0xAARRGGBB` (premultiplied alpha, as Cairo stores them).
    public let pixels: [UInt32]

    /// Decodes PNG bytes through Cairo.
    public init(png: [UInt8]) throws {
        let source = ByteSource(png)
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(ByteSource.read, source.context)!
        }
        defer { cairo_surface_destroy(surface) }
        try checkCairo(cairo_surface_status(surface), "decoding the PNG")
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else {
            pixels = []
            return
        }
        var pixels = [UInt32](repeating: 0, count: width * height)
        for row in 0..<height {
            let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width { pixels[row * width + column] = line[column] }
        }
        self.pixels = pixels
    }

    /// The share of pixels (0...1) whose channels differ from `other`'s by more than `tolerance`
    /// (in 0...255); 1 when the sizes differ.
    public func differingFraction(from other: RasterImage, tolerance: Int) -> Double {
        guard width == other.width, height == other.height, !pixels.isEmpty else { return 1 }
        var differing = 0
        for index in pixels.indices {
            let a = pixels[index], b = other.pixels[index]
            if a == b { continue }
            for shift in stride(from: 0, through: 24, by: 8) {
                let ca = Int((a >> UInt32(shift)) & 0xFF), cb = Int((b >> UInt32(shift)) & 0xFF)
                if abs(ca - cb) > tolerance { differing += 1; break }
            }
        }
        return Double(differing) / Double(pixels.count)
    }

    /// The pixel at (`x`, `y`) as `0xAARRGGBB`.
    public func pixel(x: Int, y: Int) -> UInt32 { pixels[y * width + x] }
}

/// Feeds bytes to Cairo's PNG reader callback.
final class ByteSource {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
        let count = Int(length)
        guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        source.bytes.withUnsafeBufferPointer { buffer in
            data.update(from: buffer.baseAddress! + source.offset, count: count)
        }
        source.offset += count
        return CAIRO_STATUS_SUCCESS
    }
}
