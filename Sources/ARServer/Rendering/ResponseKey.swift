import Foundation
import ARStore
import Crypto

/// What makes two responses the same: the data version, the principal's perimeter, the kind of
/// response, the normalised query text, its parameters and the render options. Its digest is the
/// response's ETag and its cache key.
struct ResponseKey: Sendable {
    var versionKey: String
    var perimeter: Perimeter
    /// `query.json`, `chart.png`, `values.entity`, …
    var kind: String
    var text: String
    var parameters: [String: String]
    var options: [String] = []

    /// A strong ETag: `"` + 32 hex digits of SHA-256 + `"`.
    var etag: String {
        var parts = [versionKey, perimeter.description, kind, ARQLNormalizer.normalize(text)]
        parts += parameters.keys.sorted().map { "$\($0)=\(parameters[$0]!)" }
        parts += options
        // Unit separators keep the parts apart: no part's text can imitate a boundary.
        let digest = SHA256.hash(data: Array(parts.joined(separator: "\u{1F}").utf8))
        return "\"" + digest.prefix(16).hexString + "\""
    }

    /// Whether an `If-None-Match` header value names this ETag (a list, `*`, or weak forms).
    static func matches(_ header: String?, etag: String) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { item in
            let tag = item.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}
