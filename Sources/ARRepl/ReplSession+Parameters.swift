import Foundation

// MARK: - .param, .save and .read

extension ReplSession {
    mutating func param(_ argument: String) -> ReplOutput {
        let (verb, rest) = Self.splitWord(argument)
        switch verb.lowercased() {
        case "", "list":
            guard !parameters.isEmpty else { return ReplOutput(text: "no parameters set (.param set NAME VALUE)\n") }
            let lines = parameters.keys.sorted().map { "$\($0) = \(parameters[$0]!)" }
            return ReplOutput(text: lines.joined(separator: "\n") + "\n")
        case "set":
            let (rawName, rawValue) = Self.splitWord(rest)
            let name = rawName.hasPrefix("$") ? String(rawName.dropFirst()) : rawName
            guard Self.isIdentifier(name) else {
                return .failure("'\(rawName)' is not a parameter name",
                                help: "names are letters, digits and '_', e.g. .param set region EMEA")
            }
            let value = Self.unquoted(rawValue)
            guard !value.isEmpty else {
                return .failure(".param set needs a value", help: "write .param set \(name) VALUE")
            }
            parameters[name] = value
            return ReplOutput()
        case "unset":
            let name = rest.hasPrefix("$") ? String(rest.dropFirst()) : rest
            guard parameters.removeValue(forKey: name) != nil else {
                return .failure("no parameter '\(name)' is set", help: ".param list shows the parameters set")
            }
            return ReplOutput()
        case "clear":
            parameters = [:]
            return ReplOutput()
        default:
            return .failure("unknown .param action '\(verb)'",
                            help: "use .param set NAME VALUE, .param unset NAME, .param list or .param clear")
        }
    }

    /// Writes the last statement to `QUERIES/NAME.arql`, after a comment line (the description
    /// given after the name, or a default) and a line naming the parameters it uses.
    mutating func save(_ argument: String) -> ReplOutput {
        let (name, description) = Self.splitWord(argument)
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            return .failure(name.isEmpty ? ".save needs a name" : "'\(name)' is not a query name",
                            help: "write .save NAME [DESCRIPTION] with letters, digits, '-' or '_', e.g. .save overdue-by-region")
        }
        guard let lastStatement else {
            return .failure("no query to save yet", help: "run a query first, then .save \(name)")
        }
        var text = "-- \(description.isEmpty ? "Saved from the arlens REPL." : description)\n"
        let used = parameters.keys.sorted().filter { lastStatement.contains("$" + $0) }
        if !used.isEmpty {
            text += "-- parameters: " + used.map { "$\($0) = \(parameters[$0]!)" }.joined(separator: ", ") + "\n"
        }
        text += lastStatement + "\n"
        let directory = URL(fileURLWithPath: configuration.queriesDirectory)
        let file = directory.appendingPathComponent(name + ".arql")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        } catch {
            return .failure("cannot write '\(file.path)': \(error.localizedDescription)",
                            help: "check that the queries folder is writable")
        }
        return ReplOutput(text: "saved \(configuration.queriesDirectory)/\(name).arql\n")
    }

    /// Runs the statements and commands of a file, such as one `.save` wrote: `.read FILE`, or
    /// `.read NAME` for `QUERIES/NAME.arql`. Stops at the first error; a statement being typed
    /// is kept aside meanwhile.
    mutating func read(_ argument: String) -> ReplOutput {
        guard !argument.isEmpty else {
            return .failure(".read needs a file", help: "write .read FILE, or .read NAME for \(configuration.queriesDirectory)/NAME.arql")
        }
        let saved = "\(configuration.queriesDirectory)/\(argument).arql"
        let path = FileManager.default.fileExists(atPath: argument) || !FileManager.default.fileExists(atPath: saved) ? argument : saved
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .failure("cannot read '\(argument)'", help: "give a file, or the name of a query saved in \(configuration.queriesDirectory)")
        }
        guard readDepth < 8 else { return .failure("'\(argument)' reads itself over and over", help: "remove the .read loop") }
        let typing = buffer
        buffer = StatementBuffer()
        readDepth += 1
        defer {
            buffer = typing
            readDepth -= 1
        }
        var output = ReplOutput()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !output.failed && !output.quit {
            output.append(evaluate(String(line)))
        }
        if !output.failed && !output.quit { output.append(finish()) }
        return output
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// `'EMEA North'` or `"EMEA North"` without its quotes; anything else as is.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first else { return text }
        return String(text.dropFirst().dropLast())
    }
}
