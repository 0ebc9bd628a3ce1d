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
    /// The archive's section-table checksum (its header), 16 hexadecimal digits: checked at each
    /// load against the file, so that an archive swapped or copied in from elsewhere is refused
    /// without hashing the whole file. `nil` in entries written before it was recorded, whose
    /// load hashes the whole file against ``contentHash`` instead.
    public var archiveChecksum: String?

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
        case archiveChecksum = "archive_checksum"
    }

    init(id: String, ledger: Ledger, source: String, contentHash: String, archiveChecksum: String, importedAt: String,
         hasReport: Bool) {
        self.id = id
        asOf = ledger.snapshot.asOf
        reportingCurrency = ledger.snapshot.reportingCurrency.code
        self.source = source
        counts = Counts(ledger)
        self.contentHash = contentHash
        self.archiveChecksum = archiveChecksum
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
        archiveChecksum = try c.decodeIfPresent(String.self, forKey: .archiveChecksum)
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
        try c.encodeIfPresent(archiveChecksum, forKey: .archiveChecksum)
    }

    /// Whether `id` can name a folder of `snapshots/`: letters, digits, `-`, `_` and `.`, not
    /// starting with a dot, so that no manifest can point outside the store (`../x`).
    static func isFolderName(_ id: String) -> Bool {
        guard let first = id.utf8.first, first != UInt8(ascii: "."), id.utf8.count <= 100 else { return false }
        return id.utf8.allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 95 || b == 46
        }
    }

    /// Whether `text` is 16 hexadecimal digits.
    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }
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
