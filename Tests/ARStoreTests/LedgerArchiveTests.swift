import ARCore
import Foundation
import Testing
@testable import ARStore

struct LedgerArchiveTests {
    @Test func xxHash64MatchesTheReferenceVectors() {
        #expect(XXHash64.hash(Array("".utf8)) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(XXHash64.hash(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test func roundTripsEveryTable() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try LedgerFixtures.richLedger()
        let url = folder.appendingPathComponent("ledger.arl")
        try LedgerArchive.write(ledger, to: url)
        let again = try LedgerArchive.read(from: url)
        #expect(again.snapshot == ledger.snapshot)
        #expect(again.currencies == ledger.currencies)
        #expect(again.entities == ledger.entities)
        #expect(again.customers == ledger.customers)
        #expect(again.documents == ledger.documents)
        #expect(again.payments == ledger.payments)
        #expect(again.disputes == ledger.disputes)
        #expect(again.promises == ledger.promises)
        #expect(again.writeOffs == ledger.writeOffs)
        #expect(again.fxRates == ledger.fxRates)
        #expect(again.dunning == ledger.dunning)
        #expect(again == ledger)
        #expect(again.customers.extras.column(named: "tier")?[0] == "gold")
        #expect(again.entities.names == ["France SAS", nil])
        // No temporary file is left beside the archive.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ledger.arl"])
    }

    @Test func roundTripsAnEmptyLedger() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = LedgerBuilder().finish(asOf: LedgerFixtures.day("2026-01-31"))
        let url = folder.appendingPathComponent("empty.arl")
        try LedgerArchive.write(ledger, to: url)
        #expect(try LedgerArchive.read(from: url) == ledger)
    }

    @Test func reportsATruncatedFile() throws {
        let (url, bytes, folder) = try archivedFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bytes.prefix(bytes.count - 100)).write(to: url)
        #expect(throws: LedgerArchiveError.truncated(path: url.path, expectedBytes: bytes.count, foundBytes: bytes.count - 100)) {
            try LedgerArchive.read(from: url)
        }
        try Data(bytes.prefix(10)).write(to: url)
        #expect(throws: LedgerArchiveError.notAnArchive(path: url.path)) { try LedgerArchive.read(from: url) }
    }

    @Test func reportsAFlippedByte() throws {
        let (url, original, folder) = try archivedFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = original
        bytes[bytes.count - 20] ^= 0x40
        try Data(bytes).write(to: url)
        let error = #expect(throws: LedgerArchiveError.self) { try LedgerArchive.read(from: url) }
        #expect(error?.description.contains("checksum mismatch in") == true)
        #expect(error?.description.hasPrefix("'\(url.path)' is corrupt") == true)
    }

    @Test func reportsAnotherVersionAndAMissingFile() throws {
        let (url, original, folder) = try archivedFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = original
        bytes[8] = 9
        try Data(bytes).write(to: url)
        #expect(throws: LedgerArchiveError.unsupportedVersion(path: url.path, found: 9, supported: 1)) {
            try LedgerArchive.read(from: url)
        }
        let missing = folder.appendingPathComponent("missing.arl")
        let error = #expect(throws: LedgerArchiveError.self) { try LedgerArchive.read(from: missing) }
        #expect(error?.description == "cannot open '\(missing.path)': No such file or directory")
    }

    private func archivedFixture() throws -> (URL, [UInt8], URL) {
        let folder = try LedgerFixtures.temporaryFolder()
        let url = folder.appendingPathComponent("ledger.arl")
        try LedgerArchive.write(try LedgerFixtures.richLedger(), to: url)
        return (url, [UInt8](try Data(contentsOf: url)), folder)
    }
}
