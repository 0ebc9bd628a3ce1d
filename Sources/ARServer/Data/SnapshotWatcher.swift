import Foundation
import Logging
import ServiceLifecycle

/// The service that loads the data when the server starts and then polls the store's manifest,
/// so an `arlens import … --into STORE` made while the server runs is served without a restart.
struct SnapshotWatcher: Service {
    let loader: DataLoader
    let interval: Duration?

    func run() async throws {
        _ = await Offload.run { loader.reload(force: false) }
        guard let interval else { return try await gracefulShutdown() }
        // Polling is one small JSON read per interval: simpler and more portable than inotify,
        // and a snapshot add replaces the manifest through a rename, so a read never sees half of it.
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isShuttingDownGracefully, !Task.isCancelled else { break }
            if loader.watchesStore || loader.holder.current == nil {
                _ = await Offload.run { loader.reload(force: false) }
            }
        }
    }
}

/// Runs blocking work (loading a ledger, running a query, drawing a chart) on a Dispatch thread,
/// so Swift's cooperative threads stay free to answer the cheap requests.
enum Offload {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
