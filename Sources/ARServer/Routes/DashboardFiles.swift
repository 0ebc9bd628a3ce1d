import Foundation
import Hummingbird

/// The built-in dashboard (plain HTML, CSS and JavaScript shipped as package resources) and the
/// OpenAPI document, read once.
enum DashboardFiles {
    static let folder: URL? = Bundle.module.url(forResource: "Resources", withExtension: nil)

    static func file(_ path: String) -> [UInt8]? {
        guard let url = folder?.appendingPathComponent(path), let data = try? Data(contentsOf: url) else { return nil }
        return Array(data)
    }

    static let openAPI: [UInt8] = file("openapi.json") ?? Array("{}".utf8)

    /// The dashboard's files by name, with their content types.
    static let assets: [String: (type: String, body: [UInt8])] = {
        var assets: [String: (String, [UInt8])] = [:]
        for (name, type) in [("index.html", "text/html; charset=utf-8"), ("dashboard.css", "text/css; charset=utf-8"),
                             ("dashboard.js", "text/javascript; charset=utf-8")] {
            if let body = file("dashboard/" + name) { assets[name] = (type, body) }
        }
        return assets
    }()
}

/// `GET /` and `GET /dashboard/{file}`: the dashboard page; it holds no figures, so it needs no token
/// (its requests to the API do).
struct DashboardRoutes {
    func register(on router: Router<ServerRequestContext>) {
        router.get("/") { _, _ in try Self.asset("index.html") }
        router.get("/dashboard/:file") { _, context in try Self.asset(context.parameters.require("file")) }
    }

    static func asset(_ name: String) throws -> Response {
        guard let asset = DashboardFiles.assets[name] else {
            throw APIError(.notFound, .notFound, "no dashboard file '\(name)'", help: "open / for the dashboard")
        }
        return Response(status: .ok, headers: [.contentType: asset.type, .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: asset.body)))
    }
}
