import ARCore
import Yams

/// A node of a pack file with the file it came from: typed reads that fail with the node's
/// position (Yams keeps libyaml's marks on every node).
struct PackNode {
    let node: Node
    let file: String
    /// The file's text, for positions inside multi-line scalars.
    let source: SourceText

    var location: PackLocation {
        node.mark.map { PackLocation(line: $0.line, column: $0.column) } ?? PackLocation(line: 1, column: 1)
    }

    /// An error at this node, the caret under its text when it is a one-line scalar.
    func error(_ message: String, help: String? = nil) -> PackDiagnostic {
        let length = node.scalar.map { scalar in scalar.string.contains("\n") ? 1 : scalar.string.count } ?? 1
        return PackDiagnostic(file: file, at: location, length: length, message, help: help)
    }

    func child(_ node: Node) -> PackNode { PackNode(node: node, file: file, source: source) }

    // MARK: - Reads

    /// The pairs of a mapping in file order; keys outside `allowed` are errors with a suggestion.
    func mapping(allowed: [String]) throws(PackDiagnostic) -> [(key: String, keyNode: PackNode, value: PackNode)] {
        guard let mapping = node.mapping else { throw error("expected a mapping of 'key: value' lines, found \(kindName)") }
        var pairs: [(key: String, keyNode: PackNode, value: PackNode)] = []
        for (key, value) in mapping {
            let keyNode = child(key)
            let name = key.scalar?.string ?? ""
            guard allowed.contains(name) else {
                throw keyNode.error("expected one of the keys \(PackNode.quotedList(allowed)), found '\(name)'",
                                    help: EditDistance.closest(to: name, among: allowed).map { "did you mean '\($0)'?" })
            }
            if pairs.contains(where: { $0.key == name }) { throw keyNode.error("key '\(name)' is given twice") }
            pairs.append((name, keyNode, child(value)))
        }
        return pairs
    }

    /// A mapping's values by key, checked against `allowed`.
    func fields(allowed: [String]) throws(PackDiagnostic) -> PackFields {
        PackFields(owner: self, pairs: try mapping(allowed: allowed))
    }

    func string() throws(PackDiagnostic) -> String {
        guard let scalar = node.scalar else { throw error("expected a single value, found \(kindName)") }
        return scalar.string
    }

    /// A non-empty text.
    func text(what: String) throws(PackDiagnostic) -> String {
        let value = try string().trimmingSpaces
        guard !value.isEmpty else { throw error("expected \(what), found an empty value") }
        return value
    }

    func integer(in range: ClosedRange<Int>, what: String) throws(PackDiagnostic) -> Int {
        let text = try string()
        guard let value = Int(text), range.contains(value) else {
            throw error("expected \(what) from \(range.lowerBound) to \(range.upperBound), found '\(text)'")
        }
        return value
    }

    func number(what: String) throws(PackDiagnostic) -> Double {
        let text = try string()
        guard let value = Double(text), value.isFinite, value > 0 else {
            throw error("expected \(what) (a positive number), found '\(text)'")
        }
        return value
    }

    func boolean() throws(PackDiagnostic) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error("expected true or false, found '\(other)'")
        }
    }

    /// One of `choices`.
    func choice(_ choices: [String], what: String) throws(PackDiagnostic) -> String {
        let value = try string()
        guard choices.contains(value) else {
            throw error("expected \(what): \(PackNode.quotedList(choices)), found '\(value)'",
                        help: EditDistance.closest(to: value, among: choices).map { "did you mean '\($0)'?" })
        }
        return value
    }

    /// The items of a list; a single scalar counts as a list of one.
    func list() throws(PackDiagnostic) -> [PackNode] {
        if node.scalar != nil { return [self] }
        guard let sequence = node.sequence else { throw error("expected a list, found \(kindName)") }
        return sequence.map(child)
    }

    /// A mapping of names to single values, in file order.
    func stringPairs() throws(PackDiagnostic) -> [(key: PackNode, value: PackNode)] {
        guard let mapping = node.mapping else { throw error("expected a mapping of 'name: value' lines, found \(kindName)") }
        return mapping.map { (child($0.key), child($0.value)) }
    }

    var kindName: String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    static func quotedList(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }
}

/// A mapping's checked pairs, read by key.
struct PackFields {
    let owner: PackNode
    let pairs: [(key: String, keyNode: PackNode, value: PackNode)]

    subscript(_ key: String) -> PackNode? { pairs.first { $0.key == key }?.value }

    func required(_ key: String, what: String) throws(PackDiagnostic) -> PackNode {
        guard let value = self[key] else { throw owner.error("expected a '\(key)' key (\(what)), found none") }
        return value
    }

    func keyNode(_ key: String) -> PackNode? { pairs.first { $0.key == key }?.keyNode }
}

extension String {
    var trimmingSpaces: String {
        var copy = Substring(self)
        while let first = copy.first, first.isWhitespace { copy.removeFirst() }
        while let last = copy.last, last.isWhitespace { copy.removeLast() }
        return String(copy)
    }
}
