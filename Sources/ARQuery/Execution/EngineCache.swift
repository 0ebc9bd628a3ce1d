import ARMetrics
import ARStore
import Synchronization

/// The metric engines of the snapshots (and perimeters) queries have touched, built once and
/// reused: a series over 24 month-ends covered by 3 snapshots builds 3 engines, not 24.
///
/// Engines hold a whole ledger, so the cache keeps at most `capacity` of them and drops the one
/// used least recently. Safe to share between threads: an engine is built outside the lock (two
/// threads asking for the same new engine may both build it; the first stored wins).
final class EngineCache: Sendable {
    struct Key: Hashable, Sendable {
        var snapshotID: String
        var perimeter: Perimeter
    }

    private struct State {
        var engines: [Key: MetricEngine] = [:]
        /// Keys, least recently used first.
        var recency: [Key] = []
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Stores an engine built elsewhere (the runner's first one).
    func insert(_ engine: MetricEngine, for key: Key) {
        state.withLock { Self.store(engine, key, in: &$0, capacity: capacity) }
    }

    /// The engine of `snapshot` under `perimeter`, loading and restricting its ledger on first use.
    func engine(_ snapshot: SnapshotSource.Snapshot, perimeter: Perimeter, source: SnapshotSource) throws -> MetricEngine {
        let key = Key(snapshotID: snapshot.id, perimeter: perimeter)
        if let engine = state.withLock({ Self.touch(key, in: &$0) }) { return engine }
        let ledger: Ledger
        if perimeter.isEverything {
            ledger = try source.load(snapshot)
        } else {
            // The whole snapshot's engine is usually cached already; restrict its ledger.
            let whole = try engine(snapshot, perimeter: .everything, source: source)
            ledger = try whole.ledger.restricted(to: perimeter)
        }
        let built = MetricEngine(ledger: ledger)
        return state.withLock { state in
            if let raced = Self.touch(key, in: &state) { return raced }
            Self.store(built, key, in: &state, capacity: capacity)
            return built
        }
    }

    private static func touch(_ key: Key, in state: inout State) -> MetricEngine? {
        guard let engine = state.engines[key] else { return nil }
        if let i = state.recency.firstIndex(of: key) { state.recency.remove(at: i) }
        state.recency.append(key)
        return engine
    }

    private static func store(_ engine: MetricEngine, _ key: Key, in state: inout State, capacity: Int) {
        if state.engines.updateValue(engine, forKey: key) == nil { state.recency.append(key) }
        while state.recency.count > capacity {
            state.engines[state.recency.removeFirst()] = nil
        }
    }
}
