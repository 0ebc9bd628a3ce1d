/// Where the cursor stands in a statement, as far as completion cares: inside a string, after
/// a comparison, or in which clause.
struct CompletionContext {
    /// What kind of name fits at the cursor.
    enum Clause: Equatable {
        /// The metric list at the start of a statement (and inside `having`).
        case metrics
        /// After `by` or `where`.
        case dimensions
        /// After `order by`: result columns, so either.
        case metricsAndDimensions
    }

    /// UTF-8 offset of the quote of a string still open at the cursor.
    var openQuoteOffset: Int?
    /// UTF-8 offset where the word under the cursor starts.
    var wordStart: Int
    /// Whether the word follows `=`, `!=`, `<>` or sits in an `in (…)` list.
    var afterComparison = false
    /// The dimension on the left of that comparison.
    var comparedDimension: String?
    var clause = Clause.metrics

    init(_ bytes: [UInt8]) {
        let tokens = Self.tokens(bytes)
        openQuoteOffset = tokens.openQuote
        wordStart = bytes.count
        while wordStart > 0, Self.isWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
        let words = tokens.words.filter { $0.offset < (openQuoteOffset ?? wordStart) }
        clause = Self.clause(words.map(\.text))
        (afterComparison, comparedDimension) = Self.comparison(words.map(\.text), inQuote: openQuoteOffset != nil)
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// The words and operators before the cursor (strings and comments left out), and the
    /// offset of a quote still open.
    private static func tokens(_ bytes: [UInt8]) -> (words: [(text: String, offset: Int)], openQuote: Int?) {
        var words: [(text: String, offset: Int)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                guard let close = bytes[(index + 1)...].firstIndex(of: byte) else { return (words, index) }
                words.append(("'…'", index))
                index = close + 1
            } else if byte == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == byte {
                index = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            } else if isWordByte(byte) {
                var end = index
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                words.append((String(decoding: bytes[index..<end], as: UTF8.self).lowercased(), index))
                index = end
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                index += 1
            } else {
                var end = index + 1
                let operatorBytes: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")]
                while end < bytes.count, operatorBytes.contains(bytes[end]), operatorBytes.contains(byte) { end += 1 }
                words.append((String(decoding: bytes[index..<end], as: UTF8.self), index))
                index = end
            }
        }
        return (words, nil)
    }

    /// The clause the last clause keyword opens.
    private static func clause(_ words: [String]) -> Clause {
        for (position, word) in words.enumerated().reversed() {
            switch word {
            case "by": return position > 0 && words[position - 1] == "order" ? .metricsAndDimensions : .dimensions
            case "where", "and", "or", "not": return .dimensions
            case "having": return .metrics
            case "order": return .metricsAndDimensions
            default: continue
            }
        }
        return .metrics
    }

    /// Whether the word after `words` is the right side of a comparison, and with what.
    private static func comparison(_ words: [String], inQuote: Bool) -> (Bool, String?) {
        var position = words.count - 1
        // Inside `in ('a', 'b', …`: step back over the values and commas to `in (`.
        while position >= 0, words[position] == "'…'" || words[position] == "," { position -= 1 }
        if position >= 1, words[position] == "(", words[position - 1] == "in" {
            return (true, position >= 2 ? words[position - 2] : nil)
        }
        position = words.count - 1
        guard position >= 0, ["=", "!=", "<>"].contains(words[position]) else { return (inQuote, nil) }
        return (true, position >= 1 ? words[position - 1] : nil)
    }
}
