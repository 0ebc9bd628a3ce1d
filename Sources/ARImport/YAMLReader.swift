import ARCore
import Yams

/// A YAML node with its path in the document, for mapping errors that say where they are.
struct YAMLReader {
    let node: Node
    let path: String
    let file: String

    func fail(_ message: String) -> ImportError {
        ImportError(file: file, message: location + message)
    }

    /// `line 12: 'tables.invoices[0].constants.currency': `, the prefix of a message about this node.
    var location: String {
        let line = node.mark.map { "line \($0.line): " } ?? ""
        return line + (path.isEmpty ? "" : "\(quoted(path)): ")
    }

    /// The entries of a mapping, checking every key against `allowed`.
    func entries(allowed: [String]? = nil) throws(ImportError) -> [(key: String, value: YAMLReader)] {
        guard let mapping = node.mapping else { throw fail("expected a mapping of 'key: value' lines") }
        var result: [(key: String, value: YAMLReader)] = []
        for (k, v) in mapping {
            let key = k.string ?? ""
            if let allowed, !allowed.contains(key) {
                let child = YAMLReader(node: k, path: path, file: file)
                throw child.fail("unknown key \(quoted(key))" + suggestion(key, allowed))
            }
            result.append((key, YAMLReader(node: v, path: path.isEmpty ? key : path + "." + key, file: file)))
        }
        return result
    }

    /// The child at `key`, if present.
    func child(_ key: String) -> YAMLReader? {
        guard let value = node.mapping?[key] else { return nil }
        return YAMLReader(node: value, path: path.isEmpty ? key : path + "." + key, file: file)
    }

    func string() throws(ImportError) -> String {
        guard case .scalar = node, let s = node.string else { throw fail("expected a single value") }
        return s
    }

    func items() throws(ImportError) -> [YAMLReader] {
        if node.mapping != nil { return [self] }   // one source may be written without the list dash
        guard let sequence = node.sequence else { throw fail("expected a list") }
        return sequence.enumerated().map { YAMLReader(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    /// A mapping of strings to strings.
    func stringMap(allowedKeys: [String]? = nil) throws(ImportError) -> [String: String] {
        var map: [String: String] = [:]
        for (key, value) in try entries(allowed: allowedKeys) { map[key] = try value.string() }
        return map
    }

    func stringList() throws(ImportError) -> [String] {
        if case .scalar = node { return [try string()] }
        var list: [String] = []
        for item in try items() { list.append(try item.string()) }
        return list
    }
}

/// User text in single quotes, escaped and cut to a readable length (a 1 MB YAML value or CSV
/// field is not echoed whole).
func quoted(_ text: String) -> String {
    "'" + DisplayText.excerpt(text) + "'"
}

/// " (did you mean 'x'?)" for the closest candidate within two edits, else an expected list.
func suggestion(_ word: String, _ candidates: [String]) -> String {
    let best = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
    if let best, best.1 <= 2 { return ": did you mean \(quoted(best.0))?" }
    return ": expected one of " + candidates.map { quoted($0) }.joined(separator: ", ")
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
