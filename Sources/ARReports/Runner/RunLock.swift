#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a file beside the run log, held while runs are processed: a second
/// `pack run` started by cron while the first is busy finds it taken and does nothing. The kernel
/// releases it when the process ends, however it ends.
public final class RunLock {
    private let descriptor: Int32

    /// Takes the lock, or returns nil when another process holds it.
    /// - Throws: ``RunLockError`` when the lock file cannot be opened.
    public init?(path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw RunLockError(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// The lock file of the run log cannot be opened.
public struct RunLockError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot open the lock file '\(path)': \(reason)" }
}
