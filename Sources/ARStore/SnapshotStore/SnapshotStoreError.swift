import ARCore

/// Why a snapshot store operation failed. Each message names the store folder.
public enum SnapshotStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder holds other files but no store manifest.
    case notAStore(path: String)
    /// The manifest cannot be read.
    case corruptManifest(path: String, detail: String)
    /// The folder has the store's layout (`snapshots/`) but no manifest.
    case missingManifest(path: String)
    /// A snapshot's archive is not the one the manifest lists (its checksum differs), or lies
    /// outside the store.
    case archiveMismatch(id: String, path: String, detail: String)
    /// No snapshot has been added yet.
    case empty(path: String)
    /// The requested date is after the latest snapshot, whose extraction cannot know it.
    case noSnapshotCovers(requested: Day, latest: Day, path: String)
    /// The entry is not (or no longer) in the store.
    case unknownSnapshot(id: String, path: String)
    case io(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case let .notAStore(path):
            "'\(path)' is not a snapshot store: it has files but no \(SnapshotManifest.fileName); choose an empty or new folder"
        case let .corruptManifest(path, detail):
            "the manifest of snapshot store '\(path)' cannot be read: \(detail)"
        case let .missingManifest(path):
            "snapshot store '\(path)' has a snapshots folder but no \(SnapshotManifest.fileName): it was deleted or never written; restore it from a backup, or import into a new store"
        case let .archiveMismatch(id, path, detail):
            "snapshot '\(id)' of store '\(path)': \(detail); re-import the snapshot"
        case let .empty(path):
            "snapshot store '\(path)' holds no snapshot yet: add one with 'arlens import <snapshot> --into \(path)'"
        case let .noSnapshotCovers(requested, latest, path):
            "no snapshot of '\(path)' covers \(requested.iso): the latest is as of \(latest.iso); import a later extraction or ask for a date on or before \(latest.iso)"
        case let .unknownSnapshot(id, path):
            "snapshot '\(id)' is not in store '\(path)'"
        case let .io(path, operation, reason):
            "cannot \(operation) '\(path)': \(reason)"
        }
    }
}
