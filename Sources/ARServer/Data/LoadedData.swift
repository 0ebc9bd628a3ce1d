import ARQuery
import ARStore
import Crypto
import Foundation

/// One consistent view of the data: a snapshot source and the query runner over it. A request
/// takes the current view once, at its start, and reads only it, so a reload that swaps in a new
/// view never gives a request a mix of two.
public struct LoadedData: Sendable {
    public let source: SnapshotSource
    public let runner: QueryRunner
    /// 1 for the first load, +1 per reload that changed the data.
    public let generation: Int
    /// Names the snapshots the view holds: part of every ETag and cache key.
    public let versionKey: String
    public let loadedAt: Date

    public init(source: SnapshotSource, runner: QueryRunner, generation: Int, loadedAt: Date = Date()) {
        self.source = source
        self.runner = runner
        self.generation = generation
        self.loadedAt = loadedAt
        versionKey = Self.versionKey(of: source)
    }

    /// A digest of the snapshot ids in order: equal for two sources that list the same snapshots.
    static func versionKey(of source: SnapshotSource) -> String {
        let ids = source.snapshots.map(\.id).joined(separator: "\n")
        return SHA256.hash(data: Array(ids.utf8)).prefix(12).hexString
    }

    /// The latest snapshot's age in seconds, for the `arlens_snapshot_age_seconds` gauge.
    var snapshotAgeSeconds: Double {
        let asOf = source.latest.asOf
        let now = Date().timeIntervalSince1970
        return max(0, now - Double(asOf.rawValue) * 86_400)
    }
}
