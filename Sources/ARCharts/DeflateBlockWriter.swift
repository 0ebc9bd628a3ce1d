/// Writes LZ77 tokens as one final deflate block with dynamic Huffman codes (RFC 1951 §3.2.7).
enum DeflateBlockWriter {
    /// The compressed block for `tokens`, with codes built from the frequencies they counted.
    static func write(_ tokens: ScanlineTokens) -> [UInt8] {
        let literals = HuffmanCode(frequencies: tokens.literalFrequencies, limit: 15)
        let distances = HuffmanCode(frequencies: tokens.distanceFrequencies, limit: 15)
        let literalCount = max(257, (literals.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let distanceCount = max(1, (distances.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let header = codeLengthRuns(Array(literals.lengths.prefix(literalCount)) + distances.lengths.prefix(distanceCount))
        var headerFrequencies = [UInt32](repeating: 0, count: 19)
        for run in header { headerFrequencies[Int(run.symbol)] += 1 }
        let headerCode = HuffmanCode(frequencies: headerFrequencies, limit: 7)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        let headerCodeCount = max(4, (order.lastIndex { headerCode.lengths[$0] > 0 } ?? 0) + 1)

        // The exact size is known from the frequencies, so the output is allocated once.
        var bits = 3 + 14 + 3 * headerCodeCount
        for run in header { bits += Int(headerCode.lengths[Int(run.symbol)]) + run.extraBits }
        for (symbol, count) in tokens.literalFrequencies.enumerated() where count > 0 {
            bits += Int(count) * (Int(literals.lengths[symbol]) + (symbol > 256 ? Int(lengthExtraBits[symbol - 257]) : 0))
        }
        for (code, count) in tokens.distanceFrequencies.enumerated() where count > 0 {
            bits += Int(count) * (Int(distances.lengths[code]) + Int(distanceExtraBits[code]))
        }
        return [UInt8](unsafeUninitializedCapacity: bits / 8 + 9) { buffer, count in
            var writer = BitWriter(buffer)
            writer.write(1, 1)  // final block
            writer.write(2, 2)  // dynamic Huffman codes
            writer.write(UInt64(literalCount - 257), 5)
            writer.write(UInt64(distanceCount - 1), 5)
            writer.write(UInt64(headerCodeCount - 4), 4)
            for symbol in order.prefix(headerCodeCount) { writer.write(UInt64(headerCode.lengths[symbol]), 3) }
            for run in header {
                writer.write(UInt64(headerCode.reversedCodes[Int(run.symbol)]), Int(headerCode.lengths[Int(run.symbol)]))
                if run.extraBits > 0 { writer.write(UInt64(run.extra), run.extraBits) }
            }
            writeTokens(tokens, literals: literals, distances: distances, to: &writer)
            count = writer.finish()
        }
    }

    private static func writeTokens(_ tokens: ScanlineTokens, literals: HuffmanCode, distances: HuffmanCode,
                                    to writer: inout BitWriter) {
        // One entry per literal (0–255) and per match length (256 + 3…258): the code and the
        // length's extra bits as one value in the low 24 bits, their bit count in the high 8.
        var entries = [UInt32](repeating: 0, count: 256 + 259)
        for literal in 0..<256 { entries[literal] = UInt32(literals.lengths[literal]) << 24 | literals.reversedCodes[literal] }
        for length in 3...258 {
            let symbol = Int(lengthSymbol[length])
            let codeBits = UInt32(literals.lengths[symbol])
            let extra = UInt32(length - Int(lengthBase[symbol - 257]))
            entries[256 + length] = (codeBits + UInt32(lengthExtraBits[symbol - 257])) << 24
                | extra << codeBits | literals.reversedCodes[symbol]
        }
        // Per distance code: its bits, its length and the distance minus one where it starts.
        let distanceBits = distances.reversedCodes.map(UInt64.init)
        let distanceWidths = (0..<30).map { UInt64(distances.lengths[$0] + distanceExtraBits[$0]) }
        let distanceShifts = distances.lengths.map(UInt64.init)
        let distanceBases = (0..<30).map { UInt64(distanceBase($0)) }
        let codes = distanceCodes
        entries.withUnsafeBufferPointer { entries in
            for index in 0..<tokens.count {
                let token = tokens.storage[index]
                if token < 256 {
                    let entry = entries[Int(token)]
                    writer.write(UInt64(entry & 0xFF_FFFF), Int(entry >> 24))
                    continue
                }
                let entry = entries[256 + Int(token & 0x1FF)]
                let distance = Int(token >> 9 & 0xFFFF)
                let code = Int(codes[distanceCodeIndex(distance)])
                let distanceValue = distanceBits[code] | (UInt64(distance - 1) - distanceBases[code]) << distanceShifts[code]
                let entryWidth = UInt64(entry >> 24)
                writer.write(UInt64(entry & 0xFF_FFFF) | distanceValue << entryWidth, Int(entryWidth + distanceWidths[code]))
            }
        }
        writer.write(UInt64(literals.reversedCodes[256]), Int(literals.lengths[256]))
    }

    /// One entry of the run-length coded code lengths: symbol 0–15 (a length), 16 (repeat the
    /// previous 3–6 times), 17 (3–10 zeros) or 18 (11–138 zeros), with its extra bits.
    struct LengthRun { var symbol: UInt8; var extra: UInt8; var extraBits: Int }

    static func codeLengthRuns(_ lengths: [UInt8]) -> [LengthRun] {
        var runs: [LengthRun] = []
        var index = 0
        while index < lengths.count {
            let length = lengths[index]
            var repeats = 1
            while index + repeats < lengths.count && lengths[index + repeats] == length { repeats += 1 }
            index += repeats
            if length == 0 {
                while repeats >= 11 { let n = min(repeats, 138); runs.append(LengthRun(symbol: 18, extra: UInt8(n - 11), extraBits: 7)); repeats -= n }
                if repeats >= 3 { runs.append(LengthRun(symbol: 17, extra: UInt8(repeats - 3), extraBits: 3)); repeats = 0 }
            } else {
                runs.append(LengthRun(symbol: length, extra: 0, extraBits: 0))
                repeats -= 1
                while repeats >= 3 { let n = min(repeats, 6); runs.append(LengthRun(symbol: 16, extra: UInt8(n - 3), extraBits: 2)); repeats -= n }
            }
            for _ in 0..<repeats { runs.append(LengthRun(symbol: length, extra: 0, extraBits: 0)) }
        }
        return runs
    }

    // MARK: - RFC 1951 tables

    /// The length symbol (257–285) of each match length 3–258.
    static let lengthSymbol: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 259)
        for symbol in 0..<29 {
            let end = symbol == 28 ? 259 : Int(lengthBase[symbol + 1])
            for length in Int(lengthBase[symbol])..<end { table[length] = UInt16(257 + symbol) }
        }
        table[258] = 285
        return table
    }()
    static let lengthBase: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                       35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtraBits: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                           3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceExtraBits: [UInt8] = (0..<30).map { $0 < 4 ? 0 : UInt8($0 / 2 - 1) }

    /// The first distance minus one of distance code `code`.
    static func distanceBase(_ code: Int) -> Int {
        code < 4 ? code : (2 + code % 2) << (code / 2 - 1)
    }

    /// The distance code (0–29) of a distance 1–32768.
    static func distanceCode(_ distance: Int) -> Int {
        var code = 0
        while code < 29 && distanceBase(code + 1) <= distance - 1 { code += 1 }
        return code
    }

    /// zlib's lookup: `distanceCodes[distanceCodeIndex(d)]` is the code of distance `d`
    /// (distances up to 256 one by one, longer ones by 128s, where codes change no faster).
    static let distanceCodes: [UInt8] = (0..<512).map { index in
        UInt8(distanceCode(index < 256 ? index + 1 : ((index - 256) << 7) + 1))
    }

    @inline(__always)
    static func distanceCodeIndex(_ distance: Int) -> Int {
        distance <= 256 ? distance - 1 : 256 + ((distance - 1) >> 7)
    }
}
