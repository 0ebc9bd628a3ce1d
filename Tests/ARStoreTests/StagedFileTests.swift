import Foundation
import Testing
@testable import ARStore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16, item 12: a write that fails (a full disk) fails while staging, in words, leaving
/// nothing behind and the destination as it was.
struct StagedFileTests {
    /// A 16 KB tmpfs mounted for the test, when this process may mount one (root on Linux).
    final class SmallDisk {
        let folder: URL
        init?() {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-full-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard SmallDisk.run("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", folder.path]) else {
                try? FileManager.default.removeItem(at: folder)
                return nil
            }
        }
        deinit {
            _ = SmallDisk.run("/bin/umount", [folder.path])
            try? FileManager.default.removeItem(at: folder)
        }
        static func run(_ tool: String, _ arguments: [String]) -> Bool {
            guard FileManager.default.isExecutableFile(atPath: tool) else { return false }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        static var available: Bool { SmallDisk() != nil }
    }

    @Test(.enabled(if: SmallDisk.available, "needs permission to mount a tmpfs"))
    func aFullDiskFailsWhileStagingInWords() throws {
        let disk = try #require(SmallDisk())
        let destination = disk.folder.appendingPathComponent("rejects.csv")
        try Data("old\n".utf8).write(to: destination)
        let error = #expect(throws: SnapshotStoreError.self) {
            try StagedFile(Data(repeating: 0x41, count: 256 * 1024), beside: destination)
        }
        #expect(error?.description == "cannot write '\(destination.path)': No space left on device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path) == ["rejects.csv"])
        #expect(try Data(contentsOf: destination) == Data("old\n".utf8))
    }

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
