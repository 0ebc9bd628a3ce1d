import ARCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The persisted form of a ``Ledger``: one binary file holding every column of every table as a
/// raw little-endian array, so that reloading a ledger is a checked copy per column.
///
/// ```swift
/// try LedgerArchive.write(ledger, to: URL(fileURLWithPath: "store/ledger.arl"))
/// let again = try LedgerArchive.read(from: URL(fileURLWithPath: "store/ledger.arl"))
/// ```
///
/// Every section carries an xxHash64 checksum and the header the file's length, so a truncated
/// or damaged file is reported as ``LedgerArchiveError``, never read as a wrong ledger.
/// The layout is described in `ArchiveFormat.swift`; it assumes a little-endian host.
public enum LedgerArchive {
    /// Writes `ledger` to `url` atomically: into a temporary file of the same folder, flushed to
    /// disk, then renamed over `url`. A crash leaves either the old file or the new one.
    /// - Throws: ``LedgerArchiveError/io(path:operation:reason:)`` when the file cannot be written.
    public static func write(_ ledger: Ledger, to url: URL) throws {
        let path = url.path
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw LedgerArchiveError.io(path: temporary, operation: "create", reason: String(cString: strerror(errno))) }
        do {
            defer { close(fd) }
            try writer(for: ledger).write(to: fd, path: temporary)
            guard fsync(fd) == 0 else {
                throw LedgerArchiveError.io(path: temporary, operation: "flush", reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw LedgerArchiveError.io(path: path, operation: "rename into", reason: reason)
        }
    }

    /// Reads the ledger archived at `url`.
    /// - Throws: ``LedgerArchiveError`` naming the file when it is missing, not an archive, of
    ///   another format version, truncated or corrupt.
    public static func read(from url: URL) throws -> Ledger {
        try read(from: url, expectingChecksum: nil)
    }

    /// Reads the ledger archived at `url` when its section-table checksum (``tableChecksum(of:)``)
    /// is `expected`; a snapshot store passes the one its manifest recorded.
    /// - Throws: ``LedgerArchiveError/checksumMismatch(path:expected:found:)`` for another archive.
    static func read(from url: URL, expectingChecksum expected: UInt64?) throws -> Ledger {
        let path = url.path
        return try FileInput.withFile(path) { file in
            var r = try ArchiveReader(file)
            if let expected, r.tableChecksum != expected {
                throw LedgerArchiveError.checksumMismatch(path: path, expected: XXHash64.hex(expected), found: XXHash64.hex(r.tableChecksum))
            }
            let ledger: Ledger
            do {
                ledger = try unarchive(from: &r)
            } catch {
                // A damaged section is the better explanation of a structural error that follows it.
                try r.verifyChecksums()
                throw error
            }
            try r.verifyChecksums()
            guard r.isAtEnd else { throw r.corrupt("sections left after the last table") }
            return ledger
        }
    }

    /// The checksum of the archive's section table, read from its header after checking it: the
    /// identity of its content that a store records and checks at each load.
    static func tableChecksum(of url: URL) throws -> UInt64 {
        try FileInput.withFile(url.path) { try ArchiveReader($0).tableChecksum }
    }

    /// The sections of `ledger`, in format order, without copying its columns.
    static func writer(for ledger: Ledger) -> ArchiveWriter {
        var w = ArchiveWriter()
        let info = ledger.snapshot
        w.append([info.asOf.rawValue])
        w.append(optionalStrings: [info.reportingCurrency.code, info.source])
        w.append(strings: ledger.currencies.map(\.code))
        ledger.entities.archive(into: &w)
        ledger.customers.archive(into: &w)
        ledger.documents.archive(into: &w)
        ledger.payments.archive(into: &w)
        ledger.disputes.archive(into: &w)
        ledger.promises.archive(into: &w)
        ledger.writeOffs.archive(into: &w)
        ledger.fxRates.archive(into: &w)
        ledger.dunning.archive(into: &w)
        return w
    }

    private static func unarchive(from r: inout ArchiveReader) throws -> Ledger {
        let asOf = try r.array(Int32.self, count: 1, "as-of date")[0]
        let texts = try r.optionalStrings(count: 2, "snapshot info")
        guard let code = texts[0], let reporting = Currency(code: code) else {
            throw r.corrupt("reporting currency '\(texts[0] ?? "")' is not an ISO 4217 code")
        }
        let currencies = try r.strings("currencies").map { code in
            guard let currency = Currency(code: code) else { throw r.corrupt("currency '\(code)' is not an ISO 4217 code") }
            return currency
        }
        return Ledger(
            snapshot: SnapshotInfo(asOf: Day(rawValue: asOf), reportingCurrency: reporting, source: texts[1]),
            currencies: currencies,
            entities: try EntityTable.unarchive(from: &r),
            customers: try CustomerTable.unarchive(from: &r),
            documents: try DocumentTable.unarchive(from: &r),
            payments: try PaymentTable.unarchive(from: &r),
            disputes: try DisputeTable.unarchive(from: &r),
            promises: try PromiseTable.unarchive(from: &r),
            writeOffs: try WriteOffTable.unarchive(from: &r),
            fxRates: try FXRateTable.unarchive(from: &r),
            dunning: try DunningTable.unarchive(from: &r))
    }
}
