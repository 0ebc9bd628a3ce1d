import ARStore
import ArgumentParser
import Foundation

/// `arlens inspect`: what a snapshot holds.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what a snapshot holds: counts, date ranges, totals per entity and currency, rejects."
    )

    @Argument(help: "A CSV folder, a SQLite file or a store folder (default: datasets/sample).")
    var data: String?

    @Option(name: .long, help: "A YAML mapping file for a layout other than the interchange one.")
    var mapping: String?

    @Option(name: .long, help: "table or json.")
    var format: InspectFormat = .table

    enum InspectFormat: String, ExpressibleByArgument { case table, json }

    func run() throws {
        let options = try DataOptions.parse((data.map { ["--data", $0] } ?? []) + (mapping.map { ["--mapping", $0] } ?? []))
        let snapshot = try options.load(quiet: true)
        let summary = LedgerSummary(snapshot.ledger)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        case .table:
            print("snapshot: \(snapshot.description)")
            print(summary.renderedTable, terminator: summary.renderedTable.hasSuffix("\n") ? "" : "\n")
            if let report = snapshot.report {
                print()
                print(report.rendered, terminator: report.rendered.hasSuffix("\n") ? "" : "\n")
            }
            if !snapshot.rejects.isEmpty {
                print("\n\(snapshot.rejects.count) rejected rows; the first ones:")
                for reject in snapshot.rejects.prefix(10) {
                    print("  \(reject.file):\(reject.line): \(reject.reason): \(reject.message)")
                }
            }
        }
    }
}
