import CCairo
import Testing
@testable import ARCharts

/// The PNG encoder's own deflate: zlib must inflate its IDAT (checking the Adler-32) to exactly
/// the unfiltered scanlines, on images that exercise each kind of token.
struct PNGDeflateTests {
    /// A test image: premultiplied ARGB pixels, row-major.
    struct Image {
        var name: String
        var width: Int
        var height: Int
        var pixels: [UInt32]
    }

    static let images: [Image] = {
        var state: UInt32 = 2026
        func next() -> UInt32 { state = state &* 1_664_525 &+ 1_013_904_223; return state }
        // Noise: literals only, 225,000 of them, more than the token buffer starts with.
        var noise = Image(name: "noise", width: 301, height: 250, pixels: [])
        noise.pixels = (0..<301 * 250).map { _ in 0xFF00_0000 | next() >> 8 }
        // 700 × 5 of one colour: runs of 2100 bytes (split at 258) and whole rows repeating.
        let flat = Image(name: "flat", width: 700, height: 5, pixels: Array(repeating: 0xFFF5_F6F8, count: 3500))
        // Runs of 86, 87 and 88 pixels (258, 261, 264 bytes: the split leaves 0, 3 and 6) and
        // rows that repeat the one above only in part.
        var runs = Image(name: "runs", width: 261, height: 4, pixels: [])
        for row in 0..<4 {
            for column in 0..<261 {
                let band: UInt32 = column < 86 ? 0xFF11_2233 : column < 173 ? 0xFF44_5566 : 0xFF77_8899
                runs.pixels.append(row == 2 && column % 50 == 7 ? 0xFF00_0000 | UInt32(column) : band)
            }
        }
        // Scanlines longer than deflate's 32 KiB window: no matches with the row above.
        let wide = Image(name: "wide", width: 11_000, height: 3,
                         pixels: (0..<33_000).map { $0 % 997 == 0 ? 0xFF10_2030 : 0xFFFF_FFFF })
        var translucent = Image(name: "translucent", width: 9, height: 3, pixels: [])
        translucent.pixels = (0..<27).map { index in [0x8000_0040, 0x0000_0000, 0xFFFF_0000, 0x4020_1000][index / 4 % 4] }
        let single = Image(name: "single", width: 1, height: 1, pixels: [0xFF00_72B2])
        // "Glyphs": three 2–6 pixel patterns stamped over a background, as text repeats its letters,
        // some within a row, some rows apart (matches at other distances than left and above).
        var glyphs = Image(name: "glyphs", width: 300, height: 40, pixels: Array(repeating: 0xFFFF_FFFF, count: 12_000))
        let patterns: [[UInt32]] = [[0xFF10_1010, 0xFF80_8080, 0xFF20_2020], [0xFF00_72B2, 0xFF33_99CC, 0xFF00_72B2, 0xFF11_1111, 0xFFAB_CDEF, 0xFF00_0001],
                                    [0xFF55_5555, 0xFF56_5656]]
        for stamp in 0..<400 {
            let pattern = patterns[Int(next() % 3)]
            let row = Int(next() % 40), column = Int(next() % UInt32(300 - pattern.count))
            for (offset, pixel) in pattern.enumerated() { glyphs.pixels[row * 300 + column + offset] = pixel }
            if stamp % 7 == 0 { glyphs.pixels[row * 300 + column] = 0xFF00_0000 | next() >> 8 }
        }
        return [noise, flat, runs, wide, translucent, single, glyphs]
    }()

    /// Filter byte 0, then RGB (or straight RGBA when any pixel is translucent), as PNG wants them.
    static func scanlines(_ image: Image) -> [UInt8] {
        let opaque = image.pixels.allSatisfy { $0 >> 24 == 0xFF }
        var bytes: [UInt8] = []
        for row in 0..<image.height {
            bytes.append(0)
            for pixel in image.pixels[row * image.width..<(row + 1) * image.width] {
                let a = pixel >> 24
                var channels = [(pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF]
                if !opaque {
                    if a != 0 && a != 255 { channels = channels.map { min(255, ($0 * 255 + a / 2) / a) } }
                    channels.append(a)
                }
                bytes += channels.map { UInt8($0) }
            }
        }
        return bytes
    }

    /// The concatenated IDAT chunk bodies of a PNG file.
    static func imageData(_ png: [UInt8]) -> [UInt8] {
        var offset = 8, data: [UInt8] = []
        while offset + 8 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if Array(png[offset + 4..<offset + 8]) == Array("IDAT".utf8) { data += png[offset + 8..<offset + 8 + length] }
            offset += 12 + length
        }
        return data
    }

