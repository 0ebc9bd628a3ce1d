import ARCore
import ARRisk
import ArgumentParser

/// `arlens score --explain CUSTOMER`: how the scoring model arrives at a customer's score.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Explain a customer's credit score criterion by criterion.",
        discussion: """
        Scores are ARQL metrics ('score', 'risk_class'); this command shows how one is made.
        Examples:
          arlens score --explain C000042
          arlens score --explain C000042 --as-of 2026-06-30 --scoring my-model.yaml
        """
    )

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: ArgumentHelp("The customer whose score to explain.", valueName: "customer"))
    var explain: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date (default: the latest snapshot's as-of).", valueName: "yyyy-mm-dd"))
    var asOf: String?

    func run() throws {
        let runner = try data.runner()
        guard let model = try data.scoringModel(catalog: runner.compiler.catalog) else {
            throw CommandFailure("error: no scoring model: pass --scoring FILE (or run where scoring/default.yaml is)")
        }
        let day = try asOf.map { text in
            guard let day = Day(iso: text) else { throw CommandFailure("error: expected a date yyyy-mm-dd, found '\(text)'") }
            return day
        }
        do {
            print(try ScoreExplanation(customer: explain, on: day, model: model, runner: runner).text)
        } catch let error as ConfigError {
            throw CommandFailure("error: \(error.message)" + (error.help.map { "\n  help: \($0)" } ?? ""))
        }
    }
}
