import ARCore
import Foundation
import Yams

/// A YAML node of a risk configuration file, read with errors that carry its line and column.
struct ConfigNode {
    let node: Node
    let file: String

    /// Parses `text`; a YAML syntax error is a ``ConfigError`` at the parser's position.
    static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: file, line: 1, column: 1, "expected a mapping of 'key: value' lines, found an empty file")
            }
            return ConfigNode(node: node, file: file)
        } catch let error as ConfigError {
            throw error
        } catch let error as YamlError {
            if case let .scanner(_, problem, mark, _) = error {
                throw ConfigError(file: file, line: mark.line, column: mark.column, "expected valid YAML, found \(problem)")
            }
            if case let .parser(_, problem, mark, _) = error {
                throw ConfigError(file: file, line: mark.line, column: mark.column, "expected valid YAML, found \(problem)")
            }
            throw ConfigError(file: file, line: 1, column: 1, "expected valid YAML: \(error)")
        } catch {
            throw ConfigError(file: file, line: 1, column: 1, "expected valid YAML: \(error)")
        }
    }

    var line: Int { node.mark?.line ?? 1 }
    var column: Int { node.mark?.column ?? 1 }

    func error(_ message: String, help: String? = nil) -> ConfigError {
        ConfigError(file: file, line: line, column: column, message, help: help)
    }

    /// The values of a mapping by key, in file order; unknown keys are errors with a suggestion.
    func fields(allowed: [String], required: [String] = []) throws(ConfigError) -> [String: ConfigNode] {
        guard let mapping = node.mapping else { throw error("expected a mapping of 'key: value' lines, found \(kind)") }
        var fields: [String: ConfigNode] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw ConfigNode(node: key, file: file).error(
                    "expected one of the keys " + allowed.map { "'\($0)'" }.joined(separator: ", ") + ", found '\(name)'",
                    help: EditDistance.closest(to: name, among: allowed).map { "did you mean '\($0)'?" })
            }
            fields[name] = ConfigNode(node: value, file: file)
        }
        if let missing = required.first(where: { fields[$0] == nil }) {
            throw error("expected the key '\(missing)', found none", help: "add '\(missing): …' to this entry")
        }
        return fields
    }

    /// The items of a list.
    func items() throws(ConfigError) -> [ConfigNode] {
        guard let sequence = node.sequence else { throw error("expected a list of '- …' items, found \(kind)") }
        return sequence.map { ConfigNode(node: $0, file: file) }
    }

    func string() throws(ConfigError) -> String {
        guard let scalar = node.scalar else { throw error("expected a single value, found \(kind)") }
        return scalar.string
    }

    /// A number written in decimal (`12`, `0.5`, `-3`).
    func number(_ what: String) throws(ConfigError) -> Double {
        let text = try string()
        guard let value = Double(text), value.isFinite, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) else {
            throw error("expected \(what), found '\(DisplayText.excerpt(text))'", help: "write a number such as '25' or '0.5'")
        }
        return value
    }

    private var kind: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: "a single value"
        case .alias: "an alias"
        }
    }
}
