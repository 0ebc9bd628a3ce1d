import ARImport
import ARQuery
import ARStore
import Foundation
import Logging
import Synchronization

/// Loads the data and reloads it when the store gains a snapshot: the new source and runner are
/// built off to the side, then swapped in at once (``DataHolder/install(_:)``). Reloads run one at
/// a time.
public final class DataLoader: Sendable {
    let configuration: ServerConfiguration
    let holder: DataHolder
    let logger: Logger
    /// Called after each swap (cache invalidation, metrics).
    let onSwap: @Sendable (LoadedData) -> Void
    private let reloading = Mutex(false)

    init(configuration: ServerConfiguration, holder: DataHolder, logger: Logger, onSwap: @escaping @Sendable (LoadedData) -> Void) {
        self.configuration = configuration
        self.holder = holder
        self.logger = logger
        self.onSwap = onSwap
    }

    /// What a reload did.
    public enum Outcome: Sendable, Equatable {
        case loaded(generation: Int, latest: String)
        case unchanged(latest: String)
        case busy
        case failed(String)
    }

    /// Loads the data when it changed (`force`: also a CSV folder or SQLite file, re-imported).
    /// Blocking: call it off the event loops.
    func reload(force: Bool) -> Outcome {
        guard reloading.withLock({ busy in defer { busy = true }; return !busy }) else { return .busy }
        defer { reloading.withLock { $0 = false } }
        let started = ContinuousClock.now
        do {
            let current = holder.current
            guard let source = try freshSource(current: current, force: force) else {
                return .unchanged(latest: current?.source.latest.id ?? "")
            }
            let runner = try QueryRunner(source: source, cacheCapacity: 16)
            let data = LoadedData(source: source, runner: runner, generation: (current?.generation ?? 0) + 1)
            holder.install(data)
            onSwap(data)
            logger.info("loaded snapshot", metadata: [
                "snapshot": "\(source.latest.id)", "as_of": "\(source.latest.asOf.iso)", "snapshots": "\(source.snapshots.count)",
                "generation": "\(data.generation)", "took": "\(ContinuousClock.now - started)",
            ])
            return .loaded(generation: data.generation, latest: source.latest.id)
        } catch {
            let problem = "\(error)"
            holder.recordProblem(problem)
            logger.warning("cannot load the data", metadata: ["path": "\(configuration.dataPath)", "error": "\(problem)"])
            return .failed(problem)
        }
    }

    /// A new source when the data differs from `current`'s (a store's manifest lists other
    /// snapshots), else `nil`.
    private func freshSource(current: LoadedData?, force: Bool) throws -> SnapshotSource? {
        let url = URL(fileURLWithPath: configuration.dataPath)
        if configuration.mapping == nil, SnapshotStore.isStore(url) {
            // A store's snapshots never change once added: the same list is the same data.
            let source = try SnapshotSource(store: SnapshotStore(at: url))
            if let current, current.versionKey == LoadedData.versionKey(of: source) { return nil }
            return source
        }
        guard current == nil || force else { return nil }
        return try OpenedData.open(path: configuration.dataPath, mapping: configuration.mapping).source
    }

    /// Whether the path is a store, whose manifest is worth polling.
    var watchesStore: Bool {
        configuration.mapping == nil && SnapshotStore.isStore(URL(fileURLWithPath: configuration.dataPath))
    }
}
