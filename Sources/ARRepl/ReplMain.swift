import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entry point `arlens repl` calls.
public enum ReplMain {
    /// Runs the REPL until `.quit`, Ctrl-D or the end of standard input.
    ///
    /// - Parameter interactive: edit lines on the terminal (prompts, history, completion,
    ///   Ctrl-C); otherwise run standard input as a script: no prompts, results to standard
    ///   output, and stop at the first error, printed to standard error.
    /// - Returns: the exit status: 0, or 1 when a script stopped at an error.
    public static func run(backend: any ReplBackend, interactive: Bool) -> Int32 {
        run(backend: backend, interactive: interactive, configuration: ReplConfiguration())
    }

    /// ``run(backend:interactive:)`` with settings other than the defaults.
    ///
    /// A table is cut at `configuration.maxRows` only in an interactive session whose standard
    /// output is a terminal; piped or redirected output gets every row.
    public static func run(backend: any ReplBackend, interactive: Bool, configuration: ReplConfiguration) -> Int32 {
        var configuration = configuration
        configuration.outputIsTerminal = interactive && isatty(STDOUT_FILENO) == 1
        return interactive ? runInteractive(ReplSession(backend: backend, configuration: configuration, cancellation: interruptFlag))
                    : runScript(ReplSession(backend: backend, configuration: configuration),
                                readLine: { Swift.readLine(strippingNewline: true) }, write: write)
    }

    /// Whether standard input is a terminal (`arlens` with no subcommand starts the REPL then).
    public static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    static let banner = "arlens: ARQL shell. End statements with ';' or a blank line; .help for help, Ctrl-D to quit.\n"

    private static func runInteractive(_ session: ReplSession) -> Int32 {
        var session = session
        let editor = LineEditor(historyPath: LineEditor.defaultHistoryPath())
        TerminalSignals.install()
        write(ReplOutput(text: banner))
        while true {
            editor.setCompleter(session.completer)
            switch editor.read(prompt: session.prompt) {
            case .endOfInput:
                return 0
            case .interrupted:
                session.discardPending()
            case let .line(line):
                // A Ctrl-C while this runs sets `interruptFlag`, which the backend polls.
                let output = session.evaluate(line)
                if let entry = output.historyEntry { editor.addHistory(entry) }
                if output.cancelled { write(ReplOutput(text: "\n")) }   // after the terminal's "^C"
                write(output)
                if output.quit { return 0 }
            }
        }
    }

    /// Runs the lines `readLine` gives as a script: stops at the first error.
    static func runScript(_ session: ReplSession, readLine: () -> String?, write: (ReplOutput) -> Void) -> Int32 {
        var session = session
        while let line = readLine() {
            let output = session.evaluate(line)
            write(output)
            if output.failed { return 1 }
            if output.quit { return 0 }
        }
        let output = session.finish()
        write(output)
        return output.failed ? 1 : 0
    }

    private static func write(_ output: ReplOutput) {
        if !output.text.isEmpty { FileHandle.standardOutput.write(Data(output.text.utf8)) }
        if !output.error.isEmpty { FileHandle.standardError.write(Data(output.error.utf8)) }
    }
}
