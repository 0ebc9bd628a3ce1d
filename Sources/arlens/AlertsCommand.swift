import ARQuery
import ARRisk
import ArgumentParser
import Foundation

/// `arlens alerts`: the alerts of the latest snapshot, new since the previous one or still open.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List the credit alerts new since the previous snapshot and those still open.",
        discussion: """
        Examples:
          arlens alerts --data store
          arlens alerts --data store --rules my-alerts.yaml --format json
        """
    )

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: ArgumentHelp("The alert rules (default: scoring/alerts.yaml).", valueName: "file"))
    var rules: String = "scoring/alerts.yaml"

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: ResultFormatter.Format = .table

    func run() throws {
        let runner = try data.runner(quiet: format != .table)
        do {
            let rules = try AlertRules.load(path: rules, compiler: runner.compiler)
            let report = try AlertReport(rules: rules, runner: runner, options: data.queryOptions())
            if let note = report.note { Terminal.error("note: \(note)") }
            print(ResultFormatter.format(report.result, as: format))
        } catch let error as ConfigError {
            throw CommandFailure("error: \(error)")
        }
    }
}
