import ARMetrics
import ARStore
import Synchronization

/// Customer names by id, per engine, built on first use: a result by customer shows each
/// customer's name beside its id (table, CSV, JSON and charts alike).
final class CustomerNames: Sendable {
    private let byEngine = Mutex<[EngineCache.Key: [String: String]]>([:])

    /// The names of `engine`'s customers, by id.
    func names(of engine: MetricEngine, key: EngineCache.Key) -> [String: String] {
        if let cached = byEngine.withLock({ $0[key] }) { return cached }
        let customers = engine.ledger.customers
        var names: [String: String] = [:]
        names.reserveCapacity(customers.count)
        for c in 0..<customers.count {
            if let name = customers.names[c] { names[customers.ids[c]] = name }
        }
        byEngine.withLock { cache in
            // Keep the names of a few engines, as the engine cache keeps a few engines.
            if cache.count >= 8 { cache.removeAll() }
            cache[key] = names
        }
        return names
    }
}

extension ResultSet {
    /// The result with a `customer_name` column after its `customer` column, when it has one,
    /// no name column yet, and the ledger names its customers.
    func withCustomerNames(_ names: [String: String]) -> ResultSet {
        guard !names.isEmpty, let c = columns.firstIndex(where: { $0.name == "customer" && $0.type == .string }),
              !columns.contains(where: { $0.name == "customer_name" }) else { return self }
        var result = self
        result.columns.insert(Column(name: "customer_name", type: .string), at: c + 1)
        for r in result.rows.indices {
            let name: ResultValue = if case let .string(id) = result.rows[r][c], let name = names[id] { .string(name) } else { .null }
            result.rows[r].insert(name, at: c + 1)
        }
        return result
    }
}
