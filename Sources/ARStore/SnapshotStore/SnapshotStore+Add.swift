import ARCore
import Foundation

extension SnapshotStore {
    /// Adds a snapshot, unless one with the same content (the same archive bytes) is there.
    ///
    /// - Parameters:
    ///   - source: where it came from (the imported path), kept in the manifest.
    ///   - report: the import report (JSON), stored beside the archive.
    /// - Returns: ``AddOutcome/added(_:)`` or ``AddOutcome/alreadyPresent(_:)`` with the entry.
    public func add(_ ledger: Ledger, source: String, report: Data?) throws -> AddOutcome {
        try FileSystem.withExclusiveLock(lockFile) {
            try removeLeftovers()
            let work = temporaryFolder.appendingPathComponent("add-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            try create(work)
            do {
                let archive = work.appendingPathComponent("ledger.arl")
                try LedgerArchive.write(ledger, to: archive)
                if let report { try FileSystem.writeAtomically(report, to: work.appendingPathComponent("report.json")) }
                let hash = XXHash64.hex(try FileSystem.hashFile(archive))
                let checksum = XXHash64.hex(try LedgerArchive.tableChecksum(of: archive))
                var manifest = try SnapshotManifest.read(store: url)
                if let existing = manifest.snapshots.first(where: { $0.contentHash == hash }) {
                    try? FileManager.default.removeItem(at: work)
                    return .alreadyPresent(existing)
                }
                let id = uniqueID(asOf: ledger.snapshot.asOf, hash: hash, taken: Set(manifest.snapshots.map(\.id)))
                let destination = folder(of: id)
                // An unlisted folder of that name is what a crash between rename and manifest left.
                try? FileManager.default.removeItem(at: destination)
                guard rename(work.path, destination.path) == 0 else { throw FileSystem.error(destination.path, "rename into") }
                FileSystem.syncDirectory(snapshotsFolder)
                let entry = SnapshotEntry(id: id, ledger: ledger, source: source, contentHash: hash, archiveChecksum: checksum,
                                          importedAt: Date().formatted(.iso8601), hasReport: report != nil)
                manifest.snapshots.append(entry)
                try manifest.write(store: url)
                return .added(entry)
            } catch {
                try? FileManager.default.removeItem(at: work)
                throw error
            }
        }
    }

    /// `<as_of>-<8 hex digits>`, or the full hash in the unlikely case the short one is taken.
    private func uniqueID(asOf: Day, hash: String, taken: Set<String>) -> String {
        let short = asOf.iso + "-" + hash.prefix(8)
        return taken.contains(short) ? asOf.iso + "-" + hash : short
    }

    /// Removes what interrupted adds left: folders in `tmp/` and snapshot folders the manifest
    /// does not list. Called with the lock held, so no add is in progress.
    private func removeLeftovers() throws {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: temporaryFolder.path)) ?? [] {
            try? fm.removeItem(at: temporaryFolder.appendingPathComponent(name))
        }
        let listed = Set(try SnapshotManifest.read(store: url).snapshots.map(\.id))
        for name in (try? fm.contentsOfDirectory(atPath: snapshotsFolder.path)) ?? [] where !listed.contains(name) {
            try? fm.removeItem(at: folder(of: name))
        }
    }

    private func create(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SnapshotStoreError.io(path: folder.path, operation: "create", reason: error.localizedDescription)
        }
    }
}
