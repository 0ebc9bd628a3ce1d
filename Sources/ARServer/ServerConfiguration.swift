import Foundation

/// What `arlens serve` was asked to do: where to listen, what data to serve, who may ask, and
/// how much one request may cost.
public struct ServerConfiguration: Sendable {
    /// The interface to bind; loopback unless a token file guards the server.
    public var host: String
    /// The TCP port; 0 picks a free one (tests).
    public var port: Int
    /// A store folder, a CSV folder or a SQLite file (see `OpenedData.open`).
    public var dataPath: String
    /// A mapping file for a CSV folder or SQLite file in another layout.
    public var mapping: String?
    /// The YAML token file; `nil` serves loopback clients only, each with full rights.
    public var tokensPath: String?
    /// The folder of saved queries (`*.arql`) served under `/v1/queries`.
    public var queriesDirectory: String?
    public var limits: ServerLimits
    /// How often the store's manifest is checked for new snapshots; `nil` never (reload by request only).
    public var reloadInterval: Duration?
    /// The bytes of rendered charts and results kept in memory.
    public var cacheBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, dataPath: String, mapping: String? = nil,
                tokensPath: String? = nil, queriesDirectory: String? = nil, limits: ServerLimits = ServerLimits(),
                reloadInterval: Duration? = .seconds(2), cacheBytes: Int = 64 << 20) {
        self.host = host
        self.port = port
        self.dataPath = dataPath
        self.mapping = mapping
        self.tokensPath = tokensPath
        self.queriesDirectory = queriesDirectory
        self.limits = limits
        self.reloadInterval = reloadInterval
        self.cacheBytes = cacheBytes
    }

    /// Whether `host` names a loopback interface (the only ones served without tokens).
    public var bindsLoopbackOnly: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// How much one request may cost before the server refuses it.
public struct ServerLimits: Sendable {
    /// The largest request body accepted (413 above).
    public var maxBodyBytes: Int
    /// The longest ARQL text accepted, in UTF-8 bytes (413 above).
    public var maxQueryBytes: Int
    /// The largest image drawn: width × height × scale², in device pixels (400 above).
    public var maxImagePixels: Double
    /// The time a query may run, waiting for a slot included (504 past it).
    public var timeBudget: Duration
    /// Queries and renders running at once; others wait for a slot.
    public var heavyConcurrency: Int
    /// Requests waiting for a slot at once; past that the server answers 503 at once.
    public var heavyQueueLength: Int

    public init(maxBodyBytes: Int = 256 << 10, maxQueryBytes: Int = 16 << 10, maxImagePixels: Double = 16_000_000,
                timeBudget: Duration = .seconds(10), heavyConcurrency: Int = 2, heavyQueueLength: Int = 64) {
        self.maxBodyBytes = maxBodyBytes
        self.maxQueryBytes = maxQueryBytes
        self.maxImagePixels = maxImagePixels
        self.timeBudget = timeBudget
        self.heavyConcurrency = heavyConcurrency
        self.heavyQueueLength = heavyQueueLength
    }
}
