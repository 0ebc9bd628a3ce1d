/// What the session has to say after one line of input. The terminal front prints `text` to
/// standard output and `error` to standard error; a script stops when `failed` is set.
public struct ReplOutput: Equatable, Sendable {
    /// Results, notes and listings, for standard output.
    public var text: String
    /// Diagnostics, for standard error.
    public var error: String
    /// The statement is not finished: show the continuation prompt.
    public var needsMoreInput: Bool
    /// `.quit` or `.exit`.
    public var quit: Bool
    /// A statement or command failed (a script stops here with a non-zero status).
    public var failed: Bool
    /// The input of the statements or command just run, on one line, for the history.
    public var historyEntry: String?
    /// A query stopped on Ctrl-C (the terminal has echoed `^C` on the current line).
    public var cancelled: Bool

    public init(text: String = "", error: String = "", needsMoreInput: Bool = false, quit: Bool = false,
                failed: Bool = false, historyEntry: String? = nil, cancelled: Bool = false) {
        self.text = text
        self.error = error
        self.needsMoreInput = needsMoreInput
        self.quit = quit
        self.failed = failed
        self.historyEntry = historyEntry
        self.cancelled = cancelled
    }

    /// A failure with a one-line message and an optional `help:` line.
    static func failure(_ message: String, help: String? = nil) -> ReplOutput {
        var error = "error: \(message)\n"
        if let help { error += "help: \(help)\n" }
        return ReplOutput(error: error, failed: true)
    }

    /// Adds what `other` says after what this one says.
    mutating func append(_ other: ReplOutput) {
        text += other.text
        error += other.error
        quit = quit || other.quit
        failed = failed || other.failed
        cancelled = cancelled || other.cancelled
    }
}

/// Settings of a session that `.mode`, `.timer` and `.maxrows` change.
public struct ReplConfiguration: Sendable, Equatable {
    /// Rows shown before a table on a terminal is cut. Only ``outputIsTerminal`` tables are cut:
    /// a script's output, a `.output` file and CSV or JSON results always get every row.
    public var maxRows: Int
    /// Whether results go to a terminal that a person reads (standard output is a terminal in an
    /// interactive session); `false` by default, so that nothing is ever cut unasked.
    public var outputIsTerminal: Bool
    /// Where `.save NAME` writes `NAME.arql`.
    public var queriesDirectory: String
    public var format: ReplFormat
    /// Whether each query's elapsed time is shown.
    public var timer: Bool

    public init(maxRows: Int = 40, queriesDirectory: String = "Queries", format: ReplFormat = .table, timer: Bool = false,
                outputIsTerminal: Bool = false) {
        self.maxRows = maxRows
        self.outputIsTerminal = outputIsTerminal
        self.queriesDirectory = queriesDirectory
        self.format = format
        self.timer = timer
    }

    /// The row limit for the next result: ``maxRows`` for a table shown on a terminal, else none.
    func rowLimit(writingToFile: Bool) -> Int? {
        outputIsTerminal && format == .table && !writingToFile ? maxRows : nil
    }
}
