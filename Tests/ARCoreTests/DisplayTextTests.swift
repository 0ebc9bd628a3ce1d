import Testing
@testable import ARCore

struct DisplayTextTests {
    /// Issue 16, item 9: a region named with terminal escapes is shown, not obeyed.
    @Test func escapesControlCharacters() {
        #expect(DisplayText.escaped("EVIL\u{1B}[2J\u{1B}]0;pwned\u{07}") == "EVIL\\x1B[2J\\x1B]0;pwned\\x07")
        #expect(DisplayText.escaped("a\tb\nc\rd\u{7F}") == "a\\tb\\nc\\rd\\x7F")
        #expect(DisplayText.escaped("\u{9B}31m") == "\\u{9B}31m")
        #expect(DisplayText.escaped("abc\u{202E}fed") == "abc\\u{202E}fed")
        // Ordinary text, accents and emoji pass as they are.
        #expect(DisplayText.escaped("Société Générale 🙂") == "Société Générale 🙂")
    }

    /// Issue 16, item 13: a 1 MB value is cut, saying how long it was.
    @Test func excerptsCutLongValues() {
        let long = String(repeating: "x", count: 1 << 20)
        let cut = DisplayText.excerpt(long)
        #expect(cut == String(repeating: "x", count: 60) + "… (1,048,576 characters)")
        #expect(DisplayText.excerpt("short") == "short")
        #expect(DisplayText.excerpt("\u{1B}[2J") == "\\x1B[2J")
    }
}

struct UTF8ValidationTests {
    private func firstBad(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte($0) }
    }

    @Test func acceptsWellFormedText() {
        #expect(firstBad(Array("plain, é, €, 🙂".utf8)) == nil)
        #expect(firstBad([]) == nil)
    }

    @Test func findsTheFirstIllFormedSequence() {
        #expect(firstBad([0x61, 0xFF]) == 1)              // never valid
        #expect(firstBad([0xC0, 0xAF]) == 0)              // overlong '/'
        #expect(firstBad([0xE0, 0x80, 0xAF]) == 0)        // overlong, three bytes
        #expect(firstBad([0xED, 0xA0, 0x80]) == 0)        // a UTF-16 surrogate
        #expect(firstBad([0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
        #expect(firstBad([0x41, 0xE2, 0x82]) == 1)        // cut short
        #expect(firstBad(Array("ok\n".utf8) + [0xE9]) == 3)
    }

    @Test func givesTheLineAndColumnOfTheBadByte() throws {
        let found = try #require(UTF8Validation.firstInvalidByte(in: Array("ar\nby entity\nwhere x = 'caf".utf8) + [0xE9, 0x27]))
        #expect(found.line == 3 && found.column == 15 && found.byte == 0xE9)
    }
}
