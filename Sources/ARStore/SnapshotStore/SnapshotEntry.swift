import ARCore

/// One snapshot held by a ``SnapshotStore``, as listed in its manifest.
public struct SnapshotEntry: Sendable, Equatable, Codable, Identifiable {
    /// `<as_of>-<first 8 hex digits of the content hash>`, e.g. `2026-10-31-3fa2c9d1`; also its folder name.
    public var id: String
    public var asOf: Day
    public var reportingCurrency: String
    /// Where the snapshot was imported from (a path or a free text).
    public var source: String
    public var counts: Counts
    /// xxHash64 of the archive bytes, 16 hexadecimal digits: equal snapshots have equal hashes.
    public var contentHash: String
    /// When it was added, ISO 8601 in UTC.
    public var importedAt: String
    /// Whether an import report was stored with it.
    public var hasReport: Bool

    /// Row counts of the snapshot's tables.
    public struct Counts: Sendable, Equatable, Codable {
        public var customers: Int
        public var documents: Int
        public var payments: Int
        public var disputes: Int
        public var promises: Int
        public var writeOffs: Int
        public var dunning: Int

        enum CodingKeys: String, CodingKey {
            case customers, documents = "invoices", payments, disputes, promises, writeOffs = "write_offs", dunning
        }

        init(_ ledger: Ledger) {
            customers = ledger.customers.count
            documents = ledger.documents.count
            payments = ledger.payments.count
            disputes = ledger.disputes.count
            promises = ledger.promises.count
            writeOffs = ledger.writeOffs.count
            dunning = ledger.dunning.count
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, asOf = "as_of", reportingCurrency = "reporting_currency", source, counts
        case contentHash = "content_hash", importedAt = "imported_at", hasReport = "has_report"
    }

    init(id: String, ledger: Ledger, source: String, contentHash: String, importedAt: String, hasReport: Bool) {
        self.id = id
        asOf = ledger.snapshot.asOf
        reportingCurrency = ledger.snapshot.reportingCurrency.code
        self.source = source
        counts = Counts(ledger)
        self.contentHash = contentHash
        self.importedAt = importedAt
        self.hasReport = hasReport
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        let text = try c.decode(String.self, forKey: .asOf)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(forKey: .asOf, in: c, debugDescription: "'\(text)' is not a YYYY-MM-DD date")
        }
        asOf = day
        reportingCurrency = try c.decode(String.self, forKey: .reportingCurrency)
        source = try c.decode(String.self, forKey: .source)
        counts = try c.decode(Counts.self, forKey: .counts)
        contentHash = try c.decode(String.self, forKey: .contentHash)
        importedAt = try c.decode(String.self, forKey: .importedAt)
        hasReport = try c.decodeIfPresent(Bool.self, forKey: .hasReport) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(asOf.iso, forKey: .asOf)
        try c.encode(reportingCurrency, forKey: .reportingCurrency)
        try c.encode(source, forKey: .source)
        try c.encode(counts, forKey: .counts)
        try c.encode(contentHash, forKey: .contentHash)
        try c.encode(importedAt, forKey: .importedAt)
        try c.encode(hasReport, forKey: .hasReport)
    }
}

/// What ``SnapshotStore/add(_:source:report:)`` did.
public enum AddOutcome: Sendable, Equatable {
    /// The snapshot is new and was stored.
    case added(SnapshotEntry)
    /// A snapshot with the same content was already stored; nothing changed.
    case alreadyPresent(SnapshotEntry)

    /// The stored entry either way.
    public var entry: SnapshotEntry {
        switch self {
        case let .added(entry), let .alreadyPresent(entry): entry
        }
    }
}

/// Why a snapshot store operation failed. Each message names the store folder.
public enum SnapshotStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder holds other files but no store manifest.
    case notAStore(path: String)
    /// The manifest cannot be read.
    case corruptManifest(path: String, detail: String)
    /// No snapshot has been added yet.
    case empty(path: String)
    /// The requested date is after the latest snapshot, whose extraction cannot know it.
    case noSnapshotCovers(requested: Day, latest: Day, path: String)
    /// The entry is not (or no longer) in the store.
    case unknownSnapshot(id: String, path: String)
    case io(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case let .notAStore(path):
            "'\(path)' is not a snapshot store: it has files but no \(SnapshotManifest.fileName); choose an empty or new folder"
        case let .corruptManifest(path, detail):
            "the manifest of snapshot store '\(path)' cannot be read: \(detail)"
        case let .empty(path):
            "snapshot store '\(path)' holds no snapshot yet: add one with 'arlens import <snapshot> --into \(path)'"
        case let .noSnapshotCovers(requested, latest, path):
            "no snapshot of '\(path)' covers \(requested.iso): the latest is as of \(latest.iso); import a later extraction or ask for a date on or before \(latest.iso)"
        case let .unknownSnapshot(id, path):
            "snapshot '\(id)' is not in store '\(path)'"
        case let .io(path, operation, reason):
            "cannot \(operation) '\(path)': \(reason)"
        }
    }
}
