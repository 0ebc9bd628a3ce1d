import ARQuery

/// Why a pack could not be rendered. Nothing is drawn or sent when one is thrown: a pack is
/// complete or it is not delivered. ``report`` is the text the pack's owner receives.
public struct PackRenderError: Error, Sendable, CustomStringConvertible {
    public var pack: String
    /// The pack file, when known.
    public var file: String?
    /// The page (1-based) and its title, when a block is at fault.
    public var page: (number: Int, title: String)?
    /// The failing query and where it is written in the file.
    public var query: String?
    public var location: PackLocation?
    /// One lower-case line.
    public var message: String
    public var help: String?
    /// The query error, when a query failed (its code says whether the query or the data is at fault).
    public var diagnostic: QueryDiagnostic?

    public init(pack: String, message: String, help: String? = nil) {
        self.pack = pack
        self.message = message
        self.help = help
    }

    public var description: String {
        var where_ = file.map { "\($0)" } ?? pack
        if let location { where_ += ":\(location)" }
        var text = "\(where_): \(message)"
        if let page { text = "page \(page.number) ('\(page.title)'): " + text }
        return text
    }

    /// A failure report for a person: which pack, which page and query, what went wrong, and the
    /// query error rendered with its caret.
    public var report: String {
        var lines = ["The pack '\(pack)' could not be rendered, so it was not sent.", ""]
        if let page { lines.append("Page \(page.number): \(page.title)") }
        if let file { lines.append("File: \(file)\(location.map { ":\($0)" } ?? "")") }
        if let query { lines.append("Query: \(query)") }
        lines.append("Error: \(message)")
        if let diagnostic, let query {
            lines += ["", diagnostic.rendered(source: query)]
        } else if let help {
            lines.append("help: \(help)")
        }
        return lines.joined(separator: "\n")
    }
}
