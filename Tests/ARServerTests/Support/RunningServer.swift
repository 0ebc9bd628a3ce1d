import ARServer
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `arlens serve` application listening on a free loopback port, stopped by ``stop()``.
final class RunningServer: Sendable {
    let port: Int
    let server: ARLensServer
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(port: Int, server: ARLensServer, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.server = server
        self.group = group
        self.task = task
    }

    /// Starts a server over `data` and waits until it listens and has loaded its snapshot.
    static func start(data: String, tokens: String? = nil, limits: ServerLimits = .forTests,
                      reloadInterval: Duration? = nil, queries: String? = Paths.queries) async throws -> RunningServer {
        var logger = Logger(label: "arlens.test")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(port: 0, dataPath: data, tokensPath: tokens, queriesDirectory: queries,
                                                limits: limits, reloadInterval: reloadInterval)
        let server = try ARLensServer(configuration: configuration, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = server.buildApplication { port in continuation.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
        let running = RunningServer(port: port, server: server, group: group, task: task)
        try await running.waitUntilReady()
        return running
    }

    func waitUntilReady() async throws {
        for _ in 0..<600 {
            if try await get("/v1/ready").status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("the server never became ready")
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func get(_ path: String, token: String? = nil, headers: [String: String] = [:]) async throws -> HTTPReply {
        try await send("GET", path, token: token, headers: headers)
    }

    func post(_ path: String, json: String, token: String? = nil) async throws -> HTTPReply {
        try await send("POST", path, token: token, headers: ["Content-Type": "application/json"], body: Data(json.utf8))
    }

    func send(_ method: String, _ path: String, token: String? = nil, headers: [String: String] = [:], body: Data? = nil) async throws -> HTTPReply {
        try await HTTPReply.fetch(base + path, method: method, token: token, headers: headers, body: body)
    }
}

extension HTTPReply {
    /// One request with URLSession.
    static func fetch(_ url: String, method: String = "GET", token: String? = nil, headers: [String: String] = [:],
                      body: Data? = nil) async throws -> HTTPReply {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 120
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return HTTPReply(status: http.statusCode, headers: fields, body: [UInt8](data))
    }
}

/// One HTTP response as a test sees it.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
    /// The `error.code` of an error body.
    var errorCode: String? { ((json as? [String: Any])?["error"] as? [String: Any])?["code"] as? String }
    /// `columns` and `rows` of a result, rendered for comparison (snapshot ids and perimeter left out).
    var figures: String {
        guard let object = json as? [String: Any] else { return text }
        let kept = ["columns": object["columns"] ?? NSNull(), "rows": object["rows"] ?? NSNull(), "currency": object["currency"] ?? NSNull()]
        return String(decoding: (try? JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Paths in the repository.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let sample = root + "/datasets/sample"
    static let queries = root + "/Queries"

    /// A new empty folder under the temporary directory.
    static func temporary(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "arlens-server-\(name)-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Percent-encodes a query parameter value.
func encoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed)!
}

extension ServerLimits {
    /// The defaults with a time budget long enough for a debug build on a loaded machine (the
    /// tests of the budget set their own).
    static var forTests: ServerLimits {
        var limits = ServerLimits()
        limits.timeBudget = .seconds(300)
        return limits
    }
}
