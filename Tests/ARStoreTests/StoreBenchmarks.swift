import ARCore
import ARGenerator
import Foundation
import Testing
@testable import ARStore
#if canImport(Glibc)
import Glibc
#endif

/// Measurements and the committed sample, run on demand only:
///
///     ARLENS_BENCH_INVOICES=1000000 [ARLENS_BENCH_REPLICATE=10 | ARLENS_BENCH_GENERATE_ONLY=1] swift test -c release --filter StoreBenchmarks/generateLoadArchiveReload
///     ARLENS_WRITE_SAMPLE=1 swift test --filter StoreBenchmarks/writeTheSample
struct StoreBenchmarks {
    static let environment = ProcessInfo.processInfo.environment

    /// The repository root, found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The sample shipped in datasets/sample: 20,000 documents as of 2026-10-31, seed 2026.
    static let sampleConfig = GeneratorConfig(invoices: 20_000, seed: 2026, asOf: Day(iso: "2026-10-31")!, source: "ARLens sample ledger")

    @Test(.enabled(if: environment["ARLENS_WRITE_SAMPLE"] != nil))
    func writeTheSample() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("datasets/sample")
        let summary = try LedgerGenerator.write(Self.sampleConfig, to: folder, format: .csv)
        print(summary.renderedTable)
        print(LedgerSummary(try InterchangeFolder(url: folder).ledger()).renderedTable)
    }

    @Test func theCommittedSampleIsWhatTheGeneratorWrites() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("datasets/sample")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("invoices.csv").path) else { return }
        let fresh = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: fresh) }
        let summary = try LedgerGenerator.write(Self.sampleConfig, to: fresh, format: .csv)
        for file in summary.files {
            #expect(try Data(contentsOf: fresh.appendingPathComponent(file)) == Data(contentsOf: folder.appendingPathComponent(file)),
                    "datasets/sample/\(file) is stale: rerun with ARLENS_WRITE_SAMPLE=1")
        }
        #expect(summary.rows["invoices"] == 20_000)
    }

    @Test(.enabled(if: environment["ARLENS_BENCH_INVOICES"] != nil))
    func generateLoadArchiveReload() throws {
        let invoices = Int(Self.environment["ARLENS_BENCH_INVOICES"]!)!
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = GeneratorConfig(invoices: invoices, seed: 1, asOf: Day(iso: "2026-10-31")!)
        let generation = try measure { try LedgerGenerator.write(config, to: folder.appendingPathComponent("csv"), format: .csv) }
        print("generate \(invoices) invoices (CSV): \(generation.seconds) s, peak RSS \(peakResidentMegabytes()) MB")
        print(generation.value.renderedTable)
        if Self.environment["ARLENS_BENCH_GENERATE_ONLY"] != nil { return }
        let sqlite = try measure { try LedgerGenerator.write(config, to: folder.appendingPathComponent("sqlite"), format: .sqlite) }
        print("generate \(invoices) invoices (SQLite): \(sqlite.seconds) s")
        let ledger = try InterchangeFolder(url: folder.appendingPathComponent("csv")).ledger()
        let archive = folder.appendingPathComponent("ledger.arl")
        let write = try measure { try LedgerArchive.write(ledger, to: archive) }
        let size = (try FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? Int) ?? 0
        print("archive write: \(write.seconds) s, \(size / 1_000_000) MB")
        var best = Double.infinity
        for _ in 0..<5 {
            let read = try measure { try LedgerArchive.read(from: archive) }
            #expect(read.value == ledger)
            best = min(best, read.seconds)
        }
        print("archive reload of \(ledger.documents.count) documents, \(ledger.payments.count) payment rows: best of 5 \(best) s")
        if let times = Self.environment["ARLENS_BENCH_REPLICATE"].flatMap({ Int($0) }) {
            try reloadReplicated(ledger, times: times, at: folder.appendingPathComponent("large.arl"))
        }
        let store = try SnapshotStore(at: folder.appendingPathComponent("store"))
        let add = try measure { try store.add(ledger, source: "bench", report: nil) }
        print("store add: \(add.seconds) s")
        print(LedgerSummary(ledger).renderedTable)
    }

    /// Reload of the fixture ledger replicated to `ARLENS_BENCH_SYNTHETIC` documents, with the
    /// hash throughput on its own (no CSV involved, so quick to rerun).
    @Test(.enabled(if: environment["ARLENS_BENCH_SYNTHETIC"] != nil))
    func reloadSyntheticLedger() throws {
        let documents = Int(Self.environment["ARLENS_BENCH_SYNTHETIC"]!)!
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try LedgerFixtures.richLedger()
        try reloadReplicated(fixture, times: documents / fixture.documents.count, at: folder.appendingPathComponent("synthetic.arl"))
        let bytes = [UInt8](repeating: 7, count: 1 << 30)
        let hash = measure { XXHash64.hash(bytes) }
        print("xxHash64 of 1 GiB: \(hash.seconds) s")
    }

    /// Reload time of a ledger `times` as large (documents, allocations and payments repeated).
    private func reloadReplicated(_ ledger: Ledger, times: Int, at url: URL) throws {
        let large = LedgerReplication.replicated(ledger, times: times)
        let write = try measure { try LedgerArchive.write(large, to: url) }
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        print("archive write of \(large.documents.count) documents: \(write.seconds) s, \(size / 1_000_000) MB")
        var best = Double.infinity
        for attempt in 0..<3 {
            let read = try measure { try LedgerArchive.read(from: url) }
            if attempt == 0 { #expect(read.value == large) }
            best = min(best, read.seconds)
        }
        print("archive reload of \(large.documents.count) documents, \(large.payments.count) payment rows: best of 3 \(best) s")
    }

    private func measure<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
        let start = ContinuousClock.now
        let value = try body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (value, (seconds * 1000).rounded() / 1000)
    }

    private func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
