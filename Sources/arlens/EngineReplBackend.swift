import ARCore
import ARMetrics
import ARPresentation
import ARQuery
import ARRepl
import Dispatch

/// The REPL's backend over the real engine: one loaded snapshot and its query runner.
struct EngineReplBackend: ReplBackend {
    let snapshot: LoadedSnapshot
    let runner: QueryRunner
    let completionWords: CompletionWords

    init(snapshot: LoadedSnapshot) {
        self.snapshot = snapshot
        runner = QueryRunner(ledger: snapshot.ledger)
        completionWords = EngineReplBackend.words(for: runner)
    }

    func run(_ statement: String, parameters: [String: String], format: ReplFormat, maxRows: Int?,
             cancellation: CancellationToken) throws -> ReplResult {
        let outcomes = try cancellable(cancellation) { try QueryText.run(runner, statement, parameters: parameters) }
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

    func chart(lastStatement: String, parameters: [String: String], payload: ReplChartPayload?, to path: String) throws {
        let outcome: QueryOutcome
        if let last = payload?.value as? QueryOutcome {
            outcome = last
        } else {
            guard let first = try QueryText.run(runner, lastStatement, parameters: parameters).first else {
                throw CommandFailure("the last statement gave no result to chart")
            }
            outcome = first
        }
        try ChartOutput.write(outcome, to: path, options: ChartOutputOptions())
    }

    func describeSnapshots() -> String {
        let s = snapshot.ledger.snapshot
        var line = "\(snapshot.description): as of \(s.asOf.iso), reporting in \(s.reportingCurrency.code)"
        line += ", \(snapshot.ledger.documents.count) documents, \(snapshot.ledger.customers.count) customers"
        if !snapshot.rejects.isEmpty { line += ", \(snapshot.rejects.count) rows rejected at import" }
        return line
    }

    func open(_ data: String) throws -> any ReplBackend {
        EngineReplBackend(snapshot: try LoadedSnapshot.load(path: data, mapping: nil, quiet: true))
    }

    /// Runs `work` on another thread so that Ctrl-C returns to the prompt at once; a cancelled
    /// query finishes in the background and its result is dropped.
    private func cancellable<T: Sendable>(_ token: CancellationToken, _ work: @escaping @Sendable () throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            box.set(Result { try work() })
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
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

/// A result handed from a worker thread to the waiting REPL thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is written once before the semaphore is signalled and read after it.
    private var value: Result<T, any Error>?
    func set(_ result: Result<T, any Error>) { value = result }
    func get() throws -> T { try value!.get() }
}
