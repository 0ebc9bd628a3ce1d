import Hummingbird

/// The parameters of a request's URL, decoded strictly: `+` is a space, `%XX` a byte, and every
/// value must be valid UTF-8 without NUL (Hummingbird's own decoding replaces bad bytes silently).
struct URLParameters: Sendable {
    private(set) var values: [(name: String, value: String)] = []

    init(_ request: Request) throws {
        guard let query = request.uri.query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0], what: "a parameter name")
            let value = try Self.decode(parts.count > 1 ? parts[1] : "", what: "parameter '\(name)'")
            values.append((name, value))
        }
    }

    /// The last value given for `name`.
    subscript(name: String) -> String? { values.last { $0.name == name }?.value }

    var names: [String] { values.map(\.name) }

    /// Percent- and plus-decodes `text` and checks it is text.
    static func decode(_ text: Substring, what: String) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = utf8.next().flatMap(hexValue), let low = utf8.next().flatMap(hexValue) else {
                    throw APIError(.badRequest, .invalidText, "\(what) has a '%' not followed by two hex digits",
                                   help: "percent-encode the value (encodeURIComponent in JavaScript)")
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return try TextCheck.text(bytes, what: what)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Checks that bytes are usable text: valid UTF-8 and no NUL.
enum TextCheck {
    static func text(_ bytes: [UInt8], what: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw APIError(.badRequest, .invalidText, "\(what) is not valid UTF-8",
                           help: "send text encoded as UTF-8")
        }
        try checkNoNUL(text, what: what)
        return text
    }

    static func checkNoNUL(_ text: String, what: String) throws {
        if let nul = text.utf8.firstIndex(of: 0) {
            throw APIError(.badRequest, .invalidText,
                           "\(what) holds a NUL character at byte \(text.utf8.distance(from: text.utf8.startIndex, to: nul))",
                           help: "remove the NUL (\\u0000) from the text")
        }
    }
}
