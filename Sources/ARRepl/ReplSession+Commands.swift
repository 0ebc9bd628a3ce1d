import ARCore
import Foundation

// MARK: - Dot commands

extension ReplSession {
    /// The dot commands, for `.help` and for suggestions on a typo.
    static let commandNames = [".help", ".metrics", ".dims", ".snapshots", ".open", ".param", ".mode", ".timer",
                               ".maxrows", ".output", ".chart", ".save", ".read", ".quit", ".exit"]

    mutating func command(_ line: String) -> ReplOutput {
        var line = line
        if line.hasSuffix(";") { line.removeLast() }
        let (name, argument) = Self.splitWord(line)
        switch name.lowercased() {
        case ".help": return ReplOutput(text: ReplHelp.text)
        case ".quit", ".exit": return ReplOutput(quit: true)
        case ".metrics": return Self.listing(backend.completionWords.metrics, kind: "metrics")
        case ".dims": return Self.listing(backend.completionWords.dimensions, kind: "dimensions")
        case ".snapshots": return ReplOutput(text: Self.line(backend.describeSnapshots()))
        case ".open": return open(Self.expandingTilde(argument))
        case ".param": return param(argument)
        case ".mode": return mode(argument)
        case ".timer": return timer(argument)
        case ".maxrows": return maxRows(argument)
        case ".output": return output(Self.expandingTilde(argument))
        case ".chart": return chart(Self.expandingTilde(argument))
        case ".save": return save(argument)
        case ".read": return read(Self.expandingTilde(argument))
        default:
            let help = EditDistance.closest(to: name.lowercased(), among: Self.commandNames)
                .map { "did you mean '\($0)'? (.help lists the commands)" } ?? ".help lists the commands"
            return .failure("unknown command '\(name)'", help: help)
        }
    }

    /// The first word of `text` and the rest, trimmed.
    static func splitWord(_ text: String) -> (word: String, rest: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(where: \.isWhitespace) else { return (trimmed, "") }
        return (String(trimmed[..<space]), trimmed[space...].trimmingCharacters(in: .whitespaces))
    }

    /// `~/x` as `$HOME/x`, as a shell would have written it.
    static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + path.dropFirst()
    }

    /// Names and descriptions in two aligned columns.
    static func listing(_ items: [CompletionWords.Described], kind: String) -> ReplOutput {
        guard !items.isEmpty else { return ReplOutput(text: "no \(kind) in this data\n") }
        let width = items.map(\.name.count).max() ?? 0
        let lines = items.map { item in
            let padded = item.name + String(repeating: " ", count: width - item.name.count)
            return item.description.isEmpty ? item.name : "\(padded)  \(item.description)"
        }
        return ReplOutput(text: lines.joined(separator: "\n") + "\n")
    }

    private mutating func open(_ data: String) -> ReplOutput {
        guard !data.isEmpty else {
            return .failure(".open needs a store or snapshot folder", help: "write .open DATA, e.g. .open out/store")
        }
        do {
            backend = try backend.open(data)
        } catch {
            return ReplOutput(error: Self.line(String(describing: error)), failed: true)
        }
        lastChartPayload = nil
        return ReplOutput(text: "opened \(data)\n" + Self.line(backend.describeSnapshots()))
    }

    private mutating func mode(_ argument: String) -> ReplOutput {
        guard !argument.isEmpty else { return ReplOutput(text: "mode: \(configuration.format.rawValue)\n") }
        guard let format = ReplFormat(rawValue: argument.lowercased()) else {
            return .failure("unknown mode '\(argument)'", help: "use .mode table, .mode csv or .mode json")
        }
        configuration.format = format
        return ReplOutput()
    }

    private mutating func timer(_ argument: String) -> ReplOutput {
        switch argument.lowercased() {
        case "": return ReplOutput(text: "timer: \(configuration.timer ? "on" : "off")\n")
        case "on": configuration.timer = true
        case "off": configuration.timer = false
        default: return .failure("unknown timer setting '\(argument)'", help: "use .timer on or .timer off")
        }
        return ReplOutput()
    }

    private mutating func maxRows(_ argument: String) -> ReplOutput {
        guard !argument.isEmpty else { return ReplOutput(text: "maxrows: \(configuration.maxRows)\n") }
        guard let rows = Int(argument), rows > 0 else {
            return .failure("'\(argument)' is not a number of rows", help: "write .maxrows N with N at least 1, e.g. .maxrows 100")
        }
        configuration.maxRows = rows
        return ReplOutput()
    }

    private mutating func output(_ path: String) -> ReplOutput {
        guard !path.isEmpty else {
            outputPath = nil
            return ReplOutput()
        }
        guard FileManager.default.createFile(atPath: path, contents: Data()) else {
            return .failure("cannot write to '\(path)'", help: "check that its folder exists and is writable")
        }
        outputPath = path
        return ReplOutput()
    }

    private func chart(_ path: String) -> ReplOutput {
        guard !path.isEmpty else {
            return .failure(".chart needs a file to write", help: "write .chart FILE.png (or .svg, .pdf)")
        }
        guard let lastStatement else {
            return .failure("no result to chart yet", help: "run a query first, then .chart \(path)")
        }
        do {
            try backend.chart(lastStatement: lastStatement, parameters: parameters, payload: lastChartPayload, to: path)
        } catch {
            return ReplOutput(error: Self.line(String(describing: error)), failed: true)
        }
        return ReplOutput(text: "wrote \(path)\n")
    }
}
