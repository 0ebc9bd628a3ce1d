import ARCore
import ARStore
import Foundation

/// The data a front end opened: the snapshots it can answer from, and what importing them
/// rejected (a store was reconciled when it was imported, so it brings no rejects).
///
/// ```swift
/// let data = try OpenedData.open(path: "out/store")
/// let runner = QueryRunner(source: data.source)
/// ```
public struct OpenedData: Sendable {
    public var source: SnapshotSource
    /// Rows the import of a CSV folder or SQLite file rejected; empty for a store.
    public var rejects: [Reject]
    /// The import report of a CSV folder or SQLite file; `nil` for a store.
    public var report: ImportReport?

    public init(source: SnapshotSource, rejects: [Reject] = [], report: ImportReport? = nil) {
        self.source = source
        self.rejects = rejects
        self.report = report
    }

    /// The latest snapshot's ledger.
    public func latestLedger() throws -> Ledger {
        try source.load(source.latest)
    }

    /// Opens a snapshot store (its whole history), or imports a CSV folder or SQLite file, in the
    /// interchange layout or through a mapping file.
    /// - Throws: ``ImportError`` for a missing path or a failed import, ``SnapshotStoreError``
    ///   for an unreadable or empty store.
    public static func open(path: String, mapping: String? = nil,
                            progress: (@Sendable (ImportProgress) -> Void)? = nil) throws -> OpenedData {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ImportError(file: path, message: "does not exist: give a CSV folder, a SQLite file or a store folder")
        }
        if mapping == nil, SnapshotStore.isStore(url) {
            return OpenedData(source: try SnapshotSource(store: SnapshotStore(at: url)))
        }
        let mappingFile = try mapping.map { try MappingFile.load(from: URL(fileURLWithPath: $0)) }
        let result = try SnapshotImporter.load(from: url, mapping: mappingFile, progress: progress)
        return OpenedData(source: SnapshotSource(ledger: result.ledger, label: path), rejects: result.rejects,
                          report: result.report)
    }
}
