extension QueryDiagnostic {
    /// The diagnostic as a person reads it, with the query line and a caret run under the token:
    ///
    /// ```
    /// error[Q2002]: expected a dimension, found 'custmer_group'
    ///  --> query:1:10
    ///   |
    /// 1 | aging by custmer_group
    ///   |          ^^^^^^^^^^^^^
    ///   = help: did you mean 'customer_group'?
    /// ```
    public func rendered(source: String, name: String = "query") -> String {
        let (line, column) = span.lineAndColumn(in: source)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let text = line <= lines.count ? String(lines[line - 1]) : ""
        let gutter = String(repeating: " ", count: String(line).count)
        let carets = String(repeating: "^", count: caretWidth(in: source, lineText: text, column: column))
        var out = "error[\(code.rawValue)]: \(message)\n"
        out += "\(gutter)--> \(name):\(line):\(column)\n"
        out += "\(gutter) |\n"
        out += "\(line) | \(text)\n"
        out += "\(gutter) | \(String(repeating: " ", count: column - 1))\(carets)\n"
        if let help { out += "\(gutter) = help: \(help)\n" }
        return out
    }

    /// The number of characters the span covers on its first line (at least one).
    private func caretWidth(in source: String, lineText: String, column: Int) -> Int {
        let utf8 = Array(source.utf8)
        let start = min(span.start, utf8.count)
        let end = min(span.end, utf8.count)
        let covered = String(decoding: utf8[start..<end], as: UTF8.self)
        let firstLine = covered.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        let room = max(1, lineText.count - (column - 1))
        return max(1, min(firstLine.count, room))
    }

    /// The diagnostic as a JSON object for the HTTP API:
    /// `{"code":"Q2001","message":"…","span":{"start":0,"end":3,"line":1,"column":1},"help":"…"}`.
    public func toJSON(source: String) -> String {
        let (line, column) = span.lineAndColumn(in: source)
        let help = self.help.map(JSONText.quoted) ?? "null"
        return "{\"code\":\"\(code.rawValue)\",\"message\":\(JSONText.quoted(message)),"
            + "\"span\":{\"start\":\(span.start),\"end\":\(span.end),\"line\":\(line),\"column\":\(column)},"
            + "\"help\":\(help)}"
    }
}

/// JSON string escaping shared by diagnostics and result sets.
enum JSONText {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
