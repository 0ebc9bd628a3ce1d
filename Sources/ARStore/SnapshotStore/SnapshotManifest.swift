import Foundation

/// The store's table of contents, `arlens-store.json`: the format marker and the entries in the
/// order they were added. It is only ever replaced whole (temporary file, then rename).
struct SnapshotManifest: Codable, Equatable {
    static let fileName = "arlens-store.json"
    static let formatName = "arlens-snapshot-store"

    var format = SnapshotManifest.formatName
    var version = 1
    var snapshots: [SnapshotEntry] = []

    static func read(store: URL) throws -> SnapshotManifest {
        let url = store.appendingPathComponent(fileName)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SnapshotStoreError.io(path: url.path, operation: "read", reason: error.localizedDescription)
        }
        let manifest: SnapshotManifest
        do {
            manifest = try JSONDecoder().decode(SnapshotManifest.self, from: data)
        } catch {
            throw SnapshotStoreError.corruptManifest(path: store.path, detail: "\(error)")
        }
        guard manifest.format == formatName else {
            throw SnapshotStoreError.corruptManifest(path: store.path, detail: "format is '\(manifest.format)', expected '\(formatName)'")
        }
        guard manifest.version == 1 else {
            throw SnapshotStoreError.corruptManifest(path: store.path, detail: "version \(manifest.version) is newer than this ARLens reads (1)")
        }
        return manifest
    }

    /// Replaces the manifest atomically.
    func write(store: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileSystem.writeAtomically(try encoder.encode(self), to: store.appendingPathComponent(SnapshotManifest.fileName))
    }
}
