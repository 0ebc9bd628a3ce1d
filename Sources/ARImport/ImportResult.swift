import ARStore
import Foundation

/// What an import produced: the ledger, the reconciliation report and every rejected row.
public struct ImportResult: Sendable {
    public var ledger: Ledger
    public var report: ImportReport
    public var rejects: [Reject]

    public init(ledger: Ledger, report: ImportReport, rejects: [Reject]) {
        self.ledger = ledger
        self.report = report
        self.rejects = rejects
    }
}

extension ImportResult {
    /// Writes the rejects as CSV with the header `file,line,reason,message,raw` (RFC 4180 quoting).
    /// - Throws: the file system's error when the file cannot be written.
    public func writeRejects(to url: URL) throws {
        var text = "file,line,reason,message,raw\n"
        for r in rejects {
            text += [r.file, String(r.line), r.reason, r.message, r.raw].map(Self.csvQuoted).joined(separator: ",")
            text += "\n"
        }
        try Data(text.utf8).write(to: url)
    }

    static func csvQuoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
