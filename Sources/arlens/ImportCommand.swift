import ARImport
import ARStore
import ArgumentParser
import Foundation

/// `arlens import`: reads a snapshot, reconciles it, and adds it to a store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a snapshot (CSV folder or SQLite file) into a store, reconciling every row.",
        discussion: """
        Rows that cannot be read go to STORE/rejects-<snapshot>.csv with file, line, reason and raw text;
        the report reconciles rows and amounts read = loaded + rejected, per file. Importing the same
        snapshot twice does not add it twice.
        Examples:
          arlens import datasets/sample --into store
          arlens import export.csv --mapping datasets/mappings/ibm-wa-accounts-receivable.yaml --into store
        """
    )

    @Argument(help: "A CSV folder, a SQLite file, or (with --mapping) one of the exported files.")
    var source: String

    @Option(name: .long, help: "A YAML mapping file for a layout other than the interchange one.")
    var mapping: String?

    @Option(name: .long, help: "The store folder to add the snapshot to (created when missing).")
    var into: String

    @Flag(name: .long, help: "Print the import report as JSON.")
    var json = false

    func run() throws {
        let mappingFile = try mapping.map { try MappingFile.load(from: URL(fileURLWithPath: $0)) }
        let result = try SnapshotImporter.load(from: URL(fileURLWithPath: source), mapping: mappingFile,
                                               progress: ImportProgressView.report)
        Terminal.clearStatus()
        let store = try SnapshotStore(at: URL(fileURLWithPath: into))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let reportJSON = try encoder.encode(result.report)
        let outcome = try store.add(result.ledger, source: source, report: reportJSON)
        var rejectsPath: String?
        if !result.rejects.isEmpty {
            let url = URL(fileURLWithPath: into).appendingPathComponent("rejects-\(outcome.entry.id).csv")
            try result.writeRejects(to: url)
            rejectsPath = url.path
        }
        if json {
            print(String(decoding: reportJSON, as: UTF8.self))
        } else {
            print(result.report.rendered, terminator: result.report.rendered.hasSuffix("\n") ? "" : "\n")
        }
        switch outcome {
        case let .added(entry): print("added snapshot \(entry.id) (as of \(entry.asOf.iso)) to \(into)")
        case let .alreadyPresent(entry): print("snapshot \(entry.id) is already in \(into): nothing added")
        }
        if let rejectsPath { print("\(result.rejects.count) rejected rows written to \(rejectsPath)") }
        if !result.report.isReconciled { throw CommandFailure("the import does not reconcile: see the report above") }
    }
}
