import ARCore
import ARQuery
import ArgumentParser
import Foundation

/// `arlens query`: runs ARQL and prints the results.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run ARQL statements and print their results.",
        discussion: """
        Examples:
          arlens query "ar, current, overdue, overdue_rate by entity"
          arlens query "ar by entity where entity = \\$entity" --param entity=FR01
          arlens query -f Queries/dso-family.arql --format json
        """
    )

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: ResultFormatter.Format = .table

    @Option(name: .customLong("param"), help: ArgumentHelp("Binds $name to value.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: [.customShort("f"), .long], help: "Read the statements from an .arql file.")
    var file: String?

    @Argument(help: "The ARQL text (or use --file).")
    var query: String?

    func run() throws {
        let text = try QueryText.read(query: query, file: file)
        let parameters = try QueryText.parameters(parameters)
        let runner = try data.runner()
        let outcomes = try QueryText.run(runner, text, parameters: parameters, options: data.queryOptions())
        for (k, outcome) in outcomes.enumerated() {
            if k > 0 { print() }
            let text = outcome.text(as: format)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            // Warnings are for the reader: on standard error, so piped CSV and JSON stay clean (JSON
            // carries them in its own `warnings` member).
            for warning in outcome.result?.context.warnings ?? [] { Terminal.error("warning: \(warning)") }
        }
    }
}

extension ResultFormatter.Format: ExpressibleByArgument {}

/// Reading query text and parameters, and turning query errors into user messages.
enum QueryText {
    static func read(query: String?, file: String?) throws -> String {
        switch (query, file) {
        case let (text?, nil): return text
        case let (nil, path?):
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandFailure("cannot read '\(path)': check the path")
            }
            return text
        case (.some, .some): throw ValidationError("give either a query or --file, not both")
        case (nil, nil): throw ValidationError("give a query, e.g. arlens query \"ar by entity\", or --file FILE.arql")
        }
    }

    static func parameters(_ pairs: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw ValidationError("--param takes name=value, found '\(pair)'")
            }
            result[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        return result
    }

    /// Compiles `text`, rendering a query error with its caret and help line.
    static func compile(_ runner: QueryRunner, _ text: String, parameters: [String: String]) throws -> [CompiledStatement] {
        try rendering(text) { try runner.compiler.compileStatements(text, parameters: parameters) }
    }

    /// Runs `text`, rendering a query error with its caret and help line.
    static func run(_ runner: QueryRunner, _ text: String, parameters: [String: String],
                    options: QueryOptions = QueryOptions()) throws -> [QueryOutcome] {
        try rendering(text) { try runner.run(text, parameters: parameters, options: options) }
    }

    /// `body`'s value; a ``QueryDiagnostic`` it throws becomes the rendered message, caret under `text`.
    static func rendering<T>(_ text: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostic as QueryDiagnostic {
            throw CommandFailure(diagnostic.rendered(source: text))
        }
    }
}
