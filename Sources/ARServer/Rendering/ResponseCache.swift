import ARQuery
import NIOCore
import Synchronization

/// A rendered answer: what a response sends. The body is kept as a `ByteBuffer`, so a cached
/// answer is sent without copying its bytes (buffers share storage until written to).
struct RenderedAnswer: Sendable {
    var contentType: String
    var body: ByteBuffer

    init(contentType: String, body: [UInt8]) {
        self.contentType = contentType
        self.body = ByteBuffer(bytes: body)
    }
}

/// Rendered charts and results kept in memory, bounded by their bytes (not their count), least
/// recently used dropped first. Keys are ETags, which name the data version, the principal's
/// perimeter, the normalised query, its parameters and the render options, so a stale or
/// another scope's entry can never be served; a reload empties the cache all the same.
final class ByteBoundedCache<Entry: Sendable>: Sendable {
    private struct State {
        var entries: [String: (entry: Entry, tick: UInt64)] = [:]
        var bytes = 0
        var tick: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    let capacity: Int
    /// The bytes an entry holds (its body, or an estimate for a result table).
    let size: @Sendable (Entry) -> Int
    private let state = Mutex(State())

    init(capacity: Int, size: @escaping @Sendable (Entry) -> Int) {
        self.capacity = capacity
        self.size = size
    }

    func get(_ key: String) -> Entry? {
        state.withLock { s in
            guard var stored = s.entries[key] else { s.misses += 1; return nil }
            s.hits += 1
            s.tick += 1
            stored.tick = s.tick
            s.entries[key] = stored
            return stored.entry
        }
    }

    /// Stores `entry` unless it alone is over a quarter of the capacity; evicts the least recently
    /// used entries until the total fits.
    func put(_ key: String, _ entry: Entry) {
        let bytes = size(entry)
        guard bytes <= capacity / 4 else { return }
        state.withLock { s in
            if let old = s.entries[key] { s.bytes -= size(old.entry) }
            s.tick += 1
            s.entries[key] = (entry, s.tick)
            s.bytes += bytes
            guard s.bytes > capacity else { return }
            // Eviction sorts once and drops the oldest quarter, so it is rare and amortised.
            let byAge = s.entries.sorted { $0.value.tick < $1.value.tick }
            for (k, v) in byAge where s.bytes > capacity * 3 / 4 {
                s.entries[k] = nil
                s.bytes -= size(v.entry)
            }
        }
    }

    /// Drops everything (a new snapshot was loaded).
    func removeAll() {
        state.withLock { s in
            s.entries.removeAll()
            s.bytes = 0
        }
    }

    var stats: (entries: Int, bytes: Int, hits: Int, misses: Int) {
        state.withLock { ($0.entries.count, $0.bytes, $0.hits, $0.misses) }
    }
}

/// Rendered answers, sized by their bodies.
typealias ResponseCache = ByteBoundedCache<RenderedAnswer>

extension ByteBoundedCache where Entry == RenderedAnswer {
    convenience init(capacity: Int) { self.init(capacity: capacity) { $0.body.readableBytes } }
}

/// Query outcomes behind charts, so a chart asked for at another size or theme is only drawn
/// again, not computed again. Sized by an estimate of the result table.
typealias OutcomeCache = ByteBoundedCache<QueryOutcome>

extension ByteBoundedCache where Entry == QueryOutcome {
    convenience init(capacity: Int) {
        self.init(capacity: capacity) { outcome in
            guard case let .table(result, _, _) = outcome else { return 1024 }
            return 1024 + result.rows.count * max(1, result.columns.count) * 32
        }
    }
}
