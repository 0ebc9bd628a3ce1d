import ARCore
import ARImport
import ARStore
import ArgumentParser
import Foundation

/// `--data` and `--mapping`, shared by every command that reads a snapshot.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A CSV folder, a SQLite file or a store folder (default: datasets/sample).", valueName: "data"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("A YAML mapping file for a layout other than the interchange one.", valueName: "file"))
    var mapping: String?

    /// The path asked for, else the bundled sample when run from the repository.
    func resolvedPath() throws -> String {
        if let data { return data }
        if let env = ProcessInfo.processInfo.environment["ARLENS_DATA"] { return env }
        let sample = "datasets/sample"
        guard FileManager.default.fileExists(atPath: sample) else {
            throw CommandFailure("no --data given and no datasets/sample here: pass --data FOLDER, FILE.sqlite or a store folder")
        }
        return sample
    }

    /// Loads the snapshot.
    func load(quiet: Bool = false) throws -> LoadedSnapshot {
        try LoadedSnapshot.load(path: resolvedPath(), mapping: mapping, quiet: quiet)
    }
}

/// A snapshot loaded for a command, with what the import rejected.
struct LoadedSnapshot {
    var ledger: Ledger
    var description: String
    var rejects: [Reject]
    var report: ImportReport?
    /// The store it came from, to answer a query as of an earlier day from the snapshot that
    /// covers that day (docs/store.md, "Which snapshot answers 'as of D'").
    var store: SnapshotStore?
    var entry: SnapshotEntry?

    /// The snapshot that answers a query as of `day`: this one, or for a store the earliest
    /// snapshot whose as-of is on or after `day`.
    func covering(_ day: Day) throws -> LoadedSnapshot {
        guard let store, let entry, day < ledger.snapshot.asOf else { return self }
        let covering = try store.resolve(asOf: day)
        guard covering.id != entry.id else { return self }
        var other = self
        other.ledger = try store.load(covering)
        other.entry = covering
        other.description = "\(store.url.path) (snapshot \(covering.asOf))"
        return other
    }

    static func load(path: String, mapping: String?, quiet: Bool = false) throws -> LoadedSnapshot {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("'\(path)' does not exist: pass --data FOLDER, FILE.sqlite or a store folder")
        }
        if mapping == nil, SnapshotStore.isStore(url) {
            let store = try SnapshotStore(at: url)
            let entry = try store.resolve(asOf: nil)
            return LoadedSnapshot(ledger: try store.load(entry), description: "\(path) (snapshot \(entry.asOf))",
                                  rejects: [], report: nil, store: store, entry: entry)
        }
        let mappingFile = try mapping.map { try MappingFile.load(from: URL(fileURLWithPath: $0)) }
        let result = try SnapshotImporter.load(from: url, mapping: mappingFile, progress: quiet ? nil : ImportProgressView.report)
        Terminal.clearStatus()
        if !result.rejects.isEmpty && !quiet {
            Terminal.error("warning: \(result.rejects.count) rows of '\(path)' were rejected; run 'arlens import' to see them")
        }
        return LoadedSnapshot(ledger: result.ledger, description: path, rejects: result.rejects, report: result.report)
    }
}

/// Shows import progress on a terminal, and nothing when standard error is piped.
enum ImportProgressView {
    static let report: @Sendable (ImportProgress) -> Void = { p in
        guard Terminal.stderrIsTerminal else { return }
        let percent = p.bytesTotal > 0 ? " \(p.bytesDone * 100 / p.bytesTotal)%" : ""
        Terminal.status("reading \(p.file): \(p.rowsDone) rows\(percent)")
    }
}
