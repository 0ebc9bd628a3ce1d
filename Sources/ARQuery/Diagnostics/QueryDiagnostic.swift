import ARCore
/// An error in a query: where it is, what was expected and found, and a hint to fix it.
///
/// The message is one lower-case line with user text in single quotes, e.g.
/// `expected a dimension, found 'custmer_group'`; ``help`` holds the suggestion
/// (`did you mean 'customer_group'?`). Render it with ``rendered(source:)`` or ``toJSON(source:)``.
public struct QueryDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: DiagnosticCode
    public var message: String
    public var span: SourceSpan
    public var help: String?

    public init(_ code: DiagnosticCode, _ message: String, at span: SourceSpan, help: String? = nil) {
        self.code = code
        self.message = message
        self.span = span
        self.help = help
    }

    public var description: String { "error[\(code.rawValue)]: \(message)" }

    /// A diagnostic for a name not among `candidates`, with a `did you mean` help when one is near
    /// (else a help listing the candidates when there are few enough).
    static func unknownName(_ code: DiagnosticCode, what: String, found: String, at span: SourceSpan,
                            candidates: [String], quotePrefix: String = "") -> QueryDiagnostic {
        let help: String?
        if let near = EditDistance.closest(to: found, among: candidates) {
            help = "did you mean '\(quotePrefix)\(near)'?"
        } else if candidates.isEmpty {
            help = nil
        } else if candidates.count <= 30 {
            help = "expected one of " + candidates.map { "'\(quotePrefix)\($0)'" }.joined(separator: ", ") + (code == .unknownMetric ? " (see docs/metrics.md)" : "")
        } else {
            help = nil
        }
        return QueryDiagnostic(code, "expected \(what), found '\(quotePrefix)\(found)'", at: span, help: help)
    }

    /// A broken invariant (DataFusion's `Internal`): the query was fine, ARLens was not.
    static func internalError(_ what: String) -> QueryDiagnostic {
        QueryDiagnostic(.internalError, "internal error: \(what)", at: SourceSpan(start: 0, end: 0),
                        help: "this is a bug in arlens; please report it with the query")
    }
}
