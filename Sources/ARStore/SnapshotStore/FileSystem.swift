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
        try StagedFile(data, beside: url).commit(as: url)
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

    /// Why a file could not be read: the `errno` and its text.
    struct ReadFailure: Error {
        var code: Int32
        var reason: String
    }

    /// The whole contents of a file, read with POSIX calls so that a failure says why in the
    /// system's words (`Permission denied`, `Is a directory`) rather than a Foundation error code.
    static func readFile(_ url: URL) throws(ReadFailure) -> Data {
        func failure() -> ReadFailure { ReadFailure(code: errno, reason: String(cString: strerror(errno))) }
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw failure() }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw failure() }
            if n == 0 { return data }
            data.append(contentsOf: buffer[0..<n])
        }
    }

    /// Whether the folder of `url`, with symbolic links resolved, lies inside `root` (also resolved).
    static func isInside(_ url: URL, root: URL) -> Bool {
        guard let folder = realPath(url.deletingLastPathComponent().path), let base = realPath(root.path) else { return false }
        return folder == base || folder.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// `path` with every symbolic link resolved, or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The xxHash64 of a whole file.
    static func hashFile(_ url: URL) throws -> UInt64 {
        try MappedFile.withContents(of: url.path) { XXHash64.hash($0) }
    }
}
