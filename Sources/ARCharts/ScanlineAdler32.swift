/// Adler-32 (RFC 1950, the zlib stream's checksum) of PNG scanlines, fed a row at a time.
///
/// For a row of n bytes x₀…xₙ₋₁, a grows by Σxᵢ and b by n·a + Σ(n − i)·xᵢ. Both sums follow
/// from three per-row sums over whole pixels (`RowSums`), which vectorise, and a row equal to the
/// one above reuses the sums of that row.
struct ScanlineAdler32 {
    private var a: UInt64 = 1
    private var b: UInt64 = 0

    /// Adds a scanline: its filter byte (0), then `channels` bytes for each pixel of `sums`.
    mutating func add(_ sums: RowSums, channels: Int, width: Int) {
        let n = UInt64(1 + channels * width)
        // Byte c of pixel j sits at 1 + channels·j + c in the line, weight n − that.
        let weighted = (n - 1) * sums.bytes - UInt64(channels) * sums.columnWeighted - sums.channelWeighted
        b = (b + n * a + weighted % 65521) % 65521
        a = (a + sums.bytes) % 65521
    }

    var value: UInt32 { UInt32(b << 16 | a) }
}

/// Sums over one row's pixel bytes, as `ScanlineAdler32` needs them.
struct RowSums {
    /// Σ of all bytes.
    var bytes: UInt64 = 0
    /// Σ over pixels of column × (sum of the pixel's bytes).
    var columnWeighted: UInt64 = 0
    /// Σ over pixels of Σ channel index × byte.
    var channelWeighted: UInt64 = 0

    /// The sums of no pixels.
    init() {}

    /// The sums of an opaque row written as RGB: 8 pixels per step, additions only.
    init(opaqueRow line: UnsafePointer<UInt32>, width: Int) {
        var start = 0
        while start < width {
            // Chunks of 1024 pixels keep the 32-bit lanes from overflowing.
            let steps = min(width - start, 1024) / 8
            // Lane l holds pixels start + 8i + l. Σᵢ i·xᵢ over n steps is n·Σxᵢ − Σ of the running
            // sums, so the column weights need no multiplication in the loop.
            var sum = SIMD8<UInt32>(repeating: 0), runningSums = SIMD8<UInt32>(repeating: 0)
            var channels = SIMD8<UInt32>(repeating: 0)
            for step in 0..<steps {
                let pixels = UnsafeRawPointer(line + start + 8 * step).loadUnaligned(as: SIMD8<UInt32>.self)
                let g = (pixels &>> 8) & 0xFF, b = pixels & 0xFF
                sum &+= ((pixels &>> 16) & 0xFF) &+ g &+ b
                runningSums &+= sum
                channels &+= g &+ (b &<< 1)
            }
            let lanes = SIMD8<UInt32>(0, 1, 2, 3, 4, 5, 6, 7)
            let stepWeighted = UInt64((UInt32(steps) &* sum &- runningSums).wrappedSum())  // Σ over lanes of Σ step·x
            let chunkSum = UInt64(sum.wrappedSum())
            bytes += chunkSum
            columnWeighted += UInt64(start) * chunkSum + 8 * stepWeighted + UInt64((lanes &* sum).wrappedSum())
            channelWeighted += UInt64(channels.wrappedSum())
            for tail in start + 8 * steps..<min(width, start + 1024) { add(line[tail] & 0xFF_FFFF, at: tail, channels: 3) }
            start = min(width, start + 1024)
        }
    }

    /// The sums of a row written as straight-alpha RGBA (`straight` converts each pixel).
    init(translucentRow line: UnsafePointer<UInt32>, width: Int, straight: (UInt32) -> UInt32) {
        for column in 0..<width { add(straight(line[column]), at: column, channels: 4) }
    }

    /// Adds one pixel, its bytes packed first-byte-highest.
    private mutating func add(_ packed: UInt32, at column: Int, channels: Int) {
        var pixelSum: UInt64 = 0
        for channel in 0..<channels {
            let byte = UInt64((packed >> UInt32(8 * (channels - 1 - channel))) & 0xFF)
            pixelSum += byte
            channelWeighted += UInt64(channel) * byte
        }
        bytes += pixelSum
        columnWeighted += UInt64(column) * pixelSum
    }
}
