import Foundation

/// A byte-level RFC 4180 reader over a whole file held in memory.
///
/// Handles quoted fields with embedded separators, doubled quotes and newlines, a UTF-8 byte
/// order mark, and LF, CRLF or CR line ends. Line numbers are physical: a row whose quoted field
/// spans three lines advances the count by three. Blank lines are skipped.
final class CSVReader {
    enum Outcome { case row, end, unterminatedQuote }

    let name: String
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let separator: UInt8
    private let quote: UInt8
    private var position = 0
    private var line = 1
    /// The last row's bytes in the file, for the reject's raw text.
    private var rowStart = 0
    private var rowEnd = 0

    var bytesDone: Int { position }
    var bytesTotal: Int { buffer.count }

    /// Reads `url` and converts it to UTF-8.
    /// - Throws: ``ImportError`` when the file cannot be read or is not valid in `encoding`.
    convenience init(url: URL, separator: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""),
                     encoding: TextEncoding = .utf8) throws(ImportError) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ImportError(file: url.path, message: "cannot read the file: check that it exists and is readable")
        }
        try self.init(data: data, name: url.lastPathComponent, separator: separator, quote: quote, encoding: encoding)
    }

    /// Reads a file's bytes already in memory (`name` is used in rejects and errors).
    init(data: Data, name: String, separator: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""),
         encoding: TextEncoding = .utf8) throws(ImportError) {
        self.name = name
        if encoding == .utf8 {
            buffer = .allocate(capacity: data.count)
            _ = data.copyBytes(to: buffer)
            if let bad = TextEncoding.firstInvalidUTF8(UnsafeBufferPointer(buffer)) {
                let badLine = 1 + buffer[..<bad].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                let byte = buffer[bad]
                buffer.deallocate()
                throw ImportError(file: name, message: "byte 0x\(String(byte, radix: 16, uppercase: true)) on line \(badLine) is not UTF-8: "
                    + "declare the file's encoding (encoding: windows-1252 or latin-1) in a mapping file")
            }
        } else {
            let utf8 = data.withUnsafeBytes { encoding.transcode($0.bindMemory(to: UInt8.self)) }
            buffer = .allocate(capacity: utf8.count)
            _ = buffer.initialize(from: utf8)
        }
        self.separator = separator
        self.quote = quote
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    deinit { buffer.deallocate() }

    /// The last row exactly as it stood in the file, without its line end.
    var rawRow: String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[rowStart..<rowEnd]), as: UTF8.self)
    }

    /// Reads the next row into `row`, unquoting its fields.
    func next(into row: inout RowBuffer) -> Outcome {
        let n = buffer.count
        while position < n, buffer[position] == 0x0A || buffer[position] == 0x0D { consumeLineEnd() }
        guard position < n else { return .end }
        row.reset()
        row.line = line
        rowStart = position
        while true {
            if buffer[position] == quote {
                guard readQuotedField(into: &row) else {
                    row.endField()
                    row.sourceFieldCount = row.fieldCount
                    rowEnd = n
                    return .unterminatedQuote
                }
            } else {
                let start = position
                while position < n {
                    let b = buffer[position]
                    if b == separator || b == 0x0A || b == 0x0D { break }
                    position += 1
                }
                row.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<position]))
            }
            row.endField()
            if position < n, buffer[position] == separator {
                position += 1
                if position == n { row.endField() }   // trailing separator at end of file: one more empty field
                if position < n { continue }
            }
            break
        }
        rowEnd = position
        if position < n { consumeLineEnd() }
        row.sourceFieldCount = row.fieldCount
        return .row
    }

    /// Reads a quoted field starting at the opening quote; text after the closing quote up to the
    /// next separator is kept as is. Returns false when the file ends inside the quotes.
    private func readQuotedField(into row: inout RowBuffer) -> Bool {
        let n = buffer.count
        position += 1
        var chunk = position
        while position < n {
            let b = buffer[position]
            if b == quote {
                row.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[chunk..<position]))
                if position + 1 < n, buffer[position + 1] == quote {
                    row.bytes.append(quote)
                    position += 2
                    chunk = position
                    continue
                }
                position += 1
                let rest = position
                while position < n, buffer[position] != separator, buffer[position] != 0x0A, buffer[position] != 0x0D { position += 1 }
                row.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[rest..<position]))
                return true
            }
            if b == 0x0A || (b == 0x0D && (position + 1 == n || buffer[position + 1] != 0x0A)) { line += 1 }
            position += 1
        }
        row.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[chunk..<n]))
        return false
    }

    private func consumeLineEnd() {
        if buffer[position] == 0x0D, position + 1 < buffer.count, buffer[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
    }
}
