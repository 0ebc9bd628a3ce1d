import ARCore
import Foundation
import Testing
@testable import ARStore

/// Issue 16, items 10 and 11: each damage to a store's files says what is wrong with which file,
/// and a manifest can neither point outside the store nor at another ledger's archive.
final class DamagedStoreTests {
    let folder: URL
    let store: SnapshotStore
    let entry: SnapshotEntry
    var manifest: URL { folder.appendingPathComponent("arlens-store.json") }
    var archive: URL { store.folder(of: entry.id).appendingPathComponent("ledger.arl") }

    init() throws {
        folder = try LedgerFixtures.temporaryFolder("damaged-\(UUID().uuidString)")
        store = try SnapshotStore(at: folder)
        entry = try store.add(try LedgerFixtures.richLedger(), source: "fixture", report: nil).entry
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// What opening and querying the store throws, as the user reads it.
    private func failure() -> String {
        do {
            let store = try SnapshotStore(at: folder)
            _ = try store.load(try store.resolve(asOf: nil))
            return "no error"
        } catch { return "\(error)" }
    }

    @Test func aMissingManifestIsNamedNotMistakenForACSVFolder() throws {
        try FileManager.default.removeItem(at: manifest)
        #expect(SnapshotStore.isStore(folder))
        #expect(failure() == "snapshot store '\(store.url.path)' has a snapshots folder but no arlens-store.json: it was deleted "
            + "or never written; restore it from a backup, or import into a new store")
        // Opening it for an import neither recreates the manifest nor deletes the unlisted snapshot.
        #expect(throws: SnapshotStoreError.missingManifest(path: store.url.path)) {
            try SnapshotStore(at: folder).add(try LedgerFixtures.richLedger(), source: "again", report: nil)
        }
        #expect(FileManager.default.fileExists(atPath: archive.path))
    }

    @Test func anEmptyTruncatedOrUnreadableManifestSaysSo() throws {
        try Data().write(to: manifest)
        #expect(failure().contains("cannot be read: arlens-store.json is empty (0 bytes): restore it from a backup"))
        let whole = try JSONEncoder().encode(SnapshotManifest(snapshots: [entry]))
        for cut in [1, whole.count / 2, whole.count - 1] {
            try whole.prefix(cut).write(to: manifest)
            #expect(failure() == "the manifest of snapshot store '\(store.url.path)' cannot be read: arlens-store.json (\(cut) bytes) "
                + "is not valid JSON: it was cut short or damaged: restore it from a backup, or import the snapshots into a new store")
        }
        try FileManager.default.removeItem(at: manifest)
        try FileManager.default.createDirectory(at: manifest, withIntermediateDirectories: false)
        #expect(failure() == "cannot read the store manifest '\(manifest.path)': Is a directory")
    }

    @Test func anEntryPointingOutsideTheStoreIsRefused() throws {
        var bad = entry
        bad.id = "../../etc"
        try SnapshotManifest(snapshots: [bad]).write(store: folder)
        #expect(failure().contains("snapshot 1 has id '../../etc', which is not a snapshot folder name"))
        // A snapshot folder that is a link to elsewhere is refused too.
        let outside = try LedgerFixtures.temporaryFolder("outside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try SnapshotManifest(snapshots: [entry]).write(store: folder)
        try FileManager.default.removeItem(at: store.folder(of: entry.id))
        try FileManager.default.createSymbolicLink(at: store.folder(of: entry.id), withDestinationURL: outside)
        #expect(failure() == "snapshot '\(entry.id)' of store '\(store.url.path)': ledger.arl lies outside the store; re-import the snapshot")
    }

    @Test func anArchiveWithBytesAppendedIsNotCalledTruncated() throws {
        let handle = try FileHandle(forWritingTo: archive)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        #expect(failure().contains("is corrupt: 1 bytes follow the end its header gives"))
        #expect(failure().contains("something was appended to it"))
        // Cut short instead, it is truncated.
        let bytes = try Data(contentsOf: archive)
        try bytes.prefix(bytes.count - 2).write(to: archive)
        #expect(failure().contains("is truncated"))
    }

    @Test func aSwappedArchiveIsRefusedByItsChecksum() throws {
        var other = try LedgerFixtures.richLedger()
        other.snapshot.source = "another ledger"
        try LedgerArchive.write(other, to: archive)
        #expect(failure().contains("is not the archive the store's manifest lists"))
        // A manifest written before archive checksums existed: the whole file is hashed instead.
        var old = entry
        old.archiveChecksum = nil
        try SnapshotManifest(snapshots: [old]).write(store: folder)
        #expect(failure().contains("ledger.arl has content hash"))
        try LedgerArchive.write(try LedgerFixtures.richLedger(), to: archive)
        #expect(failure() == "no error")
    }

    /// Byte flips across the whole archive (header, section table, sections, padding): always
    /// refused, never a crash or another ledger.
    @Test func byteFlipsAreRefused() throws {
        let original = try Data(contentsOf: archive)
        for at in stride(from: 0, to: original.count, by: 47) {
            var damaged = original
            damaged[at] ^= UInt8(truncatingIfNeeded: at % 255 + 1)
            try damaged.write(to: archive)
            #expect(failure() != "no error", "flip at byte \(at)")
        }
    }
}
