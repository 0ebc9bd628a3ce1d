import Foundation

/// JSON for the server's own documents: Codable values, and quoted strings for hand-joined bodies.
enum JSONWriter {
    /// `value` as compact JSON with sorted keys and snake-case names given by its `CodingKeys`.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding the server's own plain values cannot fail; an empty object would hide a bug, so trap.
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }
}
