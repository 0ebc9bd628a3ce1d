import ARCore
import Foundation

/// The REPL's logic, free of terminal I/O: it takes lines and says what to show.
///
/// ```swift
/// var session = ReplSession(backend: backend)
/// session.evaluate("ar, overdue by entity")   // needsMoreInput: end with ';' or a blank line
/// session.evaluate("")                        // runs the statement
/// session.evaluate(".mode csv")
/// ```
/// Errors never end the session: they come back in `ReplOutput.error`.
public struct ReplSession: Sendable {
    /// The prompt for a new statement.
    public static let prompt = "arlens> "
    /// The prompt while a statement continues over several lines.
    public static let continuationPrompt = "   ...> "

    public internal(set) var backend: any ReplBackend
    public internal(set) var configuration: ReplConfiguration
    /// Values of `$NAME` parameters, by name without `$`.
    public internal(set) var parameters: [String: String] = [:]
    /// Where results go instead of standard output (`.output FILE`).
    public internal(set) var outputPath: String?
    /// The last statement that ran without error (what `.chart` and `.save` use).
    public internal(set) var lastStatement: String?
    var lastChartPayload: ReplChartPayload?
    var buffer = StatementBuffer()
    /// How many `.read` commands are running inside each other.
    var readDepth = 0
    let cancellation: CancellationFlag
    let now: @Sendable () -> Duration

    /// - Parameters:
    ///   - cancellation: the flag the terminal's SIGINT handler sets; reset before each query.
    ///   - now: a monotonic clock for `.timer` (tests pass a fake one).
    public init(backend: any ReplBackend, configuration: ReplConfiguration = ReplConfiguration(),
                cancellation: CancellationFlag = CancellationFlag(),
                now: @escaping @Sendable () -> Duration = ReplSession.monotonicNow) {
        self.backend = backend
        self.configuration = configuration
        self.cancellation = cancellation
        self.now = now
    }

    /// Time elapsed on the continuous clock since the process looked first.
    public static let monotonicNow: @Sendable () -> Duration = {
        let origin = ContinuousClock.now
        return { ContinuousClock.now - origin }
    }()

    /// The prompt to show before the next line.
    public var prompt: String { buffer.isEmpty ? Self.prompt : Self.continuationPrompt }

    /// Whether a statement is under way (typed lines not yet run).
    public var hasPendingStatement: Bool { !buffer.isEmpty }

    /// Tab completion for the next line, knowing the open data, the parameters set and the
    /// lines of a statement under way.
    public var completer: Completer {
        Completer(words: backend.completionWords, parameterNames: parameters.keys.sorted(),
                  precedingLines: buffer.lines.joined(separator: "\n"))
    }

    /// Takes one line of input: a `.command`, or part of a statement.
    public mutating func evaluate(_ line: String) -> ReplOutput {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(".") {
            var output = command(trimmed)
            output.historyEntry = trimmed
            output.needsMoreInput = !buffer.isEmpty
            return output
        }
        let added = buffer.add(line)
        var output = ReplOutput(historyEntry: added.historyEntry)
        for statement in added.statements where !output.failed {
            output.append(run(statement))
        }
        output.needsMoreInput = !buffer.isEmpty
        return output
    }

    /// Ends the input: runs a statement still under way, as a blank line would.
    public mutating func finish() -> ReplOutput { evaluate("") }

    /// Forgets the statement under way (Ctrl-C at the prompt).
    public mutating func discardPending() { buffer.clear() }

    // MARK: - Running statements

    mutating func run(_ statement: String) -> ReplOutput {
        cancellation.reset()
        let started = now()
        let result: ReplResult
        do {
            result = try backend.run(statement, parameters: parameters, format: configuration.format,
                                     maxRows: configuration.rowLimit(writingToFile: outputPath != nil),
                                     cancellation: CancellationToken(cancellation))
        } catch is ReplCancelled {
            var output = ReplOutput.failure("query cancelled (Ctrl-C)")
            output.cancelled = true
            return output
        } catch {
            return ReplOutput(error: Self.line(String(describing: error)), failed: true)
        }
        let elapsed = now() - started
        lastStatement = statement
        lastChartPayload = result.chartPayload
        var output = ReplOutput()
        var text = Self.line(result.text)
        let hidden = result.rowCount - result.renderedRowCount
        if hidden > 0 {
            text += "… \(Self.grouped(hidden)) more \(hidden == 1 ? "row" : "rows") (use limit, or .output FILE)\n"
        }
        if let outputPath {
            do { try Self.append(text, toFile: outputPath) } catch {
                return .failure("cannot write to '\(outputPath)': \(error.localizedDescription)",
                                help: "use .output alone to send results back to the screen")
            }
        } else {
            output.text = text
        }
        if configuration.timer { output.text += "Time: \(Self.milliseconds(elapsed)) ms\n" }
        return output
    }

    /// `text` ending with exactly one newline (nothing when empty).
    static func line(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    /// A duration in milliseconds with three decimals: `12.345`.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let thousandths = String(microseconds % 1000)
        return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - thousandths.count))\(thousandths)"
    }

    static func append(_ text: String, toFile path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