    @Test(arguments: images.map(\.name))
    func idatInflatesToTheScanlines(name: String) throws {
        let image = Self.images.first { $0.name == name }!
        let png = try PNGEncoder.encode(pixels: image.pixels, width: image.width, height: image.height)
        let expected = Self.scanlines(image)
        let compressed = Self.imageData(png)
        var inflated = [UInt8](repeating: 0, count: expected.count + 16)
        var length = uLong(inflated.count)
        // zlib checks the stream and its Adler-32 trailer.
        let status = uncompress(&inflated, &length, compressed, uLong(compressed.count))
        #expect(status == Z_OK, "\(name): zlib status \(status)")
        #expect(Array(inflated.prefix(Int(length))) == expected, "\(name): inflated scanlines differ")
        #expect(try RasterImage(png: png).width == image.width)
    }

    @Test func flatImagesCompressToAFewBytes() throws {
        let flat = Self.images.first { $0.name == "flat" }!
        let png = try PNGEncoder.encode(pixels: flat.pixels, width: flat.width, height: flat.height)
        // 10,505 bytes of scanlines: a literal pixel, then 45 match tokens; 82 bytes with the
        // code tables and zlib's 6 (zlib itself gives 91 at level 1, 48 at level 9).
        #expect(Self.imageData(png).count <= 82)
    }

    @Test func huffmanLengthsAreOptimalAndWithinTheLimit() {
        // Weights 1, 1, 2, 4: the textbook tree of depths 3, 3, 2, 1.
        #expect(HuffmanCode(frequencies: [1, 1, 2, 4], limit: 15).lengths == [3, 3, 2, 1])
        // Canonical codes (RFC 1951 §3.2.2): 0 → 110, 1 → 111, 2 → 10, 3 → 0, stored bit-reversed.
        #expect(HuffmanCode(frequencies: [1, 1, 2, 4], limit: 15).reversedCodes == [0b011, 0b111, 0b01, 0b0])
        // Fibonacci weights would need 29 bits; the limit holds and the code stays complete.
        var fibonacci: [UInt32] = [1, 1]
        while fibonacci.count < 30 { fibonacci.append(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2]) }
        let limited = HuffmanCode(frequencies: fibonacci, limit: 15).lengths
        #expect(limited.max()! <= 15)
        #expect(limited.reduce(0.0) { $0 + 1 / Double(1 << Int($1)) } == 1)
        // One used symbol still gets a two-code tree.
        #expect(HuffmanCode(frequencies: [0, 0, 5], limit: 7).lengths == [1, 0, 1])
    }

    @Test func repeatedGlyphsMatchEarlierPlaces() {
        var glyphs = Self.images.first { $0.name == "glyphs" }!
        let distances = glyphs.pixels.withUnsafeMutableBytes { bytes in
            let tokens = ScanlineTokens(pixels: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                        width: glyphs.width, height: glyphs.height, stride: glyphs.width * 4, opaque: true)
            return Set((0..<tokens.count).map { tokens.storage[$0] }.filter { $0 >= 256 }.map { $0 >> 9 & 0xFFFF })
        }
        // Besides the pixel to the left (3) and the row above (901), stamps repeat earlier ones.
        #expect(distances.isSuperset(of: [3, 901]))
        #expect(distances.count > 10)
    }

    @Test func distanceCodeTableAgreesWithTheRFC() {
        // RFC 1951 §3.2.5: code 4 is distances 5–6, code 16 is 257–384, code 29 is 24577–32768.
        #expect(DeflateBlockWriter.distanceCode(5) == 4 && DeflateBlockWriter.distanceCode(7) == 5)
        #expect(DeflateBlockWriter.distanceCode(384) == 16 && DeflateBlockWriter.distanceCode(385) == 17)
        #expect(DeflateBlockWriter.distanceCode(24577) == 29 && DeflateBlockWriter.distanceCode(32768) == 29)
        let mismatches = (1...32768).filter { distance in
            Int(DeflateBlockWriter.distanceCodes[DeflateBlockWriter.distanceCodeIndex(distance)])
                != DeflateBlockWriter.distanceCode(distance)
        }
        #expect(mismatches.isEmpty)
    }

    @Test func codeLengthsAreRunLengthCoded() {
        let lengths: [UInt8] = Array(repeating: 0, count: 140) + [5, 5, 5, 5, 5, 0, 0, 0, 7]
        let runs = DeflateBlockWriter.codeLengthRuns(lengths).map { [Int($0.symbol), Int($0.extra)] }
        // 138 zeros (18), 2 zeros as they are, a 5 and four repeats (16), 3 zeros (17), a 7.
        #expect(runs == [[18, 127], [0, 0], [0, 0], [5, 0], [16, 1], [17, 0], [7, 0]])
    }
}
