import HTTPTypes
import ARQuery
import Hummingbird
import Logging

/// Everything the routes share: the data view, the cache, the gate, the metrics, the saved
/// queries and the tokens.
final class ServerState: Sendable {
    let configuration: ServerConfiguration
    let holder: DataHolder
    let loader: DataLoader
    let cache: ResponseCache
    let outcomes: OutcomeCache
    let gate: QueryGate
    let metrics: ServerMetrics
    let savedQueries: SavedQueries
    let tokens: TokenFile?

    init(configuration: ServerConfiguration, tokens: TokenFile?, logger: Logger) {
        self.configuration = configuration
        self.tokens = tokens
        let holder = DataHolder(), cache = ResponseCache(capacity: configuration.cacheBytes), metrics = ServerMetrics()
        let outcomes = OutcomeCache(capacity: configuration.cacheBytes / 2)
        self.holder = holder
        self.cache = cache
        self.outcomes = outcomes
        self.metrics = metrics
        loader = DataLoader(configuration: configuration, holder: holder, logger: logger) { data in
            cache.removeAll()
            outcomes.removeAll()
            metrics.loaded(data)
        }
        gate = QueryGate(concurrency: configuration.limits.heavyConcurrency, queueLength: configuration.limits.heavyQueueLength)
        savedQueries = SavedQueries.load(directory: configuration.queriesDirectory)
    }

    var limits: ServerLimits { configuration.limits }

    /// The response for `key`: `304` when the client holds it, the cached bytes, or `work` run
    /// through the gate on the request's data view and perimeter, then cached.
    func answer(_ request: Request, _ context: ServerRequestContext, data: LoadedData, principal: Principal,
                key: ResponseKey, work: @escaping @Sendable (Answering) throws -> RenderedAnswer) async throws -> Response {
        let etag = key.etag
        if ResponseKey.matches(request.headers[.ifNoneMatch], etag: etag) {
            metrics.cache(hit: true, kind: key.kind)
            return Response(status: .notModified, headers: Self.cacheHeaders(etag))
        }
        if let hit = cache.get(etag) {
            metrics.cache(hit: true, kind: key.kind)
            return Self.ok(hit, etag: etag)
        }
        metrics.cache(hit: false, kind: key.kind)
        let budget = limits.timeBudget, perimeter = principal.perimeter, metrics = metrics, outcomes = outcomes
        let started = ContinuousClock.now
        let entry = try await gate.run(budget: budget, clientIsGone: { context.clientIsGone }) { control in
            metrics.queriesRunning.increment()
            defer { metrics.queriesRunning.decrement() }
            return try work(Answering(data: data, perimeter: perimeter, control: control, budget: budget, outcomes: outcomes))
        }
        metrics.query(kind: key.kind, duration: ContinuousClock.now - started)
        cache.put(etag, entry)
        return Self.ok(entry, etag: etag)
    }

    static func ok(_ entry: RenderedAnswer, etag: String) -> Response {
        var headers = cacheHeaders(etag)
        headers[.contentType] = entry.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: entry.body))
    }

    /// Revalidate every time (`no-cache`), never in a shared cache (`private`: answers depend on the token).
    static func cacheHeaders(_ etag: String) -> HTTPFields {
        [.eTag: etag, .cacheControl: "private, no-cache", .vary: "Authorization"]
    }

    /// A small JSON document.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
