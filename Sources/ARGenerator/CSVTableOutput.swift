#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes rows to a CSV file (RFC 4180 quoting, `\n` line ends) through a 1 MiB buffer.
final class CSVTableOutput: TableOutput {
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var buffer: [UInt8] = []
    private(set) var rowCount = 0

    init(path: String, header: [String]) throws {
        guard let file = fopen(path, "w") else {
            throw GeneratorError(message: "cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
        self.file = file
        self.path = path
        buffer.reserveCapacity(1 << 20)
        append(header)
    }

    deinit { fclose(file) }

    func write(_ fields: [String?]) throws {
        append(fields)
        rowCount += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    func finish() throws {
        try flush()
        guard fflush(file) == 0 else { throw GeneratorError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
    }

    private func append(_ fields: [String?]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            guard let field else { continue }
            if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
                buffer.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.append(contentsOf: field.utf8)
            }
        }
        buffer.append(10)
    }

    private func flush() throws {
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else {
            throw GeneratorError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
