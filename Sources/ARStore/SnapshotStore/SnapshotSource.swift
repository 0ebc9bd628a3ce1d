import ARCore
import Foundation

/// Where the snapshots a query reads come from: the history of a snapshot store, or one ledger
/// loaded from a CSV folder or SQLite file. Every front end (command line, REPL, server, report
/// packs) answers through one, so that they all pick the same snapshot for the same date.
///
/// The list of snapshots is read once, when the source is made: a source is a consistent view,
/// and a new snapshot added to the store is seen by the next source (a reload), never halfway
/// through a query.
///
/// **Which snapshot answers "as of D"**: the earliest snapshot whose as-of is on or after D (of
/// several with that as-of, the last added); with no date, the latest. A day after the latest
/// snapshot is an error. See docs/store.md.
public struct SnapshotSource: Sendable {
    /// One snapshot a source can answer from.
    public struct Snapshot: Sendable, Hashable, Identifiable {
        /// The store's snapshot id, or `<as_of>-<fingerprint>` for a loaded ledger.
        public var id: String
        public var asOf: Day
        public var reportingCurrency: Currency
        /// The store's manifest entry (counts, source, import time); `nil` for a loaded ledger.
        public var entry: SnapshotEntry?

        // A snapshot is its id: the id names its content.
        public static func == (a: Snapshot, b: Snapshot) -> Bool { a.id == b.id }
        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    private enum Origin: Sendable {
        case store(SnapshotStore)
        case ledger(Ledger)
    }

    /// Where the data lives, for messages: the store folder or the loaded path.
    public let label: String
    /// The snapshots, by as-of date, then in the order they were added.
    public let snapshots: [Snapshot]
    private let origin: Origin

    /// The store's snapshots as listed by its manifest now.
    /// - Throws: ``SnapshotStoreError`` when the manifest cannot be read or the store is empty.
    public init(store: SnapshotStore) throws {
        let entries = try store.list()
        guard !entries.isEmpty else { throw SnapshotStoreError.empty(path: store.url.path) }
        label = store.url.path
        origin = .store(store)
        snapshots = try entries.map { entry in
            guard let currency = Currency(code: entry.reportingCurrency) else {
                throw SnapshotStoreError.corruptManifest(path: store.url.path,
                                                         detail: "snapshot '\(entry.id)' has reporting currency '\(entry.reportingCurrency)'")
            }
            return Snapshot(id: entry.id, asOf: entry.asOf, reportingCurrency: currency, entry: entry)
        }
    }

    /// One ledger, already loaded (from a CSV folder, a SQLite file, or built in memory).
    public init(ledger: Ledger, label: String) {
        self.label = label
        origin = .ledger(ledger)
        snapshots = [Snapshot(id: "\(ledger.snapshot.asOf.iso)-\(XXHash64.hex(ledger.fingerprint).prefix(8))",
                              asOf: ledger.snapshot.asOf, reportingCurrency: ledger.snapshot.reportingCurrency)]
    }

    /// The latest snapshot: the one a query without a date reads.
    public var latest: Snapshot { snapshots[snapshots.count - 1] }

    /// The store the source reads, if it is one.
    public var store: SnapshotStore? {
        if case let .store(store) = origin { return store }
        return nil
    }

    /// The snapshot that answers a query as of `day` (`nil`: the latest).
    /// - Throws: ``SnapshotResolutionError`` for a day after the latest snapshot.
    public func resolve(_ day: Day?) throws(SnapshotResolutionError) -> Snapshot {
        guard let day else { return latest }
        guard let first = snapshots.first(where: { $0.asOf >= day }) else {
            throw SnapshotResolutionError(requested: day, latest: latest.asOf, label: label, isStore: store != nil)
        }
        return snapshots.last { $0.asOf == first.asOf }!
    }

    /// The ledger of `snapshot`.
    /// - Throws: the store's error when its archive cannot be read.
    public func load(_ snapshot: Snapshot) throws -> Ledger {
        switch origin {
        case let .ledger(ledger): return ledger
        case let .store(store):
            guard let entry = snapshot.entry else { throw SnapshotStoreError.unknownSnapshot(id: snapshot.id, path: label) }
            return try store.load(entry)
        }
    }
}

/// A date no snapshot of a source can answer: after the latest extraction, which cannot know it.
/// The message names no path: a server passes it to its clients.
public struct SnapshotResolutionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var requested: Day
    public var latest: Day
    public var label: String
    public var isStore: Bool

    public var description: String {
        isStore
            ? "no snapshot covers \(requested.iso): the latest is as of \(latest.iso); import a later extraction or ask for a date on or before \(latest.iso)"
            : "date \(requested.iso) is after the snapshot's as_of \(latest.iso): ask for a date on or before it"
    }
}

extension Ledger {
    /// A 64-bit hash of the ledger's dated amounts and counts: two ledgers with different
    /// figures differ in it (used as the id of a snapshot that is not in a store).
    public var fingerprint: UInt64 {
        var seed = UInt64(truncatingIfNeeded: Int64(snapshot.asOf.rawValue))
        func mix<T>(_ column: [T]) {
            seed = column.withUnsafeBytes { XXHash64.hash($0, seed: seed &+ UInt64(column.count)) }
        }
        mix(documents.amount); mix(documents.issue); mix(documents.due); mix(documents.entity); mix(documents.customer)
        mix(payments.amount); mix(payments.day); mix(payments.document)
        mix(disputes.opened); mix(writeOffs.amount); mix(promises.amount); mix(fxRates.mantissa); mix(dunning.day)
        return seed
    }
}
