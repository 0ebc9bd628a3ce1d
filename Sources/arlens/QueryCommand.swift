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
        let snapshot = try data.load()
        let runner = QueryRunner(ledger: snapshot.ledger)
        var outcomes: [QueryOutcome] = []
        for (index, statement) in try QueryText.compile(runner, text, parameters: parameters).enumerated() {
            // A single date before a store's latest snapshot is answered by the snapshot covering it.
            if let day = statement.singleDate, case let covering = try snapshot.covering(day),
               covering.entry?.id != snapshot.entry?.id {
                let other = QueryRunner(ledger: covering.ledger)
                outcomes.append(try other.execute(QueryText.compile(other, text, parameters: parameters)[index]))
                continue
            }
            outcomes.append(try runner.execute(statement))
        }
        for (k, outcome) in outcomes.enumerated() {
            if k > 0 { print() }
            let text = outcome.text(as: format)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}

extension ResultFormatter.Format: ExpressibleByArgument {}

extension BoundStatement {
    /// The one as-of date of a statement that reads the ledger at a single date.
    var singleDate: Day? {
        switch self {
        case let .metrics(s): s.query.dates.count == 1 ? s.query.dates[0] : nil
        case let .items(s): s.asOf
        case let .forecast(f, _): f.asOf
        case .explain: nil
        }
    }
}

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
    static func compile(_ runner: QueryRunner, _ text: String, parameters: [String: String]) throws -> [BoundStatement] {
        do {
            return try runner.compiler.compile(text, parameters: parameters)
        } catch let diagnostic as QueryDiagnostic {
            throw CommandFailure(diagnostic.rendered(source: text))
        }
    }

    /// Runs `text`, rendering a query error with its caret and help line.
    static func run(_ runner: QueryRunner, _ text: String, parameters: [String: String]) throws -> [QueryOutcome] {
        do {
            return try runner.run(text, parameters: parameters)
        } catch let diagnostic as QueryDiagnostic {
            throw CommandFailure(diagnostic.rendered(source: text))
        }
    }
}
