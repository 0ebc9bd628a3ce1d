import Foundation

/// Gathers input lines into ARQL statements.
///
/// A statement ends at a `;` outside strings (ARQL's, in double quotes) and comments, or at a blank line. Several
/// statements may share a line (`ar by entity; dso by region;`), and a statement may span
/// lines. Comment lines (`-- …`) before a statement starts are dropped; inside a statement they
/// stay, so that the engine's line numbers match what was typed.
struct StatementBuffer {
    /// The lines of the statement being typed.
    private(set) var lines: [String] = []
    /// The raw lines typed since the last statement ended, for the history.
    private(set) var typed: [String] = []
    /// The quote character of a string literal still open at the end of the last line.
    private var openQuote: Character?

    /// Whether no statement is under way.
    var isEmpty: Bool { lines.isEmpty }

    /// What one line completed.
    struct Added: Equatable {
        /// The statements the line completes, without their `;`.
        var statements: [String] = []
        /// The whole input of those statements on one line, once nothing is left pending.
        var historyEntry: String?
    }

    /// Adds a line and returns the statements it completes.
    mutating func add(_ line: String) -> Added {
        if line.allSatisfy(\.isWhitespace) {
            defer { clear() }
            guard !lines.isEmpty else { return Added() }
            return Added(statements: [joined(lines)], historyEntry: typed.joined(separator: " ") + ";")
        }
        typed.append(line)
        var complete: [String] = []
        var current = ""
        var inComment = false
        for character in line {
            if inComment {
                current.append(character)
                continue
            }
            if let quote = openQuote {
                if character == quote { openQuote = nil }
            } else if character == "\"" {
                openQuote = character
            } else if character == "-" && current.hasSuffix("-") {
                inComment = true
            } else if character == ";" {
                let statement = joined(lines + [current])
                if !statement.isEmpty { complete.append(statement) }
                lines = []
                current = ""
                continue
            }
            current.append(character)
        }
        if !(lines.isEmpty && Self.isCommentOrBlank(current)) {
            lines.append(current)
        }
        guard lines.isEmpty else { return Added(statements: complete) }
        defer { typed = [] }
        return Added(statements: complete, historyEntry: complete.isEmpty ? nil : typed.joined(separator: " "))
    }

    /// Forgets the statement under way (Ctrl-C at the prompt).
    mutating func clear() {
        lines = []
        typed = []
        openQuote = nil
    }

    private func joined(_ lines: [String]) -> String {
        lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isCommentOrBlank(_ text: String) -> Bool {
        let trimmed = text.drop(while: \.isWhitespace)
        return trimmed.isEmpty || trimmed.hasPrefix("--")
    }
}
