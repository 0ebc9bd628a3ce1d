import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX operations the store needs to be crash-safe: atomic replace, directory sync,
/// an exclusive lock, and hashing a file.
enum FileSystem {
    static func error(_ path: String, _ operation: String) -> SnapshotStoreError {
        .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }

    /// Writes `data` to a temporary file beside `url`, flushes it, renames it over `url` and
    /// flushes the folder, so that a reader sees the old file or the new one, never a mix.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let temporary = url.path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw error(temporary, "create") }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { try FileOutput(fd: fd, path: temporary).writeAll($0) }
            guard fsync(fd) == 0 else { throw error(temporary, "flush") }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else { throw error(url.path, "rename into") }
        syncDirectory(url.deletingLastPathComponent())
    }

    /// Flushes a folder's entries (a rename is durable only once its folder is).
    static func syncDirectory(_ url: URL) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Runs `body` holding an exclusive `flock` on `lockFile`, waiting for other holders.
    static func withExclusiveLock<R>(_ lockFile: URL, _ body: () throws -> R) throws -> R {
        let fd = open(lockFile.path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw error(lockFile.path, "open lock file") }
        defer { close(fd) }   // closing releases the lock
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw error(lockFile.path, "lock") }
        }
        return try body()
    }

    /// The xxHash64 of a whole file.
    static func hashFile(_ url: URL) throws -> UInt64 {
        try MappedFile.withContents(of: url.path) { XXHash64.hash($0) }
    }
}
