import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The store under the accidents of real machines: `kill -9` in the middle of an import, and a
/// disk that fills up while the import writes (issue 16, "keep it so" and item 12).
@Suite(.serialized)
struct CrashSafetyCLITests {
    /// A generated snapshot in the interchange layout.
    private func generated(_ invoices: Int, seed: Int, in folder: URL) throws -> URL {
        let out = folder.appendingPathComponent("ledger-\(seed)")
        let run = try CLI.run(["generate", "--invoices", "\(invoices)", "--seed", "\(seed)", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    /// Starts `arlens ARGS` and kills it with SIGKILL after `delay` seconds (if still running).
    private func killed(_ arguments: [String], after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(delay * 1_000_000))
        let wasRunning = process.isRunning
        if wasRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return wasRunning
    }

    @Test func killNineDuringAnImportNeverLosesOrBreaksASnapshot() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let earlier = try generated(500, seed: 4, in: folder), snapshot = try generated(4000, seed: 3, in: folder)
        let store = folder.appendingPathComponent("store")
        #expect(try CLI.run(["import", earlier.path, "--into", store.path]).status == 0)
        let expected = try CLI.run(["query", "--data", snapshot.path, "ar by entity", "--format", "csv"]).stdout
        let before = try CLI.run(["query", "--data", earlier.path, "ar by entity", "--format", "csv"]).stdout
        // How long a whole import takes here, to spread the kills over it, late ones included
        // (archive written, renamed, manifest replaced).
        let probe = folder.appendingPathComponent("probe")
        let started = Date()
        #expect(try CLI.run(["import", snapshot.path, "--into", probe.path]).status == 0)
        let duration = Date().timeIntervalSince(started)
        var interrupted = 0
        for fraction in [0.3, 0.7, 0.9, 0.97, 0.995] {
            if try killed(["import", snapshot.path, "--into", store.path], after: duration * fraction) { interrupted += 1 }
            // Whatever the moment, the store reads, and every snapshot it lists is whole.
            let listed = try CLI.run(["query", "--data", store.path, "ar by entity", "--format", "csv"])
            #expect(listed.status == 0, "after a kill at \(fraction): \(listed.stderr)")
            #expect(listed.stdout == expected || listed.stdout == before, "after a kill at \(fraction)")
        }
        #expect(interrupted >= 2)
        // The next import completes and cleans what the kills left.
        let again = try CLI.run(["import", snapshot.path, "--into", store.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try CLI.run(["query", "--data", store.path, "ar by entity", "--format", "csv"]).stdout == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("tmp").path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("snapshots").path).count == 2)
    }

    /// A 64 KB tmpfs for the store, when this process may mount one (root on Linux).
    final class SmallDisk {
        let folder: URL
        init?() {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-full-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard SmallDisk.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) else {
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

    /// Item 12: the rejects file is written and flushed before the snapshot is committed, so a
    /// full disk stops the import with the system's words and adds nothing.
    @Test(.enabled(if: SmallDisk.available, "needs permission to mount a tmpfs"))
    func aFullDiskStopsTheImportBeforeAnythingIsCommitted() throws {
        let disk = try #require(SmallDisk())
        let source = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: source) }
        var invoices = "invoice_id,entity_id,customer_id,type,issue_date,due_date,amount,currency\n"
        invoices += "I0,FR01,C1,invoice,2026-01-01,2026-02-01,10.00,EUR\n"
        let note = String(repeating: "x", count: 40)   // long rows: a rejects file larger than the disk
        for k in 1...1500 { invoices += "I\(k),FR01,C1,invoice,2026-02-30,2026-03-30,10.00,EUR\(note)\n" }
        let files = ["entities.csv": "entity_id,currency\nFR01,EUR\n", "customers.csv": "customer_id\nC1\n", "invoices.csv": invoices]
        for (name, text) in files { try Data(text.utf8).write(to: source.appendingPathComponent(name)) }
        let store = disk.folder.appendingPathComponent("store")
        let out = try CLI.run(["import", source.path, "--into", store.path])
        #expect(out.status != 0)
        #expect(out.stderr.contains("cannot write '\(store.path)/rejects.csv': No space left on device"), "\(out.stderr)")
        #expect(!out.stderr.contains("NSCocoaErrorDomain"))
        let query = try CLI.run(["query", "--data", store.path, "ar"])
        #expect(query.stderr.contains("holds no snapshot yet"), "\(query.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.path).sorted() == [".lock", "arlens-store.json", "snapshots"])
    }
}
