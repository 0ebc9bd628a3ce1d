import ARQuery
import ARRepl
import ArgumentParser

/// `arlens repl`: the interactive shell (also what `arlens` alone opens).
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the ARQL shell (piped input runs as a script).",
        discussion: "Type .help inside for the language summary; statements end with ';' or a blank line."
    )

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: "Rows shown before a result is cut.")
    var maxRows = 40

    func run() throws {
        let interactive = ReplMain.standardInputIsTerminal
        let scoring = data.scoring
        let backend = try EngineReplBackend(data: data.open(quiet: !interactive)) { runner in
            try DataOptions.addingRisk(runner, scoring: scoring)
        }
        var configuration = ReplConfiguration()
        configuration.maxRows = maxRows
        let status = ReplMain.run(backend: backend, interactive: interactive, configuration: configuration)
        if status != 0 { throw ExitCode(status) }
    }
}
