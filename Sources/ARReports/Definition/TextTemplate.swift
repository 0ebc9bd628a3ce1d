/// Text with figures computed inline: `Overdue rose to {{ overdue_rate | percent }} as of {{ $as_of }}.`
///
/// `{{ QUERY | FORMAT }}` is replaced by the first figure of the query's first row (`| FORMAT`
/// is optional); `{{ $name }}` by a parameter's value.
public struct TextTemplate: Sendable {
    public enum Part: Sendable {
        case text(String)
        case figure(InlineFigure)
        case parameter(String, PackLocation)
    }

    public var parts: [Part]

    public var figures: [InlineFigure] {
        parts.compactMap { if case let .figure(figure) = $0 { return figure } else { return nil } }
    }

    /// Parameters named as `{{ $name }}`, with where they are.
    public var parameters: [(name: String, location: PackLocation)] {
        parts.compactMap { if case let .parameter(name, location) = $0 { return (name, location) } else { return nil } }
    }

    /// Parses `text`; `query` makes a ``PackQuery`` of the part of `text` at a UTF-8 offset.
    static func parse(_ text: String, query: (String, Int) -> PackQuery) throws(TemplateError) -> TextTemplate {
        var parts: [Part] = []
        let bytes = Array(text.utf8)
        var position = 0, literalStart = 0
        func literal(upTo end: Int) {
            if end > literalStart { parts.append(.text(String(decoding: bytes[literalStart..<end], as: UTF8.self))) }
        }
        while position + 1 < bytes.count {
            guard bytes[position] == UInt8(ascii: "{"), bytes[position + 1] == UInt8(ascii: "{") else { position += 1; continue }
            guard let close = TextTemplate.find("}}", in: bytes, from: position + 2) else {
                throw TemplateError(message: "expected '}}' to close the '{{' here, found the end of the text", offset: position)
            }
            literal(upTo: position)
            parts.append(try TextTemplate.placeholder(bytes, from: position + 2, to: close, query: query))
            position = close + 2
            literalStart = position
        }
        literal(upTo: bytes.count)
        return TextTemplate(parts: parts)
    }

    private static func placeholder(_ bytes: [UInt8], from start: Int, to end: Int,
                                    query: (String, Int) -> PackQuery) throws(TemplateError) -> Part {
        var low = start, high = end
        while low < high, bytes[low] == UInt8(ascii: " ") || bytes[low] == UInt8(ascii: "\n") { low += 1 }
        while high > low, bytes[high - 1] == UInt8(ascii: " ") || bytes[high - 1] == UInt8(ascii: "\n") { high -= 1 }
        let content = String(decoding: bytes[low..<high], as: UTF8.self)
        guard !content.isEmpty else { throw TemplateError(message: "expected a query or a $parameter inside '{{ }}', found nothing", offset: start - 2) }
        if content.hasPrefix("$"), content.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            return .parameter(String(content.dropFirst()), query(content, low).location)
        }
        var format: FigureFormat?
        var queryEnd = high
        if let bar = bytes[low..<high].lastIndex(of: UInt8(ascii: "|")) {
            let word = String(decoding: bytes[(bar + 1)..<high], as: UTF8.self).trimmingSpaces
            if let known = FigureFormat(rawValue: word) {
                format = known
                queryEnd = bar
            } else if !word.contains(" ") {
                var wordStart = bar + 1
                while wordStart < high, bytes[wordStart] == UInt8(ascii: " ") { wordStart += 1 }
                throw TemplateError(message: "expected a figure format (\(FigureFormat.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))), found '\(word)'",
                                    offset: wordStart, length: word.count)
            }
        }
        while queryEnd > low, bytes[queryEnd - 1] == UInt8(ascii: " ") { queryEnd -= 1 }
        return .figure(InlineFigure(query: query(String(decoding: bytes[low..<queryEnd], as: UTF8.self), low), format: format))
    }

    private static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if Array(bytes[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }
}

/// A figure in a text: a query and how to write its value.
public struct InlineFigure: Sendable {
    public var query: PackQuery
    /// `nil`: as the result's column type prints (money with the currency code).
    public var format: FigureFormat?
}

/// How an inline figure is written.
public enum FigureFormat: String, Sendable, CaseIterable {
    /// `EUR 1,234,567.89`, exact.
    case money
    /// `EUR 1.23M`.
    case compact
    /// A ratio as a percentage: `25.4%`.
    case percent
    /// Days: `74.2 days`.
    case days
    /// A plain number with one decimal: `87.5`.
    case number
    /// A whole number: `1,234`.
    case count
}

/// A malformed `{{ }}` in a text, at a UTF-8 offset of the text.
struct TemplateError: Error {
    var message: String
    var offset: Int
    var length = 2
}
