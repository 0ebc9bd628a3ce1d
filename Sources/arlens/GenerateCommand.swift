import ARCore
import ARGenerator
import ArgumentParser
import Foundation

/// `arlens generate`: a realistic synthetic ledger.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic ledger in the interchange layout (deterministic for a seed).",
        discussion: "Example: arlens generate --invoices 1000000 --seed 7 --as-of 2026-10-31 --out /tmp/ledger-1m"
    )

    @Option(name: .long, help: "Number of documents (invoices and credit notes).")
    var invoices: Int

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 42

    @Option(name: .customLong("as-of"), help: "As-of date, YYYY-MM-DD (default: the last month end).")
    var asOf: String?

    @Option(name: .long, help: "Output folder.")
    var out: String

    @Option(name: .long, help: "csv or sqlite.")
    var format: GeneratorFormat = .csv

    enum GeneratorFormat: String, ExpressibleByArgument { case csv, sqlite }

    func run() throws {
        guard invoices > 0 else { throw ValidationError("--invoices must be positive") }
        let day: Day
        if let asOf {
            guard let parsed = Day(iso: asOf) else { throw ValidationError("--as-of takes YYYY-MM-DD, found '\(asOf)'") }
            day = parsed
        } else {
            let today = Day(rawValue: Int32(Date().timeIntervalSince1970 / 86_400))
            day = today.startOfMonth.adding(days: -1)
        }
        let config = GeneratorConfig(invoices: invoices, seed: seed, asOf: day)
        let output: ARGenerator.OutputFormat = format == .csv ? .csv : .sqlite
        let summary = try LedgerGenerator.write(config, to: URL(fileURLWithPath: out), format: output) { written, total in
            Terminal.status("generating: \(written) of \(total) documents")
        }
        Terminal.clearStatus()
        print(summary.renderedTable, terminator: summary.renderedTable.hasSuffix("\n") ? "" : "\n")
    }
}
