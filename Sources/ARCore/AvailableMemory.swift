import CMalloc
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much more memory this process can allocate before an allocation fails: the least of
/// what its address-space and data-segment limits leave (`getrlimit`, against `/proc/self/status`),
/// the memory the kernel reports available (`MemAvailable` in `/proc/meminfo`), and what the
/// process's cgroup leaves (`memory.max` − `memory.current`), each plus what the allocator
/// holds free for reuse (a process that keeps freed memory, as `HeapTuning` makes it, reuses
/// the last query's buffers without mapping more).
///
/// An estimate for refusing work that cannot fit with a clear message, rather than letting an
/// allocation kill the process; `nil` where none of these can be read (not Linux).
public enum AvailableMemory {
    /// Bytes this process can still allocate, or `nil` when unknown.
    public static func bytes() -> Int? {
        let status = procFields("/proc/self/status")
        var limits: [Int] = []
        if let limit = softLimit(RLIMIT_AS_VALUE), let used = status["VmSize"] { limits.append(limit - used) }
        if let limit = softLimit(RLIMIT_DATA_VALUE), let used = status["VmData"] { limits.append(limit - used) }
        if let available = procFields("/proc/meminfo")["MemAvailable"] { limits.append(available) }
        if let cgroup = cgroupHeadroom() { limits.append(cgroup) }
        let reusable = Int(arlens_malloc_free_bytes())
        return limits.min().map { max(0, $0) + reusable }
    }

    /// The soft limit of `resource` in bytes; `nil` when unlimited or unreadable.
    static func softLimit(_ resource: Int32) -> Int? {
        var limit = rlimit()
        #if canImport(Glibc)
        guard getrlimit(__rlimit_resource_t(UInt32(resource)), &limit) == 0 else { return nil }
        #else
        guard getrlimit(resource, &limit) == 0 else { return nil }
        #endif
        guard limit.rlim_cur < rlim_t(Int.max) else { return nil }   // RLIM_INFINITY is all ones
        return Int(limit.rlim_cur)
    }

    /// `Name:   123 kB` lines of a /proc file, in bytes (read byte by byte: the engine asks
    /// before every large query).
    static func procFields(_ path: String) -> [String: Int] {
        guard let text = readSmallFile(path) else { return [:] }
        var fields: [String: Int] = [:]
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            var rest = line[line.index(after: colon)...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            var value = 0, digits = 0
            while let byte = rest.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                rest = rest.dropFirst()
            }
            guard digits > 0 else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            fields[name] = rest.elementsEqual(" kB".utf8) ? value * 1_024 : value
        }
        return fields
    }

    /// `memory.max − memory.current` of the process's cgroup (v2), `nil` without a limit.
    static func cgroupHeadroom() -> Int? {
        guard let line = readSmallFile("/proc/self/cgroup")?.split(separator: "\n").first(where: { $0.hasPrefix("0::") }) else {
            return nil
        }
        let folder = "/sys/fs/cgroup" + line.dropFirst(3)
        guard let max = readSmallFile(folder + "/memory.max").flatMap({ Int($0.trimmingWhitespace) }),
              let current = readSmallFile(folder + "/memory.current").flatMap({ Int($0.trimmingWhitespace) }) else { return nil }
        return max - current
    }

    /// The text of a small file (at most 16 KB), read with plain system calls.
    static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 16_384)
        var length = 0
        while length < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + length, $0.count - length) }
            if n <= 0 { break }
            length += n
        }
        return String(decoding: bytes[0..<length], as: UTF8.self)
    }

    #if canImport(Glibc)
    private static let RLIMIT_AS_VALUE = Int32(RLIMIT_AS.rawValue)
    private static let RLIMIT_DATA_VALUE = Int32(RLIMIT_DATA.rawValue)
    #else
    private static let RLIMIT_AS_VALUE = RLIMIT_AS
    private static let RLIMIT_DATA_VALUE = RLIMIT_DATA
    #endif
}

private extension Substring {
    var trimmingWhitespace: Substring {
        var s = self
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}

private extension String {
    var trimmingWhitespace: Substring { Substring(self).trimmingWhitespace }
}
