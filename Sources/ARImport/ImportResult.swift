import ARStore
import Foundation

/// What an import produced: the ledger, the reconciliation report, every rejected row and every
/// row that loaded with a warning.
public struct ImportResult: Sendable {
    public var ledger: Ledger
    public var report: ImportReport
    public var rejects: [Reject]
    /// Every flagged row (the report keeps the first ``ImportReport/flagListLimit``).
    public var flags: [ImportReport.FlaggedRow]

    public init(ledger: Ledger, report: ImportReport, rejects: [Reject], flags: [ImportReport.FlaggedRow] = []) {
        self.ledger = ledger
        self.report = report
        self.rejects = rejects
        self.flags = flags
    }

    /// Whether no invoice or credit note loaded: there is nothing to store or query.
    public var loadedNoDocument: Bool { ledger.documents.count == 0 }
}

extension ImportResult {
    /// The header of the rejects file.
    public static let rejectsHeader = "file,line,severity,reason,message,raw"

    /// The rejects, then the rows flagged with a warning, as CSV (``rejectsHeader``, RFC 4180
    /// quoting). `severity` is `rejected` for a row that did not load and `warning` for one that
    /// did but looks contradictory; `reason` is the reject reason or the warning kind.
    public var rejectsCSV: Data {
        var text = Self.rejectsHeader + "\n"
        for r in rejects {
            text += [r.file, String(r.line), "rejected", r.reason, r.message, r.raw].map(Self.csvQuoted).joined(separator: ",") + "\n"
        }
        for f in flags {
            text += [f.file, String(f.line), "warning", f.kind, f.message, f.raw].map(Self.csvQuoted).joined(separator: ",") + "\n"
        }
        return Data(text.utf8)
    }

    /// Writes ``rejectsCSV`` to `url` atomically (a temporary file, flushed, then renamed).
    /// - Throws: ``SnapshotStoreError/io(path:operation:reason:)`` saying in words why the file
    ///   could not be written; `url` is then left as it was.
    public func writeRejects(to url: URL) throws {
        try StagedFile(rejectsCSV, beside: url).commit(as: url)
    }

    static func csvQuoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
