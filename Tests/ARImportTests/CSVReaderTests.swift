import Foundation
import Testing
@testable import ARImport

struct CSVReaderTests {
    /// Every row of `bytes` as (line, fields).
    func rows(_ bytes: [UInt8], separator: Character = ",", quote: Character = "\"",
              encoding: TextEncoding = .utf8) throws -> [(Int, [String])] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        let reader = try CSVReader(url: url, separator: separator.asciiValue!, quote: quote.asciiValue!, encoding: encoding)
        var row = RowBuffer()
        var result: [(Int, [String])] = []
        while reader.next(into: &row) != .end {
            result.append((row.line, (0..<row.fieldCount).map { String(decoding: row.bytes[row.range($0)], as: UTF8.self) }))
        }
        return result
    }

    func rows(_ text: String, separator: Character = ",", quote: Character = "\"") throws -> [(Int, [String])] {
        try rows(Array(text.utf8), separator: separator, quote: quote)
    }

    @Test func readsQuotedFieldsWithSeparatorsQuotesAndNewlines() throws {
        let result = try rows("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(result.map(\.0) == [1, 2, 4])
        #expect(result[1].1 == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(result[2].1 == ["last", "", ""])
    }

    @Test func countsPhysicalLinesAcrossCRLFBlankLinesAndEmbeddedCRLF() throws {
        let result = try rows("h1,h2\r\n1,\"a\r\nb\"\r\n\r\n2,c\r\n3,d")
        #expect(result.map(\.0) == [1, 2, 5, 6])
        #expect(result[1].1 == ["1", "a\r\nb"])
        #expect(result[3].1 == ["3", "d"])
    }

    @Test func skipsTheByteOrderMark() throws {
        let result = try rows([0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8))
        #expect(result[0].1 == ["id", "name"])
    }

    @Test func usesTheConfiguredSeparatorAndQuote() throws {
        let result = try rows("id;amount\n'a;b';'1.234,50'\n", separator: ";", quote: "'")
        #expect(result[1].1 == ["a;b", "1.234,50"])
    }

    @Test func convertsLatin1AndWindows1252ToUTF8() throws {
        // "Société" with é = 0xE9; "€5" with € = 0x80 in Windows-1252.
        let latin = try rows(Array("name\nSoci".utf8) + [0xE9] + Array("t".utf8) + [0xE9] + [0x0A], encoding: .latin1)
        #expect(latin[1].1 == ["Société"])
        let windows = try rows(Array("price\n".utf8) + [0x80] + Array("5\n".utf8), encoding: .windows1252)
        #expect(windows[1].1 == ["€5"])
    }

    @Test func refusesInvalidUTF8WithTheLineAndTheFix() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
        try Data(Array("name\nok\nSoci".utf8) + [0xE9, 0x0A]).write(to: url)
        #expect(throws: ImportError(file: url.lastPathComponent, message: "byte 0xE9 on line 3 is not UTF-8: declare the file's encoding (encoding: windows-1252 or latin-1) in a mapping file")) {
            _ = try CSVReader(url: url)
        }
    }

    @Test func reportsAnUnclosedQuote() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("q-\(UUID().uuidString).csv")
        try Data("a,b\n1,\"open\n2,3\n".utf8).write(to: url)
        let reader = try CSVReader(url: url)
        var row = RowBuffer()
        #expect(reader.next(into: &row) == .row)
        #expect(reader.next(into: &row) == .unterminatedQuote)
        #expect(row.line == 2)
        #expect(reader.rawRow == "1,\"open\n2,3\n")
    }
}
