import ARCore
import ARImport
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

    /// The import report a store keeps with its snapshot (its flagged rows among others).
    private func storedReport(_ snapshot: LoadedSnapshot) throws -> ImportReport? {
        guard let store = snapshot.store, let entry = snapshot.entry, let data = try store.report(entry) else { return nil }
        do { return try JSONDecoder().decode(ImportReport.self, from: data) } catch {
            throw CommandFailure("the import report of snapshot '\(entry.id)' in '\(store.url.path)' cannot be read: "
                + "report.json is damaged; the ledger itself is fine (query it), or re-import the snapshot")
        }
    }

    /// `--format json`: the summary's fields, then the warnings of the import.
    private struct InspectJSON: Encodable {
        var summary: LedgerSummary
        var flagCounts: [ImportReport.FlagCount]
        var flags: [ImportReport.FlaggedRow]

        enum CodingKeys: String, CodingKey { case flagCounts = "flag_counts", flags }

        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(flagCounts, forKey: .flagCounts)
            try c.encode(flags, forKey: .flags)
        }
    }

    func run() throws {
        let options = try DataOptions.parse((data.map { ["--data", $0] } ?? []) + (mapping.map { ["--mapping", $0] } ?? []))
        let snapshot = try options.load(quiet: true)
        let summary = LedgerSummary(snapshot.ledger)
        let report = try snapshot.report ?? storedReport(snapshot)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(InspectJSON(summary: summary, flagCounts: report?.flagCounts ?? [],
                                                                   flags: report?.flags ?? [])), as: UTF8.self))
        case .table:
            print("snapshot: \(snapshot.description)")
            print(summary.renderedTable, terminator: summary.renderedTable.hasSuffix("\n") ? "" : "\n")
            if let report {
                print()
                print(report.rendered, terminator: report.rendered.hasSuffix("\n") ? "" : "\n")
            }
            if !snapshot.rejects.isEmpty {
                print("\n\(snapshot.rejects.count) rejected rows; the first ones:")
                for reject in snapshot.rejects.prefix(10) {
                    print("  \(DisplayText.escaped(reject.file)):\(reject.line): \(reject.reason): \(DisplayText.escaped(reject.message))")
                }
            }
        }
    }
}
