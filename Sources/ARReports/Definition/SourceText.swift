import Yams

/// What ``SourceText`` needs of a scalar: its value, where it starts, whether it is a block (`|`, `>`).
struct ScalarText: Sendable {
    var string: String
    var start: PackLocation
    var isBlock: Bool

    init(_ scalar: Node.Scalar) {
        string = scalar.string
        start = scalar.mark.map { PackLocation(line: $0.line, column: $0.column) } ?? PackLocation(line: 1, column: 1)
        isBlock = scalar.style == .literal || scalar.style == .folded
    }
}

/// A pack file's text, to turn a position inside a scalar's value (a query error's offset) into
/// the line and column of the file where that character is written.
struct SourceText: Sendable {
    let lines: [[Character]]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    }

    /// The file position of the character at UTF-8 offset `offset` of `scalar`'s value.
    ///
    /// The value's characters are matched against the file from where the scalar starts, skipping
    /// what YAML drops (indentation, line breaks folded into spaces, quotes, the `|` line of a
    /// block scalar). When the two cannot be matched (escapes), the scalar's own position is used.
    func location(ofOffset offset: Int, in scalar: ScalarText) -> PackLocation {
        let fallback = scalar.start
        let target = characterIndex(ofUTF8Offset: offset, in: scalar.string)
        var line = scalar.start.line - 1, column = scalar.start.column - 1
        if scalar.isBlock { line += 1; column = 0 }
        var index = 0
        for character in scalar.string {
            while true {
                guard line < lines.count else { return fallback }
                if column >= lines[line].count {
                    if character == "\n" || character == " " { break }
                    line += 1; column = 0; continue
                }
                let found = lines[line][column]
                if found == character { break }
                guard found.isWhitespace || found == "\"" || found == "'" else { return fallback }
                column += 1
            }
            if index == target { return PackLocation(line: line + 1, column: column + 1) }
            if column >= lines[line].count { line += 1; column = 0 } else { column += 1 }
            index += 1
        }
        return index == target ? PackLocation(line: line + 1, column: column + 1) : fallback
    }

    private func characterIndex(ofUTF8Offset offset: Int, in text: String) -> Int {
        var bytes = 0, index = 0
        for character in text {
            if bytes >= offset { break }
            bytes += character.utf8.count
            index += 1
        }
        return index
    }
}
