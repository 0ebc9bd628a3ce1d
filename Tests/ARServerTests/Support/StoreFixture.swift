import ARCore
import ARGenerator
import ARImport
import ARStore
import Foundation

/// Snapshot stores for tests: the sample imported into a store, and more snapshots added later
/// (as `arlens import … --into STORE` does while a server runs).
enum StoreFixture {
    /// A new store holding the sample as of 2026-10-31.
    static func sampleStore() throws -> String {
        let path = Paths.temporary("store") + "/store"
        try add(folder: Paths.sample, to: path)
        return path
    }

    /// Imports an interchange folder into the store at `path`.
    static func add(folder: String, to path: String) throws {
        let result = try SnapshotImporter.load(from: URL(fileURLWithPath: folder))
        _ = try SnapshotStore(at: URL(fileURLWithPath: path)).add(result.ledger, source: folder, report: nil)
    }

    /// Generates a small ledger as of `asOf` and adds it to the store.
    static func addGenerated(asOf: String, invoices: Int = 2_000, to path: String) throws {
        let folder = Paths.temporary("generated")
        try LedgerGenerator.write(GeneratorConfig(invoices: invoices, seed: 7, asOf: Day(iso: asOf)!), to: URL(fileURLWithPath: folder), format: .csv)
        try add(folder: folder, to: path)
    }
}
