/// A position in a pack file: 1-based line and column (in characters).
public struct PackLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// An error in a pack definition: the file, where in it, what was expected and found, and a hint.
///
/// Rendered the way query errors are, with the file's line and a caret run under the culprit:
///
/// ```
/// error: expected a dimension, found 'entiy'
///  --> Reports/cfo-monthly.yaml:42:27
///    |
/// 42 |       - chart: "overdue by entiy"
///    |                            ^^^^^
///    = help: did you mean 'entity'?
/// ```
public struct PackDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pack file, as given.
    public var file: String
    public var location: PackLocation
    /// How many characters the caret run covers (at least one).
    public var length: Int
    /// One lower-case line, user text in single quotes.
    public var message: String
    public var help: String?
    /// The query error code (`Q2002`) when a query of the pack is at fault.
    public var code: String?

    public init(file: String, at location: PackLocation, length: Int = 1, _ message: String, help: String? = nil,
                code: String? = nil) {
        self.file = file
        self.location = location
        self.length = max(1, length)
        self.message = message
        self.help = help
        self.code = code
    }

    /// `file:line:column: message`, one line.
    public var description: String { "\(file):\(location): \(message)" }

    /// The diagnostic with the offending line of `source` (the file's text) and a caret run.
    public func rendered(source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let text = location.line >= 1 && location.line <= lines.count ? String(lines[location.line - 1]) : ""
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let room = max(1, text.count - (location.column - 1))
        var out = "error\(code.map { "[\($0)]" } ?? ""): \(message)\n"
        out += "\(gutter)--> \(file):\(location)\n"
        out += "\(gutter) |\n"
        out += "\(number) | \(text)\n"
        out += "\(gutter) | \(String(repeating: " ", count: max(0, location.column - 1)))\(String(repeating: "^", count: min(length, room)))\n"
        if let help { out += "\(gutter) = help: \(help)\n" }
        return out
    }
}

/// Every error found in a pack file, in file order; validation reports them all at once.
public struct PackDiagnostics: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [PackDiagnostic]

    public init(_ diagnostics: [PackDiagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// Each diagnostic rendered against the file's text.
    public func rendered(source: String) -> String { diagnostics.map { $0.rendered(source: source) }.joined(separator: "\n") }
}
