#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the sections of an archive in order from a mapped file, checking each one's length and
/// checksum before copying it into a typed array.
struct ArchiveReader {
    private let bytes: UnsafeRawBufferPointer
    private let path: String
    /// offset, length, hash of each section.
    private var table: [(offset: Int, length: Int, hash: UInt64)] = []
    private var next = 0

    /// Validates the header and the section table of `bytes`, the whole file.
    init(_ bytes: UnsafeRawBufferPointer, path: String) throws {
        self.bytes = bytes
        self.path = path
        guard bytes.count >= ArchiveFormat.headerSize,
              ArchiveFormat.magic.elementsEqual(bytes[0..<8]) else { throw LedgerArchiveError.notAnArchive(path: path) }
        let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard version == ArchiveFormat.version else {
            throw LedgerArchiveError.unsupportedVersion(path: path, found: version, supported: ArchiveFormat.version)
        }
        let sectionCount = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self)))
        let fileLength = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        guard fileLength == UInt64(bytes.count) else {
            throw LedgerArchiveError.truncated(path: path, expectedBytes: Int(clamping: fileLength), foundBytes: bytes.count)
        }
        let tableEnd = ArchiveFormat.headerSize + sectionCount * ArchiveFormat.tableEntrySize
        guard tableEnd <= bytes.count else {
            throw LedgerArchiveError.corrupt(path: path, detail: "section table runs past the end of the file")
        }
        let tableBytes = UnsafeRawBufferPointer(rebasing: bytes[ArchiveFormat.headerSize..<tableEnd])
        let tableHash = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        guard XXHash64.hash(tableBytes) == tableHash else {
            throw LedgerArchiveError.corrupt(path: path, detail: "section table checksum mismatch")
        }
        for s in 0..<sectionCount {
            let at = ArchiveFormat.headerSize + s * ArchiveFormat.tableEntrySize
            let offset = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            let length = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            let hash = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else {
                throw LedgerArchiveError.corrupt(path: path, detail: "section \(s) runs past the end of the file")
            }
            table.append((Int(offset), Int(length), hash))
        }
    }

    /// Whether every section has been read.
    var isAtEnd: Bool { next == table.count }

    /// The next section as an array of `T`; `count`, when given, is the number of elements it must hold.
    mutating func array<T: BitwiseCopyable>(_: T.Type = T.self, count expected: Int? = nil, _ what: String) throws -> [T] {
        guard next < table.count else {
            throw LedgerArchiveError.corrupt(path: path, detail: "section for \(what) is missing")
        }
        let (offset, length, hash) = table[next]
        next += 1
        let stride = MemoryLayout<T>.stride
        guard length % stride == 0 else {
            throw LedgerArchiveError.corrupt(path: path, detail: "\(what): \(length) bytes is not a whole number of \(stride)-byte values")
        }
        let count = length / stride
        if let expected, expected != count {
            throw LedgerArchiveError.corrupt(path: path, detail: "\(what) has \(count) rows, expected \(expected)")
        }
        let source = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
        guard XXHash64.hash(source) == hash else {
            throw LedgerArchiveError.corrupt(path: path, detail: "checksum mismatch in \(what)")
        }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, let from = source.baseAddress {
                memcpy(UnsafeMutableRawPointer(base), from, length)
            }
            initialized = count
        }
    }

    /// A structural check on decoded data that failed.
    func corrupt(_ detail: String) -> LedgerArchiveError { .corrupt(path: path, detail: detail) }
}

/// A whole file mapped read-only for the duration of `body`.
enum MappedFile {
    static func withContents<R>(of path: String, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LedgerArchiveError.io(path: path, operation: "open", reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw LedgerArchiveError.io(path: path, operation: "stat", reason: String(cString: strerror(errno)))
        }
        let size = Int(info.st_size)
        guard size > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw LedgerArchiveError.io(path: path, operation: "map", reason: String(cString: strerror(errno)))
        }
        defer { munmap(mapped, size) }
        return try body(UnsafeRawBufferPointer(start: mapped, count: size))
    }
}
