import ARCore
import ARImport
import ARMetrics
import ARPresentation
import ARQuery
import ARStore
import Dispatch

/// The REPL's backend over the real engine: the opened data and the library's ``QueryRunner``,
/// so the REPL answers every date from the snapshot that covers it, exactly as `arlens query`.
public struct EngineReplBackend: ReplBackend {
    public let data: OpenedData
    public let runner: QueryRunner
    public let completionWords: CompletionWords
    /// Adds the front end's metric providers (credit risk) to each runner the REPL makes.
    public let extend: @Sendable (QueryRunner) throws -> QueryRunner

    /// - Parameter extend: adds metric providers to the runner (``QueryRunner/adding(providers:)``).
    /// - Throws: the store's error when its latest snapshot cannot be read.
    public init(data: OpenedData, extend: @escaping @Sendable (QueryRunner) throws -> QueryRunner = { $0 }) throws {
        self.data = data
        self.extend = extend
        runner = try extend(QueryRunner(source: data.source))
        completionWords = EngineReplBackend.words(for: runner)
    }

    public func run(_ statement: String, parameters: [String: String], format: ReplFormat, maxRows: Int?,
                    cancellation: CancellationToken) throws -> ReplResult {
        let runner = self.runner
        // The query gets a flag of its own: the terminal's flag is reset as soon as the prompt
        // comes back, perhaps before the engine has polled it.
        let queryFlag = CancellationFlag()
        let options = QueryOptions(cancellation: CancellationToken(flag: queryFlag, deadline: cancellation.deadline))
        let outcomes = try cancellable(cancellation, forwardingTo: queryFlag) {
            try Self.rendering(statement) { try runner.run(statement, parameters: parameters, options: options) }
        }
        var text = ""
        var rowCount = 0
        var shown = 0
        var payload: ReplChartPayload?
        for outcome in outcomes {
            switch outcome {
            case let .table(result, _, _):
                var cut = result
                if let maxRows, result.rows.count > maxRows { cut.rows = Array(result.rows.prefix(maxRows)) }
                text += ResultFormatter.format(cut, as: ResultFormatter.Format(rawValue: format.rawValue) ?? .table)
                text += result.context.warnings.map { "warning: \($0)\n" }.joined()
                rowCount += result.rows.count
                shown += cut.rows.count
                payload = ReplChartPayload(outcome)
            case let .text(plan):
                text += plan.hasSuffix("\n") ? plan : plan + "\n"
            }
        }
        if !text.hasSuffix("\n") { text += "\n" }
        return ReplResult(text: text, rowCount: rowCount, renderedRowCount: shown, chartPayload: payload)
    }

    public func chart(lastStatement: String, parameters: [String: String], payload: ReplChartPayload?, to path: String) throws {
        let outcome: QueryOutcome
        if let last = payload?.value as? QueryOutcome {
            outcome = last
        } else {
            guard let first = try Self.rendering(lastStatement, { try runner.run(lastStatement, parameters: parameters) }).first else {
                throw ReplBackendError("the last statement gave no result to chart")
            }
            outcome = first
        }
        try ChartOutput.write(outcome, to: path, options: ChartOutputOptions())
    }

    public func describeSnapshots() -> String {
        let ledger = runner.ledger
        var lines = ["\(data.source.label): reporting in \(ledger.snapshot.reportingCurrency.code)"
            + (data.rejects.isEmpty ? "" : ", \(data.rejects.count) rows rejected at import")]
        for snapshot in data.source.snapshots {
            var line = "  \(snapshot.id)  as of \(snapshot.asOf.iso)"
            if let counts = snapshot.entry?.counts {
                line += ", \(counts.documents) documents, \(counts.customers) customers"
            } else {
                line += ", \(ledger.documents.count) documents, \(ledger.customers.count) customers"
            }
            lines.append(line + (snapshot == data.source.latest ? " (latest: queries without a date)" : ""))
        }
        return lines.joined(separator: "\n")
    }

    public func open(_ path: String) throws -> any ReplBackend {
        try EngineReplBackend(data: OpenedData.open(path: path), extend: extend)
    }

    /// `body`'s value; a query error becomes its rendering (the line, a caret, the help).
    private static func rendering<T>(_ text: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostic as QueryDiagnostic {
            throw ReplBackendError(diagnostic.rendered(source: text).trimmingTrailingNewlines)
        }
    }

    /// Runs `work` on another thread so that Ctrl-C returns to the prompt at once; the engine
    /// polls the same token, so a cancelled query stops using CPU within milliseconds.
    private func cancellable<T: Sendable>(_ token: CancellationToken, forwardingTo queryFlag: CancellationFlag,
                                          _ work: @escaping @Sendable () throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            box.set(Result { try work() })
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if token.isCancelled { queryFlag.cancel() }
            try token.check()
        }
        return try box.get()
    }

    private static func words(for runner: QueryRunner) -> CompletionWords {
        let ledger = runner.ledger
        let metrics = MetricKind.allCases.map { CompletionWords.Described($0.name, Vocabulary.summary(of: $0)) }
        let dimensions = runner.compiler.catalog.dimensionNames.map {
            CompletionWords.Described($0, Vocabulary.summary(ofDimension: $0))
        }
        var values: [String: [String]] = [
            "entity": ledger.entities.ids,
            "customer": Array(ledger.customers.ids.strings.prefix(50_000)),
            "customer_group": ledger.customers.group.values, "segment": ledger.customers.segment.values,
            "region": ledger.customers.region.values, "country": ledger.customers.country.values,
            "sales_rep": ledger.customers.salesRep.values, "currency": ledger.currencies.map(\.code),
            "type": ["invoice", "credit_note", "unallocated"], "dispute_reason": ledger.disputes.reason.values,
        ]
        values["customer_name"] = ledger.customers.names.values
        return CompletionWords(keywords: Vocabulary.keywords, metrics: metrics, dimensions: dimensions,
                               dimensionValues: values, parameters: [])
    }
}

/// A failure the REPL prints as it is: its description is the whole message.
public struct ReplBackendError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A result handed from a worker thread to the waiting REPL thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is written once before the semaphore is signalled and read after it.
    private var value: Result<T, any Error>?
    func set(_ result: Result<T, any Error>) { value = result }
    func get() throws -> T { try value!.get() }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
