import CoreMetrics
import Foundation
import Metrics
import Prometheus
import Synchronization

/// The server's Prometheus metrics, recorded through swift-metrics into a registry of its own (no
/// global bootstrap, so several servers, as in tests, keep separate figures):
///
/// - `arlens_http_requests_total{route,method,status}` and `arlens_http_request_duration_seconds{route}`
/// - `arlens_cache_hits_total`, `arlens_cache_misses_total{kind}`
/// - `arlens_query_duration_seconds{kind}`: the time queries and renders ran
/// - `arlens_snapshot_age_seconds`, `arlens_snapshot_generation`, `arlens_queries_running`
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let handles = Mutex<[String: any Sendable]>([:])
    private let snapshotAge: CoreMetrics.Gauge
    private let generation: CoreMetrics.Gauge
    let queriesRunning: CoreMetrics.Meter

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5), .seconds(30),
        ]
        self.factory = factory
        snapshotAge = CoreMetrics.Gauge(label: "arlens_snapshot_age_seconds", factory: factory)
        generation = CoreMetrics.Gauge(label: "arlens_snapshot_generation", factory: factory)
        queriesRunning = CoreMetrics.Meter(label: "arlens_queries_running", factory: factory)
    }

    func request(route: String, method: String, status: Int, duration: Duration) {
        counter("arlens_http_requests_total", [("route", route), ("method", method), ("status", "\(status)")]).increment()
        timer("arlens_http_request_duration_seconds", [("route", route)]).recordNanoseconds(duration.nanoseconds)
    }

    func cache(hit: Bool, kind: String) {
        counter(hit ? "arlens_cache_hits_total" : "arlens_cache_misses_total", [("kind", kind)]).increment()
    }

    func query(kind: String, duration: Duration) {
        timer("arlens_query_duration_seconds", [("kind", kind)]).recordNanoseconds(duration.nanoseconds)
    }

    func loaded(_ data: LoadedData) {
        generation.record(data.generation)
        refresh(data)
    }

    /// Brings the time-dependent gauges up to date (called before each scrape).
    func refresh(_ data: LoadedData?) {
        if let data { snapshotAge.record(data.snapshotAgeSeconds) }
    }

    /// The text exposition format.
    func exposition() -> [UInt8] { registry.emitToBuffer() }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Counter {
        handle(label, dimensions) { CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory) }
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Timer {
        handle(label, dimensions) { CoreMetrics.Timer(label: label, dimensions: dimensions, factory: factory) }
    }

    /// The metric object for (label, dimensions), made once: the registry lookup then happens once
    /// per series, not once per request.
    private func handle<T: Sendable>(_ label: String, _ dimensions: [(String, String)], make: () -> T) -> T {
        let key = label + dimensions.map { "|\($0.1)" }.joined()
        if let existing = handles.withLock({ $0[key] }) as? T { return existing }
        let made = make()
        return handles.withLock { d in
            if let existing = d[key] as? T { return existing }
            d[key] = made
            return made
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
