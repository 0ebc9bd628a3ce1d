import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the sections of an archive in order, each straight from the file into its typed array
/// (one copy by the kernel, no parsing), and checks its length at once and its checksum on a
/// background queue while the next section is read (``verifyChecksums()`` waits for them).
struct ArchiveReader {
    private let file: FileInput
    private let verifier = DispatchQueue(label: "arlens.archive.verify")
    private let mismatches = ChecksumMismatches()
    /// offset, length, hash of each section.
    private var table: [(offset: Int, length: Int, hash: UInt64)] = []
    private var next = 0

    /// Validates the header and the section table of the open file.
    init(_ file: FileInput) throws {
        self.file = file
        let path = file.path
        let header = try file.read(count: min(file.size, ArchiveFormat.headerSize), at: 0)
        guard header.count == ArchiveFormat.headerSize, ArchiveFormat.magic.elementsEqual(header[0..<8]) else {
            throw LedgerArchiveError.notAnArchive(path: path)
        }
        func word<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            header.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        }
        let version = word(8, UInt32.self)
        guard version == ArchiveFormat.version else {
            throw LedgerArchiveError.unsupportedVersion(path: path, found: version, supported: ArchiveFormat.version)
        }
        let sectionCount = Int(word(12, UInt32.self))
        let fileLength = word(16, UInt64.self)
        guard fileLength <= UInt64(file.size) else {
            throw LedgerArchiveError.truncated(path: path, expectedBytes: Int(clamping: fileLength), foundBytes: file.size)
        }
        guard fileLength == UInt64(file.size) else {
            throw LedgerArchiveError.corrupt(path: path, detail: "\(UInt64(file.size) - fileLength) bytes follow the end its header gives "
                + "(\(file.size) bytes, expected \(fileLength)): something was appended to it")
        }
        let tableEnd = ArchiveFormat.headerSize + sectionCount * ArchiveFormat.tableEntrySize
        guard tableEnd <= file.size else {
            throw LedgerArchiveError.corrupt(path: path, detail: "section table runs past the end of the file")
        }
        let entries = try file.read(count: tableEnd - ArchiveFormat.headerSize, at: ArchiveFormat.headerSize)
        tableChecksum = word(24, UInt64.self)
        guard XXHash64.hash(entries) == tableChecksum else {
            throw LedgerArchiveError.corrupt(path: path, detail: "section table checksum mismatch")
        }
        try entries.withUnsafeBytes { raw in
            for s in 0..<sectionCount {
                let at = s * ArchiveFormat.tableEntrySize
                let offset = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                let length = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
                let hash = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
                guard offset <= UInt64(file.size), length <= UInt64(file.size) - offset else {
                    throw LedgerArchiveError.corrupt(path: path, detail: "section \(s) runs past the end of the file")
                }
                table.append((Int(offset), Int(length), hash))
            }
        }
        try checkLayout(tableEnd: tableEnd)
    }

    /// Sections follow each other from the end of the table, each padded with zeros to 8 bytes,
    /// to the end of the file: no byte of the file is outside a checksum or a check.
    private func checkLayout(tableEnd: Int) throws {
        var expected = tableEnd
        for (s, section) in table.enumerated() {
            guard section.offset == expected else { throw corrupt("section \(s) starts at byte \(section.offset), expected \(expected)") }
            let end = section.offset + section.length
            expected = ArchiveFormat.aligned(end)
            if expected > end, try file.read(count: expected - end, at: end).contains(where: { $0 != 0 }) {
                throw corrupt("the padding after section \(s) is not zero")
            }
        }
        guard expected == file.size else { throw corrupt("the sections end at byte \(expected), the file at \(file.size)") }
    }

    /// The xxHash64 of the section table, as the header records it: it covers every section's
    /// checksum, so it identifies the archive's content.
    let tableChecksum: UInt64

    /// Whether every section has been read.
    var isAtEnd: Bool { next == table.count }

    /// The next section as an array of `T`; `count`, when given, is the number of elements it must hold.
    mutating func array<T: BitwiseCopyable & Sendable>(_: T.Type = T.self, count expected: Int? = nil, _ what: String) throws -> [T] {
        guard next < table.count else { throw corrupt("section for \(what) is missing") }
        let (offset, length, hash) = table[next]
        next += 1
        let stride = MemoryLayout<T>.stride
        guard length % stride == 0 else { throw corrupt("\(what): \(length) bytes is not a whole number of \(stride)-byte values") }
        let count = length / stride
        if let expected, expected != count { throw corrupt("\(what) has \(count) rows, expected \(expected)") }
        let values = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            try file.readInParallel(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            initialized = count
        }
        let mismatches = self.mismatches
        verifier.async {
            if values.withUnsafeBytes({ XXHash64.hash($0) }) != hash { mismatches.record(what) }
        }
        return values
    }

    /// Waits for the checksums of the sections read so far.
    /// - Throws: ``LedgerArchiveError/corrupt(path:detail:)`` naming the first damaged section.
    func verifyChecksums() throws {
        verifier.sync {}
        if let first = mismatches.first { throw corrupt("checksum mismatch in \(first)") }
    }

    /// A structural check on decoded data that failed.
    func corrupt(_ detail: String) -> LedgerArchiveError { .corrupt(path: file.path, detail: detail) }
}

