import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The ARLens HTTP server: routes, middleware, the snapshot watcher, built from a configuration.
///
/// ```swift
/// let app = try buildApplication(configuration: ServerConfiguration(dataPath: "out/store"))
/// try await app.runService()   // until SIGINT or SIGTERM
/// ```
public struct ARLensServer: Sendable {
    public let configuration: ServerConfiguration
    let state: ServerState
    let logger: Logger

    /// Checks the configuration and reads the token file; loads no data yet (the watcher does,
    /// once the server listens, so readiness is 503 until then).
    /// - Throws: ``ServerSetupError`` for a public address without tokens, ``TokenFileError``.
    public init(configuration: ServerConfiguration, logger: Logger = Logger(label: "arlens.serve")) throws {
        let tokens = try configuration.tokensPath.map(TokenFile.load(path:))
        if tokens == nil, !configuration.bindsLoopbackOnly {
            throw ServerSetupError("refusing to listen on '\(configuration.host)' without --tokens: anyone who can reach it would read every figure\nhelp: give --tokens FILE (docs/server.md), or keep the default --host 127.0.0.1")
        }
        self.configuration = configuration
        self.logger = logger
        state = ServerState(configuration: configuration, tokens: tokens, logger: logger)
    }

    /// The view requests are answered from (tests watch reloads through it).
    public var data: DataHolder { state.holder }

    /// The router with every route and middleware.
    public func buildRouter() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestObserver(metrics: state.metrics, maxBodyBytes: configuration.limits.maxBodyBytes,
                                               authenticator: TokenAuthenticator(tokens: state.tokens)))
        StatusRoutes(state: state).register(on: router)
        QueryRoutes(state: state).register(on: router)
        SavedQueryRoutes(state: state).register(on: router)
        OperationRoutes(state: state).register(on: router)
        DashboardRoutes().register(on: router)
        return router
    }

    /// The application: the router, and the service that loads the data and watches the store.
    public func buildApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let logger = logger, configuration = configuration, state = state
        return Application(
            router: buildRouter(),
            server: .http1(configuration: .init(additionalChannelHandlers: [ClientDepartureHandler()])),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "arlens"),
            services: [SnapshotWatcher(loader: state.loader, interval: configuration.reloadInterval)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                logger.info("listening", metadata: ["url": "http://\(configuration.host):\(port)/", "data": "\(configuration.dataPath)"])
                if state.tokens == nil {
                    logger.notice("no --tokens: serving loopback clients only, each with full rights (docs/server.md: tokens and scopes)")
                }
                await onServerRunning(port)
            },
            logger: logger
        )
    }

    /// Loads the data now (tests that use the router without the watcher service).
    public func loadNow() async {
        let loader = state.loader
        _ = await Offload.run { loader.reload(force: false) }
    }
}

/// Builds the application `arlens serve` runs.
public func buildApplication(configuration: ServerConfiguration, logger: Logger = Logger(label: "arlens.serve"),
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    try ARLensServer(configuration: configuration, logger: logger).buildApplication(onServerRunning: onServerRunning)
}

/// A server that cannot start as configured.
public struct ServerSetupError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
