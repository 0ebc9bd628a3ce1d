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
    private func storedReport(_ source: SnapshotSource) throws -> ImportReport? {
        guard let store = source.store, let entry = source.latest.entry, let data = try store.report(entry) else { return nil }
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
        var asOfOrigin: String?
        var notices: [String]

        enum CodingKeys: String, CodingKey { case flagCounts = "flag_counts", flags, asOfOrigin = "as_of_origin", notices }

        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(flagCounts, forKey: .flagCounts)
            try c.encode(flags, forKey: .flags)
            try c.encodeIfPresent(asOfOrigin, forKey: .asOfOrigin)
            try c.encode(notices, forKey: .notices)
        }
    }

    func run() throws {
        let options = try DataOptions.parse((data.map { ["--data", $0] } ?? []) + (mapping.map { ["--mapping", $0] } ?? []))
        let data = try options.open(quiet: true)
        let summary = LedgerSummary(try data.latestLedger())
        let report = try data.report ?? storedReport(data.source)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(InspectJSON(summary: summary, flagCounts: report?.flagCounts ?? [],
                                                                   flags: report?.flags ?? [], asOfOrigin: report?.asOfOrigin,
                                                                   notices: report?.notices ?? [])), as: UTF8.self))
        case .table:
            // Said first, before any figure: every overdue figure below depends on the date.
            for notice in report?.notices ?? [] { print("warning: " + notice) }
            print(Self.snapshots(of: data.source), terminator: "")
            print(summary.renderedTable, terminator: summary.renderedTable.hasSuffix("\n") ? "" : "\n")
            if let report {
                print()
                print(report.rendered, terminator: report.rendered.hasSuffix("\n") ? "" : "\n")
            }
            if !data.rejects.isEmpty {
                print("\n\(data.rejects.count) rejected rows; the first ones:")
                for reject in data.rejects.prefix(10) {
                    print("  \(DisplayText.escaped(reject.file)):\(reject.line): \(reject.reason): \(DisplayText.escaped(reject.message))")
                }
            }
        }
    }

    /// The snapshots a query can read, latest last (the one the figures below describe).
    static func snapshots(of source: SnapshotSource) -> String {
        guard source.store != nil else { return "snapshot: \(DisplayText.escaped(source.label)) (as of \(source.latest.asOf.iso))\n" }
        var text = "store: \(DisplayText.escaped(source.label)), \(source.snapshots.count) snapshot\(source.snapshots.count == 1 ? "" : "s")\n"
        for snapshot in source.snapshots {
            let counts = snapshot.entry.map { ", \($0.counts.documents) documents, imported \($0.importedAt)" } ?? ""
            text += "  \(snapshot.id)  as of \(snapshot.asOf.iso)\(counts)\n"
        }
        return text + "latest snapshot (\(source.latest.id)):\n"
    }
}
