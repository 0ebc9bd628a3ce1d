import ARCore
import ARQuery
import Foundation

/// Alert rules (docs/risk.md, "Alerts"): each an ARQL metric statement whose rows are the alerts
/// (`over_limit by customer having over_limit > 0`), without a time clause: the rules are run as
/// of each snapshot's date.
public struct AlertRules: Sendable {
    public struct Rule: Sendable {
        public var name: String
        public var severity: String
        /// The ARQL statement, without `as of`.
        public var query: String
    }

    public var file: String
    public var rules: [Rule]

    /// Reads `path`; each rule's query is compiled by `compiler` at once, so a bad rule is an
    /// error naming its file, line and column.
    public static func load(path: String, compiler: QueryCompiler) throws -> AlertRules {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigError(file: path, line: 1, column: 1, "cannot read the alert rules: \(error.localizedDescription)",
                              help: "give the path of a YAML file such as 'scoring/alerts.yaml'")
        }
        return try parse(text, file: path, compiler: compiler)
    }

    public static func parse(_ text: String, file: String, compiler: QueryCompiler) throws(ConfigError) -> AlertRules {
        let root = try ConfigNode.parse(text, file: file)
        let fields = try root.fields(allowed: ["alerts"], required: ["alerts"])
        var rules: [Rule] = []
        for item in try fields["alerts"]!.items() {
            let f = try item.fields(allowed: ["name", "severity", "query", "description"], required: ["name", "query"])
            let query = try f["query"]!.string()
            do {
                let statements = try compiler.compile(query)
                guard statements.count == 1, case .metrics = statements[0] else {
                    throw f["query"]!.error("expected one metric statement ('… by customer having …'), found '\(query)'")
                }
            } catch let diagnostic as QueryDiagnostic {
                let node = f["query"]!
                throw ConfigError(file: file, line: node.line, column: node.column + diagnostic.span.start + (node.isQuoted ? 1 : 0),
                                  diagnostic.message, help: diagnostic.help)
            } catch let error as ConfigError {
                throw error
            } catch {
                throw f["query"]!.error("expected an ARQL statement, found '\(query)'")
            }
            rules.append(Rule(name: try f["name"]!.string(), severity: try f["severity"]?.string() ?? "medium", query: query))
        }
        return AlertRules(file: file, rules: rules)
    }
}
