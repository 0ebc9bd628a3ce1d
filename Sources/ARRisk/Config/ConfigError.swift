/// An error in a risk configuration file (scoring model, alert rules): the file, the 1-based line
/// and column of the culprit, what was expected and found, and what would fix it.
///
/// ```
/// scoring/default.yaml:12:13: expected a metric, found 'days_lat'
///   help: did you mean 'days_late'?
/// ```
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// One lower-case line, user text in single quotes.
    public var message: String
    public var help: String?

    public init(file: String, line: Int, column: Int, _ message: String, help: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.help = help
    }

    /// `file:line:column: message`, then the help on a line of its own.
    public var description: String {
        "\(file):\(line):\(column): \(message)" + (help.map { "\n  help: \($0)" } ?? "")
    }
}
