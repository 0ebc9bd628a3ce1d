import Foundation
import Testing
@testable import ARStore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16, item 12: a write that fails fails while staging, in words, leaving nothing behind
/// and the destination as it was (the full disk itself is tested end to end in ARLensCLITests).
struct StagedFileTests {
    @Test(.enabled(if: geteuid() != 0, "root may write into a read-only folder"))
    func aReadOnlyFolderFailsWhileStagingInWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let destination = folder.appendingPathComponent("rejects.csv")
        let error = #expect(throws: SnapshotStoreError.self) { try StagedFile(Data("x".utf8), beside: destination) }
        #expect(error?.description == "cannot create a temporary file for '\(destination.path)': Permission denied")
    }

    @Test func commitPutsTheWholeFileInPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-staged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("rejects.csv")
        let staged = try StagedFile(Data("file,line\n".utf8), beside: destination)
        #expect(!FileManager.default.fileExists(atPath: destination.path))
        try staged.commit(as: destination)
        #expect(try String(contentsOf: destination, encoding: .utf8) == "file,line\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rejects.csv"])
    }
}
