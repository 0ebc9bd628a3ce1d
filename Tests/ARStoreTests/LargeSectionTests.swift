import ARCore
import Foundation
import Testing
@testable import ARStore

/// Sections of at least `FileInput.parallelThreshold` bytes take the huge-page, two-thread read
/// path; these tests make sure it reads the same bytes and still catches damage in either half.
struct LargeSectionTests {
    @Test func theTwoThreadReadGivesTheSameBytesAsTheFile() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bytes.bin")
        let count = FileInput.parallelThreshold * 2 + 13   // an odd length: the halves are unequal
        let bytes = (0..<count + 100).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) }
        try Data(bytes).write(to: url)
        let read = try FileInput.withFile(url.path) { file in
            try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                try file.readInParallel(into: UnsafeMutableRawBufferPointer(buffer), at: 100)
                initialized = count
            }
        }
        #expect(read == Array(bytes[100...]))
    }

    @Test func aShortFileIsAnErrorFromEitherHalf() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("short.bin")
        try Data(count: FileInput.parallelThreshold * 3 / 2).write(to: url)
        let error = #expect(throws: LedgerArchiveError.self) {
            try FileInput.withFile(url.path) { file in
                var buffer = [UInt8](repeating: 0, count: FileInput.parallelThreshold * 2)
                try buffer.withUnsafeMutableBytes { try file.readInParallel(into: $0, at: 0) }
            }
        }
        #expect(error == .io(path: url.path, operation: "read", reason: "unexpected end of file"))
    }

    @Test func aLargeLedgerRoundTripsAndAFlipInTheSecondHalfIsCaught() throws {
        let folder = try LedgerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try LedgerFixtures.richLedger()
        // Enough documents for the amounts column (8 bytes each) to pass the threshold.
        let times = FileInput.parallelThreshold / 8 / fixture.documents.count + 1
        let large = LedgerReplication.replicated(fixture, times: times)
        let url = folder.appendingPathComponent("large.arl")
        try LedgerArchive.write(large, to: url)
        #expect(try LedgerArchive.read(from: url) == large)

        var bytes = [UInt8](try Data(contentsOf: url))
        let (offset, length) = largestSection(of: bytes)
        #expect(length >= FileInput.parallelThreshold)
        bytes[offset + length * 3 / 4] ^= 0x01
        try Data(bytes).write(to: url)
        let error = #expect(throws: LedgerArchiveError.self) { try LedgerArchive.read(from: url) }
        #expect(error?.description.contains("checksum mismatch in") == true)
    }

    /// Offset and length of the largest section, from the archive's section table.
    private func largestSection(of bytes: [UInt8]) -> (offset: Int, length: Int) {
        bytes.withUnsafeBytes { raw in
            let sections = Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
            var best = (offset: 0, length: 0)
            for s in 0..<sections {
                let at = ArchiveFormat.headerSize + s * ArchiveFormat.tableEntrySize
                let offset = Int(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                let length = Int(raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
                if length > best.length { best = (offset, length) }
            }
            return best
        }
    }
}
