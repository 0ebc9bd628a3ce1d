import ARCore
import Foundation
import Testing
@testable import ARStore

struct SnapshotStoreTests {
    func day(_ text: String) -> Day { Day(iso: text)! }

    /// The fixture ledger re-dated to `asOf` (a different extraction, so different bytes).
    func ledger(asOf: String, source: String = "fixture") throws -> Ledger {
        var ledger = try LedgerFixtures.richLedger()
        ledger.snapshot = SnapshotInfo(asOf: day(asOf), reportingCurrency: .eur, source: source)
        return ledger
    }

    @Test func addsListsLoadsAndSkipsDuplicates() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SnapshotStore(at: folder.appendingPathComponent("history"))
        #expect(SnapshotStore.isStore(store.url))
        #expect(!SnapshotStore.isStore(folder))
        let march = try ledger(asOf: "2026-03-31")
        let report = Data(#"{"rows_read": 24}"#.utf8)
        guard case let .added(entry) = try store.add(march, source: "exports/2026-03", report: report) else {
            Issue.record("first add should add"); return
        }
        #expect(entry.id.hasPrefix("2026-03-31-") && entry.id.count == 19)
        #expect(entry.counts.documents == 5 && entry.counts.payments == 6 && entry.counts.customers == 3)
        #expect(entry.source == "exports/2026-03" && entry.reportingCurrency == "EUR" && entry.hasReport)
        // The same snapshot again, even from another path, is recognised by its content.
        #expect(try store.add(march, source: "copy/2026-03", report: nil) == .alreadyPresent(entry))
        #expect(try store.list() == [entry])
        #expect(try store.load(entry) == march)
        #expect(try store.report(entry) == report)
        // A fresh handle on the same folder sees the same store.
        #expect(try SnapshotStore(at: store.url).list() == [entry])
    }

    @Test func resolvesADateToTheEarliestSnapshotOnOrAfterIt() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SnapshotStore(at: folder)
        #expect(throws: SnapshotStoreError.empty(path: store.url.path)) { try store.resolve(asOf: nil) }
        let april = try store.add(ledger(asOf: "2026-04-30"), source: "a", report: nil).entry
        let march = try store.add(ledger(asOf: "2026-03-31"), source: "m", report: nil).entry
        let marchAgain = try store.add(ledger(asOf: "2026-03-31", source: "corrected"), source: "m2", report: nil).entry
        #expect(try store.list().map(\.id) == [march.id, marchAgain.id, april.id])
        #expect(try store.resolve(asOf: nil) == april)
        #expect(try store.resolve(asOf: day("2026-01-15")) == marchAgain)   // same as-of: the last added
        #expect(try store.resolve(asOf: day("2026-03-31")) == marchAgain)
        #expect(try store.resolve(asOf: day("2026-04-01")) == april)
        #expect(try store.resolve(asOf: day("2026-04-30")) == april)
        let error = #expect(throws: SnapshotStoreError.self) { try store.resolve(asOf: day("2026-05-01")) }
        #expect(error?.description == "no snapshot of '\(store.url.path)' covers 2026-05-01: the latest is as of 2026-04-30; import a later extraction or ask for a date on or before 2026-04-30")
    }

    @Test func refusesAFolderOfOtherFiles() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("invoice_id\n".utf8).write(to: folder.appendingPathComponent("invoices.csv"))
        #expect(throws: SnapshotStoreError.notAStore(path: folder.standardizedFileURL.path)) { try SnapshotStore(at: folder) }
        #expect(!SnapshotStore.isStore(folder))
    }

    @Test func anInterruptedAddLeavesTheStoreReadableAndIsCleanedUp() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SnapshotStore(at: folder)
        let march = try store.add(ledger(asOf: "2026-03-31"), source: "m", report: nil).entry
        // What a crash leaves: a half-written folder in tmp/ and a renamed but unlisted snapshot.
        let fm = FileManager.default
        try fm.createDirectory(at: store.temporaryFolder.appendingPathComponent("add-1-2"), withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: store.temporaryFolder.appendingPathComponent("add-1-2/ledger.arl"))
        try fm.createDirectory(at: store.folder(of: "2026-04-30-deadbeef"), withIntermediateDirectories: true)
        #expect(try store.list() == [march])
        _ = try store.add(ledger(asOf: "2026-04-30"), source: "a", report: nil)
        #expect(try fm.contentsOfDirectory(atPath: store.temporaryFolder.path).isEmpty)
        #expect(!fm.fileExists(atPath: store.folder(of: "2026-04-30-deadbeef").path))
        #expect(try store.list().count == 2)
    }

    @Test func aCorruptManifestIsReportedNotIgnored() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SnapshotStore(at: folder)
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("arlens-store.json"))
        let error = #expect(throws: SnapshotStoreError.self) { try store.list() }
        #expect(error?.description.hasPrefix("the manifest of snapshot store '\(store.url.path)' cannot be read") == true)
    }

    @Test func concurrentAddsAreSerialised() async throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder
        _ = try SnapshotStore(at: url)
        let days = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-01-31", "2026-02-28"]
        let ledgers = try days.map { try ledger(asOf: $0) }
        let outcomes = try await withThrowingTaskGroup(of: AddOutcome.self) { group in
            for l in ledgers { group.addTask { try SnapshotStore(at: url).add(l, source: "parallel", report: nil) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { if case .added = $0 { true } else { false } }.count == 4)
        let listed = try SnapshotStore(at: url).list()
        #expect(listed.map(\.asOf.iso) == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"])
        for entry in listed { #expect(try SnapshotStore(at: url).load(entry).snapshot.asOf == entry.asOf) }
    }
}
