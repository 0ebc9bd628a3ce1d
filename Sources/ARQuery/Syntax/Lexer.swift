import ARCore

/// Splits ARQL text into tokens. Comments (`--` to the end of the line) and white space are dropped.
///
/// The lexer works on UTF-8 bytes, so spans are byte offsets; any non-ASCII byte outside a string
/// or comment is an unexpected character.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// All tokens of the text, ending with ``Token/Kind/endOfInput``.
    static func tokenize(_ source: String) throws(QueryDiagnostic) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    mutating func next() throws(QueryDiagnostic) -> Token {
        skipSpaceAndComments()
        let start = position
        guard position < bytes.count else { return make(.endOfInput, from: start) }
        let byte = bytes[position]
        if Lexer.isWordStart(byte) { return word(from: start) }
        if Lexer.isDigit(byte) { return try number(from: start) }
        switch byte {
        case UInt8(ascii: "\""): return try string(from: start)
        case UInt8(ascii: "$"): return try parameter(from: start)
        default: return try symbol(from: start)
        }
    }

    // MARK: - Token kinds

    private mutating func word(from start: Int) -> Token {
        while position < bytes.count, Lexer.isWordStart(bytes[position]) || Lexer.isDigit(bytes[position]) {
            position += 1
        }
        return make(.word, from: start)
    }

    /// A number, or a date when the digits run on as `dddd-dd-dd`.
    private mutating func number(from start: Int) throws(QueryDiagnostic) -> Token {
        while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-"),
           position + 1 < bytes.count, Lexer.isDigit(bytes[position + 1]) {
            return try date(from: start)
        }
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), Lexer.isDigit(bytes[position + 1]) {
            position += 1
            while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, Lexer.isWordStart(bytes[position]) {
            // `90days`: say where the number ends rather than reading a strange word.
            while position < bytes.count, Lexer.isWordStart(bytes[position]) || Lexer.isDigit(bytes[position]) {
                position += 1
            }
            let token = make(.number, from: start)
            throw QueryDiagnostic(.invalidNumber, "expected a number, found \(token.quoted)", at: token.span,
                                  help: "put a space between a number and its unit, as in '90 days'")
        }
        return make(.number, from: start)
    }

    private mutating func date(from start: Int) throws(QueryDiagnostic) -> Token {
        while position < bytes.count, Lexer.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "-") {
            position += 1
        }
        let token = make(.date, from: start)
        guard Day(iso: token.text) != nil else {
            let shape = token.text.utf8.count == 10 ? "not a day of the calendar" : "not written YYYY-MM-DD"
            throw QueryDiagnostic(.invalidDate, "expected a date, found \(token.quoted), \(shape)", at: token.span,
                                  help: "write dates as YYYY-MM-DD, e.g. '2026-09-30'")
        }
        return token
    }

    private mutating func string(from start: Int) throws(QueryDiagnostic) -> Token {
        position += 1
        var content: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return Token(kind: .string, text: String(decoding: content, as: UTF8.self),
                             span: SourceSpan(start: start, end: position))
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                position += 1
            }
            content.append(bytes[position])
            position += 1
        }
        throw QueryDiagnostic(.unterminatedString, "expected a closing '\"', found end of line",
                              at: SourceSpan(start: start, end: position), help: "close the string with '\"'")
    }

    private mutating func parameter(from start: Int) throws(QueryDiagnostic) -> Token {
        position += 1
        let nameStart = position
        while position < bytes.count, Lexer.isWordStart(bytes[position]) || Lexer.isDigit(bytes[position]) {
            position += 1
        }
        guard position > nameStart else {
            throw QueryDiagnostic(.unexpectedCharacter, "expected a parameter name after '$', found nothing",
                                  at: SourceSpan(start: start, end: position), help: "write a parameter as '$name'")
        }
        return Token(kind: .parameter, text: String(decoding: bytes[nameStart..<position], as: UTF8.self),
                     span: SourceSpan(start: start, end: position))
    }

    private mutating func symbol(from start: Int) throws(QueryDiagnostic) -> Token {
        let byte = bytes[position]
        let nextByte = position + 1 < bytes.count ? bytes[position + 1] : 0
        position += 1
        let kind: Token.Kind
        switch byte {
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: "("): kind = .leftParen
        case UInt8(ascii: ")"): kind = .rightParen
        case UInt8(ascii: "["): kind = .leftBracket
        case UInt8(ascii: "]"): kind = .rightBracket
        case UInt8(ascii: ":"): kind = .colon
        case UInt8(ascii: ";"): kind = .semicolon
        case UInt8(ascii: "|"): kind = .pipe
        case UInt8(ascii: "-"): kind = .minus
        case UInt8(ascii: "="): kind = .equal
        case UInt8(ascii: "!") where nextByte == UInt8(ascii: "="): position += 1; kind = .notEqual
        case UInt8(ascii: "<") where nextByte == UInt8(ascii: ">"): position += 1; kind = .notEqual
        case UInt8(ascii: "<") where nextByte == UInt8(ascii: "="): position += 1; kind = .lessEqual
        case UInt8(ascii: "<"): kind = .less
        case UInt8(ascii: ">") where nextByte == UInt8(ascii: "="): position += 1; kind = .greaterEqual
        case UInt8(ascii: ">"): kind = .greater
        default: throw unexpectedCharacter(at: start)
        }
        return make(kind, from: start)
    }

    private mutating func unexpectedCharacter(at start: Int) -> QueryDiagnostic {
        // Cover the whole (possibly multi-byte) character.
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let help = text == "'" ? "strings take double quotes, as in \"EMEA\"" : nil
        return QueryDiagnostic(.unexpectedCharacter, "expected a name, number, string or operator, found '\(text)'",
                               at: SourceSpan(start: start, end: end), help: help)
    }

    // MARK: - Helpers

    private mutating func skipSpaceAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                position += 1
            } else if byte == UInt8(ascii: "-"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "-") {
                while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            } else {
                return
            }
        }
    }

    private func make(_ kind: Token.Kind, from start: Int) -> Token {
        Token(kind: kind, text: String(decoding: bytes[start..<position], as: UTF8.self),
              span: SourceSpan(start: start, end: position))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_")
    }
}
