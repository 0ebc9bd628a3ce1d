import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's table of contents, `arlens-store.json`: the format marker and the entries in the
/// order they were added. It is only ever replaced whole (temporary file, then rename).
struct SnapshotManifest: Codable, Equatable {
    static let fileName = "arlens-store.json"
    static let formatName = "arlens-snapshot-store"

    var format = SnapshotManifest.formatName
    var version = 1
    var snapshots: [SnapshotEntry] = []

    /// Reads and checks the manifest of `store`.
    /// - Throws: ``SnapshotStoreError`` saying what is wrong with which file: missing, unreadable,
    ///   empty, not JSON (truncated), another format or version, or an entry that is not valid.
    static func read(store: URL) throws -> SnapshotManifest {
        let url = store.appendingPathComponent(fileName)
        let data: Data
        do { data = try FileSystem.readFile(url) } catch {
            if error.code == ENOENT { throw SnapshotStoreError.missingManifest(path: store.path) }
            throw SnapshotStoreError.io(path: url.path, operation: "read the store manifest", reason: error.reason)
        }
        guard !data.isEmpty else {
            throw SnapshotStoreError.corruptManifest(path: store.path, detail: "\(fileName) is empty (0 bytes)" + restore)
        }
        let manifest: SnapshotManifest
        do {
            manifest = try JSONDecoder().decode(SnapshotManifest.self, from: data)
        } catch {
            throw SnapshotStoreError.corruptManifest(path: store.path, detail: "\(fileName) (\(data.count) bytes) " + describe(error) + restore)
        }
        guard manifest.format == formatName else {
            throw SnapshotStoreError.corruptManifest(path: store.path, detail: "format is \(quoted(manifest.format)), expected '\(formatName)'")
        }
        guard manifest.version == 1 else {
            throw SnapshotStoreError.corruptManifest(path: store.path, detail: "version \(manifest.version) is newer than this ARLens reads (1)")
        }
        try manifest.checkEntries(store: store)
        return manifest
    }

    /// Every id names a folder inside `snapshots/`, once, and every hash is 16 hex digits.
    private func checkEntries(store: URL) throws {
        let restore = Self.restore
        var seen = Set<String>()
        for (k, entry) in snapshots.enumerated() {
            guard SnapshotEntry.isFolderName(entry.id) else {
                throw SnapshotStoreError.corruptManifest(path: store.path,
                    detail: "snapshot \(k + 1) has id \(quoted(entry.id)), which is not a snapshot folder name such as 2026-10-31-3fa2c9d1" + restore)
            }
            guard seen.insert(entry.id).inserted else {
                throw SnapshotStoreError.corruptManifest(path: store.path, detail: "snapshot id \(quoted(entry.id)) is listed twice" + restore)
            }
            guard SnapshotEntry.isHash(entry.contentHash), entry.archiveChecksum.map(SnapshotEntry.isHash) ?? true else {
                throw SnapshotStoreError.corruptManifest(path: store.path,
                    detail: "snapshot \(quoted(entry.id)) has a content_hash or archive_checksum that is not 16 hexadecimal digits" + restore)
            }
        }
    }

    private static let restore = ": restore it from a backup, or import the snapshots into a new store"

    /// A decoding error in a few words: where in the document, and what.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "cannot be read: \(error)" }
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            return "is not valid JSON: it was cut short or damaged"
        case let .dataCorrupted(context): return "has a bad value\(at(context.codingPath)): \(context.debugDescription)"
        case let .keyNotFound(key, context): return "lacks '\(key.stringValue)'\(at(context.codingPath))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "has a value of the wrong type\(at(context.codingPath))"
        @unknown default: return "cannot be read"
        }
    }

    /// Replaces the manifest atomically.
    func write(store: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileSystem.writeAtomically(try encoder.encode(self), to: store.appendingPathComponent(SnapshotManifest.fileName))
    }
}
