import ARServer
import ArgumentParser
import Foundation
import Logging

/// `arlens serve`: the HTTP API and the built-in dashboard (all logic in ARServer).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve ARQL, rendered charts and a live dashboard over HTTP.",
        discussion: """
        Without --tokens the server listens on loopback only and every local client has full rights.
        Examples:
          arlens serve --data out/store                      then open http://127.0.0.1:8080/
          curl 'http://127.0.0.1:8080/v1/query?q=ar%20by%20entity'
          arlens serve --data out/store --host 0.0.0.0 --tokens tokens.yaml
        """
    )

    @Option(name: .long, help: ArgumentHelp("A store folder, a CSV folder or a SQLite file (default: datasets/sample).", valueName: "data"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("A YAML mapping file for a layout other than the interchange one.", valueName: "file"))
    var mapping: String?

    @Option(name: .long, help: "The interface to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port (0: any free port).")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("A YAML file of hashed access tokens with roles and scopes.", valueName: "file"))
    var tokens: String?

    @Option(name: .long, help: ArgumentHelp("The folder of saved queries served under /v1/queries (default: Queries).", valueName: "dir"))
    var queries: String?

    @Option(name: .long, help: "Seconds a query may run before it is stopped (504).")
    var timeBudget: Double = 10

    @Option(name: .long, help: "Seconds between checks of the store for new snapshots (0: only POST /v1/admin/reload).")
    var reloadInterval: Double = 2

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
        guard timeBudget > 0, timeBudget <= 3_600 else { throw ValidationError("--time-budget takes a number of seconds above 0, at most 3600") }
        guard reloadInterval >= 0 else { throw ValidationError("--reload-interval takes 0 or more seconds") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let path = try DataOptions.parse((data.map { ["--data", $0] } ?? [])).resolvedPath()
        var limits = ServerLimits()
        limits.timeBudget = .milliseconds(Int(timeBudget * 1000))
        let configuration = ServerConfiguration(
            host: host, port: port, dataPath: path, mapping: mapping, tokensPath: tokens,
            queriesDirectory: queries ?? (FileManager.default.fileExists(atPath: "Queries") ? "Queries" : nil),
            limits: limits, reloadInterval: reloadInterval > 0 ? .milliseconds(Int(reloadInterval * 1000)) : nil
        )
        let server: ARLensServer
        do {
            server = try ARLensServer(configuration: configuration)
        } catch {
            throw CommandFailure("\(error)")
        }
        // Runs until SIGINT or SIGTERM, then drains the requests in flight (swift-service-lifecycle).
        try await server.buildApplication().runService()
        Logger(label: "arlens.serve").info("stopped: the requests in flight were answered")
    }
}
