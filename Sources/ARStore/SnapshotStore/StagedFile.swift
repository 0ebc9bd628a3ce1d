import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in full and flushed under a temporary name beside its destination, then put in
/// place by a rename. A full disk or any other write error surfaces while staging, before
/// anything that depends on the file is committed, and a reader never sees half a file.
///
/// ```swift
/// let staged = try StagedFile(data, beside: rejectsURL)   // fails here when the disk is full
/// try store.add(ledger, …)
/// try staged.commit(as: rejectsURL)
/// ```
public struct StagedFile: Sendable {
    /// The temporary file holding the bytes.
    public let temporaryPath: String

    /// Writes `data` to a temporary file in the folder of `destination` and flushes it to disk.
    /// - Throws: ``SnapshotStoreError/io(path:operation:reason:)`` with the system's reason in words
    ///   (`No space left on device`); the temporary file is removed.
    public init(_ data: Data, beside destination: URL) throws {
        let folder = destination.deletingLastPathComponent().path
        temporaryPath = folder + "/.\(destination.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FileSystem.error(destination.path, "create a temporary file for") }
        do {
            defer { close(fd) }
            let path = temporaryPath
            do {
                try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in try FileOutput(fd: fd, path: path).writeAll(bytes) }
            } catch let error as LedgerArchiveError {
                throw SnapshotStoreError.io(path: destination.path, operation: "write", reason: error.reason)
            }
            guard fsync(fd) == 0 else { throw FileSystem.error(destination.path, "flush") }
        } catch {
            unlink(temporaryPath)
            throw error
        }
    }

    /// Renames the staged file to `destination` (replacing it) and flushes the folder.
    public func commit(as destination: URL) throws {
        guard rename(temporaryPath, destination.path) == 0 else {
            let failure = FileSystem.error(destination.path, "rename into")
            unlink(temporaryPath)
            throw failure
        }
        FileSystem.syncDirectory(destination.deletingLastPathComponent())
    }

    /// Removes the staged file (when what it belonged to failed).
    public func discard() {
        unlink(temporaryPath)
    }
}

extension LedgerArchiveError {
    /// The system's reason of an I/O error, else the whole description.
    var reason: String {
        if case let .io(_, _, reason) = self { return reason }
        return description
    }
}
