#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects the sections of an archive (without copying the arrays) and writes them to a file.
struct ArchiveWriter {
    private struct Section {
        let length: Int
        let withBytes: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    }

    private var sections: [Section] = []

    /// Appends `array` as one section of raw little-endian elements.
    mutating func append<T: BitwiseCopyable>(_ array: [T]) {
        sections.append(Section(length: array.count * MemoryLayout<T>.stride) { body in
            try array.withUnsafeBytes(body)
        })
    }

    /// Writes the header, the section table and the sections to the open file descriptor `fd`.
    func write(to fd: Int32, path: String) throws {
        var table: [UInt64] = []
        table.reserveCapacity(sections.count * 3)
        var offset = ArchiveFormat.headerSize + sections.count * ArchiveFormat.tableEntrySize
        for section in sections {
            var hash: UInt64 = 0
            try? section.withBytes { hash = XXHash64.hash($0) }
            table += [UInt64(offset), UInt64(section.length), hash]
            offset = ArchiveFormat.aligned(offset + section.length)
        }
        let tableHash = table.withUnsafeBytes { XXHash64.hash($0) }
        var header = ArchiveFormat.magic
        withUnsafeBytes(of: ArchiveFormat.version.littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt32(sections.count).littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt64(offset).littleEndian) { header += $0 }
        withUnsafeBytes(of: tableHash.littleEndian) { header += $0 }

        let output = FileOutput(fd: fd, path: path)
        try header.withUnsafeBytes { bytes in try output.writeAll(bytes) }
        try table.withUnsafeBytes { bytes in try output.writeAll(bytes) }
        let padding = [UInt8](repeating: 0, count: 8)
        for section in sections {
            try section.withBytes { try output.writeAll($0) }
            let pad = ArchiveFormat.aligned(section.length) - section.length
            if pad > 0 { try padding.withUnsafeBytes { bytes in try output.writeAll(UnsafeRawBufferPointer(rebasing: bytes[0..<pad])) } }
        }
    }
}

/// A file descriptor written in full, retrying short writes.
struct FileOutput {
    let fd: Int32
    let path: String

    func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(fd, pointer, min(remaining, 1 << 30))
            if written < 0 {
                if errno == EINTR { continue }
                throw LedgerArchiveError.io(path: path, operation: "write", reason: String(cString: strerror(errno)))
            }
            pointer += written
            remaining -= written
        }
    }
}