/// The sections whose checksum did not match, in the order they were read.
final class ChecksumMismatches: Sendable {
    private let names = Mutex<[String]>([])
    func record(_ what: String) { names.withLock { $0.append(what) } }
    var first: String? { names.withLock { $0.first } }
}

/// A file open for reading at given offsets.
struct FileInput {
    let fd: Int32
    let path: String
    let size: Int

    /// Opens `path` for the duration of `body`.
    static func withFile<R>(_ path: String, _ body: (FileInput) throws -> R) throws -> R {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LedgerArchiveError.io(path: path, operation: "open", reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw LedgerArchiveError.io(path: path, operation: "stat", reason: String(cString: strerror(errno)))
        }
        return try body(FileInput(fd: fd, path: path, size: Int(info.st_size)))
    }

    /// Fills `buffer` with the bytes at `offset`; the caller has checked they are in the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard var pointer = buffer.baseAddress else { return }
        var remaining = buffer.count, position = offset
        while remaining > 0 {
            let n = pread(fd, pointer, min(remaining, 1 << 30), off_t(position))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw LedgerArchiveError.io(path: path, operation: "read", reason: n == 0 ? "unexpected end of file" : String(cString: strerror(errno)))
            }
            pointer += n
            position += n
            remaining -= n
        }
    }

    /// Fills `buffer` like ``read(into:at:)``. A large buffer is read as two halves on two
    /// threads, each first faulted in with one system call (``PageFaults/prefault(_:)``): on a
    /// first reload most of the time is the kernel handing out and clearing fresh pages, one
    /// trap per 4 KB page, and the rest is the copy out of the page cache.
    func readInParallel(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard buffer.count >= FileInput.parallelThreshold, let base = buffer.baseAddress else {
            return try read(into: buffer, at: offset)
        }
        // Pointers are not Sendable: each half is passed as an address; both end before this returns.
        let address = Int(bitPattern: base), count = buffer.count
        let half = (count / 2) & ~4095
        let failures = Mutex<LedgerArchiveError?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let start = part == 0 ? 0 : half
            let end = part == 0 ? half : count
            let slice = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(bitPattern: address + start), count: end - start)
            PageFaults.prefault(slice)
            do {
                try read(into: slice, at: offset + start)
            } catch {
                failures.withLock { $0 = $0 ?? (error as? LedgerArchiveError) ?? .io(path: path, operation: "read", reason: "\(error)") }
            }
        }
        if let failure = failures.withLock({ $0 }) { throw failure }
    }

    /// Sections at least this large are read by ``readInParallel(into:at:)`` on two threads.
    static let parallelThreshold = 4 << 20

    func read(count: Int, at offset: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            try read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            initialized = count
        }
    }
}

/// Faulting in the pages of a fresh buffer ahead of a copy into it.
enum PageFaults {
    /// Maps every whole page of `buffer` with `madvise(MADV_POPULATE_WRITE)` (Linux 5.14): one
    /// system call instead of a trap per page. Elsewhere, or when refused, the copy faults them.
    ///
    /// Huge pages (`MADV_HUGEPAGE`) were tried too: faster for a second reload in one process, but
    /// two to four times slower for the first one on a virtual machine, whose fresh 2 MB blocks
    /// the host has to back first; the first reload is what the 1 s target is about.
    static func prefault(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + 4095) & ~4095
        let end = (Int(bitPattern: base) + buffer.count) & ~4095
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, 23)  // MADV_POPULATE_WRITE, not exported by the Glibc module
        #endif
    }
}

/// A whole file mapped read-only for the duration of `body` (to hash a file without copying it).
enum MappedFile {
    static func withContents<R>(of path: String, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        try FileInput.withFile(path) { file in
            guard file.size > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            guard let mapped = mmap(nil, file.size, PROT_READ, MAP_PRIVATE, file.fd, 0), mapped != MAP_FAILED else {
                throw LedgerArchiveError.io(path: path, operation: "map", reason: String(cString: strerror(errno)))
            }
            defer { munmap(mapped, file.size) }
            return try body(UnsafeRawBufferPointer(start: mapped, count: file.size))
        }
    }
}
