import ARCore
import Foundation

/// A folder holding a history of imported snapshots, each stored as a ledger archive.
///
/// ```
/// store/
///   arlens-store.json            manifest: one entry per snapshot (see SnapshotEntry)
///   .lock                        flock(2) target serialising adds
///   snapshots/<id>/ledger.arl    the archived ledger
///   snapshots/<id>/report.json   the import report, when one was given
///   tmp/                         adds in progress
/// ```
///
/// An add never leaves the store half-written: the snapshot is written into `tmp/`, renamed
/// into `snapshots/`, and only then listed in the manifest, which is itself replaced through a
/// rename. A crash leaves at worst an unlisted folder, cleaned by the next add. Adds from several
/// processes are serialised by an exclusive lock; reads take no lock.
///
/// A query as of day D reads the earliest snapshot whose as-of is on or after D (see
/// ``resolve(asOf:)`` and docs/store.md).
public struct SnapshotStore: Sendable {
    public let url: URL

    /// Opens the store at `url`, creating it when the folder is missing or empty.
    /// - Throws: ``SnapshotStoreError/notAStore(path:)`` when the folder holds other files.
    public init(at url: URL) throws {
        self.url = url.standardizedFileURL
        if SnapshotStore.isStore(self.url) { return }
        let fm = FileManager.default
        if fm.fileExists(atPath: self.url.path) {
            let contents = (try? fm.contentsOfDirectory(atPath: self.url.path)) ?? []
            guard contents.filter({ !$0.hasPrefix(".") }).isEmpty else { throw SnapshotStoreError.notAStore(path: self.url.path) }
        }
        do {
            try fm.createDirectory(at: snapshotsFolder, withIntermediateDirectories: true)
        } catch {
            throw SnapshotStoreError.io(path: self.url.path, operation: "create store", reason: error.localizedDescription)
        }
        let store = self.url
        let manifest = store.appendingPathComponent(SnapshotManifest.fileName).path
        try FileSystem.withExclusiveLock(lockFile) {
            if !fm.fileExists(atPath: manifest) { try SnapshotManifest().write(store: store) }
        }
    }

    /// Whether `url` is a snapshot store folder, as opposed to a folder of CSV files: it holds a
    /// store manifest (readable or not), or a `snapshots` folder and no `invoices.csv`. A store whose
    /// manifest is damaged or missing is still a store, so that opening it says what is wrong with
    /// which file instead of reading it as a CSV snapshot.
    public static func isStore(_ url: URL) -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.appendingPathComponent(SnapshotManifest.fileName).path) { return true }
        var isFolder: ObjCBool = false
        return fm.fileExists(atPath: url.appendingPathComponent("snapshots").path, isDirectory: &isFolder) && isFolder.boolValue
            && !fm.fileExists(atPath: url.appendingPathComponent("invoices.csv").path)
    }

    /// The snapshots, by as-of date, then in the order they were added.
    public func list() throws -> [SnapshotEntry] {
        let entries = try SnapshotManifest.read(store: url).snapshots
        return entries.indices.sorted { (entries[$0].asOf, $0) < (entries[$1].asOf, $1) }.map { entries[$0] }
    }

    /// Reads a snapshot's ledger, checking that its archive is the one the manifest lists.
    /// - Throws: ``SnapshotStoreError/archiveMismatch(id:path:detail:)`` for an archive that lies
    ///   outside the store or is not the one recorded (``LedgerArchiveError`` for a damaged one).
    public func load(_ entry: SnapshotEntry) throws -> Ledger {
        guard let listed = try SnapshotManifest.read(store: url).snapshots.first(where: { $0.id == entry.id }) else {
            throw SnapshotStoreError.unknownSnapshot(id: entry.id, path: url.path)
        }
        let archive = try file("ledger.arl", of: listed)
        if let checksum = listed.archiveChecksum {
            return try LedgerArchive.read(from: archive, expectingChecksum: UInt64(checksum, radix: 16))
        }
        // Entries from before archive checksums were recorded: hash the whole file.
        let found = XXHash64.hex(try FileSystem.hashFile(archive))
        guard found == listed.contentHash.lowercased() else {
            throw SnapshotStoreError.archiveMismatch(id: listed.id, path: url.path,
                detail: "ledger.arl has content hash \(found), the manifest says \(listed.contentHash): it was replaced or copied in from elsewhere")
        }
        return try LedgerArchive.read(from: archive)
    }

    /// The import report stored with a snapshot, if any.
    public func report(_ entry: SnapshotEntry) throws -> Data? {
        let report = try file("report.json", of: entry)
        guard FileManager.default.fileExists(atPath: report.path) else { return nil }
        do { return try FileSystem.readFile(report) } catch {
            throw SnapshotStoreError.io(path: report.path, operation: "read", reason: error.reason)
        }
    }

    /// A file of a snapshot's folder, refused when links take it outside the store.
    private func file(_ name: String, of entry: SnapshotEntry) throws -> URL {
        let file = folder(of: entry.id).appendingPathComponent(name)
        guard SnapshotEntry.isFolderName(entry.id), FileSystem.isInside(file, root: url) else {
            throw SnapshotStoreError.archiveMismatch(id: entry.id, path: url.path, detail: "\(name) lies outside the store")
        }
        return file
    }

    /// The snapshot that answers a query as of `asOf`: the earliest whose as-of is on or after it
    /// (the extraction closest to that day that already knows everything dated up to it); with
    /// `nil`, the latest. Of several snapshots with the same as-of, the last added wins.
    /// - Throws: ``SnapshotStoreError/noSnapshotCovers(requested:latest:path:)`` for a day after
    ///   the latest snapshot, ``SnapshotStoreError/empty(path:)`` for an empty store.
    public func resolve(asOf: Day?) throws -> SnapshotEntry {
        let entries = try list()
        guard let latest = entries.last else { throw SnapshotStoreError.empty(path: url.path) }
        guard let asOf else { return latest }
        guard let first = entries.first(where: { $0.asOf >= asOf }) else {
            throw SnapshotStoreError.noSnapshotCovers(requested: asOf, latest: latest.asOf, path: url.path)
        }
        return entries.last { $0.asOf == first.asOf }!
    }

    // MARK: - Layout

    var snapshotsFolder: URL { url.appendingPathComponent("snapshots") }
    var temporaryFolder: URL { url.appendingPathComponent("tmp") }
    var lockFile: URL { url.appendingPathComponent(".lock") }
    func folder(of id: String) -> URL { snapshotsFolder.appendingPathComponent(id) }
}
