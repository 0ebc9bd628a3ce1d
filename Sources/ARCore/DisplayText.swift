/// Text from a ledger or a file made safe to print: control characters escaped, long values cut.
///
/// Imported names reach terminals, and a name holding `ESC [2J` would clear the screen when printed
/// raw. Tables and messages pass user text through ``escaped(_:)``; CSV and JSON output keeps the
/// data exact and does not.
public enum DisplayText {
    /// `text` with every control character written as an escape: `\t`, `\n`, `\r`, `\x1B` for
    /// the other C0 codes and DEL, `\u{9B}` for C1 codes and the bidirectional overrides
    /// (U+202A–U+202E, U+2066–U+2069) that reorder what a terminal shows.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
            }
        }
        return out
    }

    /// Whether `scalar` would be interpreted by a terminal rather than shown.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `text` escaped and cut to at most `limit` characters, with how long it was when cut:
    /// a 1 MB value in an error message becomes its first characters and `… (1,048,576 characters)`.
    public static func excerpt(_ text: String, limit: Int = 60) -> String {
        let safe = escaped(text)
        guard safe.count > limit else { return safe }
        return String(safe.prefix(limit)) + "… (" + MinorUnits.formatGrouped(text.count, digits: 0) + " characters)"
    }
}
