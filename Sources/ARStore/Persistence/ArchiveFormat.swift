/// The layout of a ledger archive file (`.arl`), version 1.
///
/// ```
/// header   32 bytes  magic "ARLEDGER", version: UInt32, section count: UInt32,
///                    file length: UInt64, xxHash64 of the section table: UInt64
/// table    24 bytes per section: offset: UInt64, length: UInt64, xxHash64 of the bytes: UInt64
/// sections raw little-endian arrays, each starting on an 8-byte boundary
/// ```
///
/// Every column of every table is one or a few sections, in a fixed order (see
/// `Tables+Archive.swift`), so that a reload is a copy per column. Any change to that order or
/// to a section's element type must bump ``version``.
enum ArchiveFormat {
    static let magic: [UInt8] = Array("ARLEDGER".utf8)
    static let version: UInt32 = 1
    static let headerSize = 32
    static let tableEntrySize = 24

    /// `n` rounded up to a multiple of 8.
    static func aligned(_ n: Int) -> Int { (n + 7) & ~7 }
}

/// Why a ledger archive could not be written or read. Each message names the file.
public enum LedgerArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not start with the archive magic.
    case notAnArchive(path: String)
    /// Written by another version of ARLens.
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    /// Shorter (or longer) than its header says: a copy or a write was cut off.
    case truncated(path: String, expectedBytes: Int, foundBytes: Int)
    /// A checksum or a length inside the file does not match.
    case corrupt(path: String, detail: String)
    /// The operating system refused a read, write or rename.
    case io(path: String, operation: String, reason: String)
    /// A sound archive, but not the one expected (a store's manifest records another checksum).
    case checksumMismatch(path: String, expected: String, found: String)

    public var description: String {
        switch self {
        case let .notAnArchive(path):
            "'\(path)' is not an ARLens ledger archive (bad magic): import the snapshot again"
        case let .unsupportedVersion(path, found, supported):
            "'\(path)' is a ledger archive of format version \(found); this ARLens reads version \(supported): re-import the snapshot"
        case let .truncated(path, expected, found):
            "'\(path)' is truncated: \(found) bytes, the header says \(expected): re-import the snapshot"
        case let .corrupt(path, detail):
            "'\(path)' is corrupt: \(detail): re-import the snapshot"
        case let .io(path, operation, reason):
            "cannot \(operation) '\(path)': \(reason)"
        case let .checksumMismatch(path, expected, found):
            "'\(path)' is not the archive the store's manifest lists (checksum \(found), the manifest says \(expected)): it was replaced or copied in from elsewhere; re-import the snapshot"
        }
    }
}
