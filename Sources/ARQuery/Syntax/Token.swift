/// A lexical token of ARQL, with its span in the query text.
///
/// Keywords are not reserved: `where`, `by` or `items` are ``Kind/word`` tokens that the parser
/// recognises by position, so a metric or column may share a keyword's name and a misspelt
/// keyword can be reported with a suggestion.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// A name or keyword: letters, digits and `_`, not starting with a digit.
        case word
        /// An unsigned integer or decimal, as written (`10000`, `2.15`).
        case number
        /// A double-quoted string; ``Token/text`` holds its content without quotes or escapes.
        case string
        /// A `YYYY-MM-DD` date, already checked to be a real day.
        case date
        /// `$name`; ``Token/text`` holds the name without `$`.
        case parameter
        case comma, leftParen, rightParen, leftBracket, rightBracket, colon, semicolon, pipe, minus
        case equal, notEqual, less, lessEqual, greater, greaterEqual
        case endOfInput
    }

    var kind: Kind
    var text: String
    var span: SourceSpan

    /// Whether this is the word `keyword` (case-insensitive).
    func isWord(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }

    /// How the token is named in a diagnostic: `'wher'`, `end of input`.
    var quoted: String {
        switch kind {
        case .endOfInput: "end of input"
        case .string: "'\"\(text)\"'"
        case .parameter: "'$\(text)'"
        default: "'\(text)'"
        }
    }
}
