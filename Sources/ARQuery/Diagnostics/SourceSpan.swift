/// A range of a query's text, as UTF-8 byte offsets `start..<end`.
///
/// Line and column are computed only when a diagnostic is rendered (``lineAndColumn(in:)``),
/// so spans stay cheap to carry through every stage.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The span from the start of `self` to the end of `other`.
    public func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }

    /// The 1-based line and column (in `Character`s) of ``start`` in `source`.
    public func lineAndColumn(in source: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var offset = 0
        for character in source {
            if offset >= start { break }
            offset += character.utf8.count
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
