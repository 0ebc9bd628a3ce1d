import ARCore
import ARRepl
import Foundation
import Synchronization

/// A small stand-in for the ARQL engine, enough to drive the session: `METRIC, … [by DIMENSION]`
/// over a fixed little ledger, with caret diagnostics for unknown names, `$parameters`, and
/// three special statements: `cancel_me` (cancelled while it runs, as Ctrl-C would), `slow`
/// (runs until cancelled) and `stuck` (ignores cancellation), for the terminal test.
struct FakeBackend: ReplBackend {
    /// One call of `run`, as the session made it.
    struct Call: Equatable {
        var statement: String
        var parameters: [String: String]
        var format: ReplFormat
        var maxRows: Int?
    }

    /// The calls of `run`, shared by the backends that `open` returns.
    final class CallLog: Sendable {
        let calls = Mutex<[Call]>([])
        var all: [Call] { calls.withLock { $0 } }
    }

    let name: String
    let log: CallLog
    /// The flag a test shares with the session, for `cancel_me`.
    let flag: CancellationFlag?

    init(name: String = "datasets/sample", flag: CancellationFlag? = nil, log: CallLog = CallLog()) {
        self.name = name
        self.log = log
        self.flag = flag
    }

    static let figures: [String: [String: [String: String]]] = [
        "entity": ["FR01": ["ar": "1,200.00", "overdue": "300.00", "bpdso": "31.5"],
                   "UK01": ["ar": "800.00", "overdue": "0.00", "bpdso": "28.0"]],
        "customer": ["Acme Corp": ["ar": "700.00", "overdue": "200.00", "bpdso": "30.1"],
                     "Acme Industries": ["ar": "500.00", "overdue": "100.00", "bpdso": "33.0"],
                     "Bolt & Co": ["ar": "450.00", "overdue": "0.00", "bpdso": "27.2"],
                     "O'Brien Ltd": ["ar": "350.00", "overdue": "0.00", "bpdso": "29.9"]],
        "region": ["EMEA": ["ar": "1,500.00", "overdue": "300.00", "bpdso": "30.0"],
                   "Americas": ["ar": "500.00", "overdue": "0.00", "bpdso": "29.0"]],
    ]

    var completionWords: CompletionWords {
        CompletionWords(
            keywords: ["by", "where", "having", "order", "limit", "and", "or", "in", "desc", "asc", "monthly"],
            metrics: [.init("ar", "receivables balance at the as-of date"),
                      .init("overdue", "open items past their due date"),
                      .init("bpdso", "best possible DSO: current AR / sales × 90 days")],
            dimensions: [.init("entity", "the legal entity that issued the document"),
                         .init("customer", "the customer's name"),
                         .init("customer_group", "the customer's group"),
                         .init("region", "the customer's region")],
            dimensionValues: Self.figures.mapValues { $0.keys.sorted() }.merging(["country": ["Côte d'Ivoire", "France"]]) { $1 },
            parameters: ["as_of"])
    }

    func run(_ statement: String, parameters: [String: String], format: ReplFormat, maxRows: Int?,
             cancellation: CancellationToken) throws -> ReplResult {
        log.calls.withLock { $0.append(Call(statement: statement, parameters: parameters, format: format, maxRows: maxRows)) }
        if statement == "cancel_me" {
            flag?.cancel()
            try cancellation.check()
        }
        if statement == "slow" {
            for _ in 0..<3000 {
                try cancellation.check()
                usleep(10_000)
            }
        }
        if statement == "stuck" { sleep(20) }
        let query = try FakeQuery(statement, parameters: parameters, dimensions: Array(Self.figures.keys) + ["customer_group"],
                                  metrics: completionWords.metrics.map(\.name))
        let keys = query.dimension.map { Self.figures[$0]?.keys.sorted() ?? [] } ?? ["total"]
        let rows = keys.map { key in [key] + query.metrics.map { Self.figures[query.dimension ?? "entity"]?[key]?[$0] ?? "1,000.00" } }
        let shown = Array(rows.prefix(maxRows ?? rows.count))
        let header = [query.dimension ?? "scope"] + query.metrics
        return ReplResult(text: render(header: header, rows: shown, format: format), rowCount: rows.count,
                          renderedRowCount: shown.count, chartPayload: ReplChartPayload(rows.count))
    }

    private func render(header: [String], rows: [[String]], format: ReplFormat) -> String {
        switch format {
        case .csv:
            return ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .json:
            let objects = rows.map { row in
                "{" + zip(header, row).map { "\"\($0)\": \"\($1)\"" }.joined(separator: ", ") + "}"
            }
            return "[" + objects.joined(separator: ",\n ") + "]\n"
        case .table:
            let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
            return ([header] + rows).map { row in
                zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
            }.joined(separator: "\n") + "\n"
        }
    }

    func chart(lastStatement: String, parameters: [String: String], payload: ReplChartPayload?, to path: String) throws {
        guard path.hasSuffix(".png") || path.hasSuffix(".svg") else {
            throw FakeError(description: "error: cannot chart to '\(path)': unknown extension\nhelp: use .png, .svg or .pdf")
        }
        try Data("chart of \(lastStatement) (\(payload?.value as? Int ?? -1) rows)\n".utf8).write(to: URL(fileURLWithPath: path))
    }

    func describeSnapshots() -> String { "\(name): 1 snapshot, as of 2026-10-31 (2 entities, 4 customers)" }

    func open(_ data: String) throws -> any ReplBackend {
        guard !data.contains("missing") else {
            throw FakeError(description: "error: cannot open '\(data)': no such store or snapshot folder")
        }
        return FakeBackend(name: data, flag: flag, log: log)
    }
}

struct FakeError: Error, CustomStringConvertible {
    var description: String
}
