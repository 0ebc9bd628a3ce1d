import Foundation

/// The fake backend's grammar: `METRIC, … [by DIMENSION] [where …]`, with `$NAME` replaced
/// by its value, and a caret diagnostic under an unknown name.
struct FakeQuery {
    var metrics: [String]
    var dimension: String?

    init(_ text: String, parameters: [String: String], dimensions: [String], metrics known: [String]) throws {
        let statement = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let range = statement.range(of: #"\$[a-z_]+"#, options: .regularExpression) {
            let name = String(statement[range].dropFirst())
            guard parameters[name] != nil else {
                throw Self.diagnostic(statement, range, "no value for parameter '$\(name)'", help: ".param set \(name) VALUE")
            }
        }
        let body = statement.components(separatedBy: " where ")[0]
        let parts = body.components(separatedBy: " by ")
        metrics = parts[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for metric in metrics where !known.contains(metric) {
            let range = statement.range(of: metric)!
            throw Self.diagnostic(statement, range, "unknown metric '\(metric)'", help: Self.suggestion(metric, known))
        }
        guard parts.count > 1 else { return }
        let dimension = parts[1].trimmingCharacters(in: .whitespaces)
        guard dimensions.contains(dimension) else {
            let range = statement.range(of: dimension, options: .backwards)!
            throw Self.diagnostic(statement, range, "unknown dimension '\(dimension)'", help: Self.suggestion(dimension, dimensions))
        }
        self.dimension = dimension
    }

    private static func suggestion(_ word: String, _ names: [String]) -> String {
        let best = names.min { distance(word, $0) < distance(word, $1) }!
        return "did you mean '\(best)'?"
    }

    /// Characters of `a` and `b` that differ, position by position, plus the length difference.
    private static func distance(_ a: String, _ b: String) -> Int {
        zip(a, b).filter { $0 != $1 }.count + abs(a.count - b.count)
    }

    private static func diagnostic(_ statement: String, _ range: Range<String.Index>, _ message: String, help: String) -> FakeError {
        let column = statement.distance(from: statement.startIndex, to: range.lowerBound)
        let caret = String(repeating: " ", count: column) + String(repeating: "^", count: statement[range].count)
        return FakeError(description: "error: \(message)\n  \(statement)\n  \(caret)\nhelp: \(help)")
    }
}
