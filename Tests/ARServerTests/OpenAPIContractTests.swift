import Foundation
import Testing

/// The OpenAPI document matches what the server does: every operation it lists is called on a
/// real server, and the status, content type and required members of each answer are ones the
/// document declares for it; every route the server has is in the document.
@Suite(.serialized) struct OpenAPIContractTests {
    /// Example values for the path and query parameters the document declares.
    static let examples = ["dimension": "entity", "file": "aging-by-group.json", "q": "ar by entity"]
    static let badQuery = "ar by regoin"

    @Test func everyOperationAnswersAsDocumented() async throws {
        let server = try await RunningServer.start(data: Paths.sample)
        let doc = try #require(try await server.get("/v1/openapi.json").json as? [String: Any])
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        var checked = 0
        for (template, operations) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, value) in operations {
                let operation = try #require(value as? [String: Any])
                for query in [Self.examples["q"]!, Self.badQuery] {
                    let reply = try await Self.call(server, method: method, template: template, operation: operation, query: query)
                    try Self.check(reply, against: operation, in: doc, what: "\(method.uppercased()) \(template) (\(query))")
                    checked += 1
                }
            }
        }
        #expect(checked >= 30)
        // The routes the server registers are the documented ones (plus the dashboard's assets).
        let documented = Set(paths.keys)
        for route in ["/v1/health", "/v1/ready", "/v1/snapshots", "/v1/me", "/v1/values/{dimension}", "/v1/query", "/v1/chart",
                      "/v1/queries", "/v1/queries/{file}", "/v1/admin/reload", "/v1/openapi.json", "/metrics", "/"] {
            #expect(documented.contains(route), "\(route) is not documented")
        }
        await server.stop()
    }

    static func call(_ server: RunningServer, method: String, template: String, operation: [String: Any], query: String) async throws -> HTTPReply {
        var path = template
        var queryItems: [String] = []
        for parameter in operation["parameters"] as? [[String: Any]] ?? [] {
            guard let name = parameter["name"] as? String, let place = parameter["in"] as? String else { continue }
            let value = name == "q" ? query : examples[name]
            if place == "path", let value { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
            if place == "query", parameter["required"] as? Bool == true, let value { queryItems.append("\(name)=\(encoded(value))") }
        }
        if !queryItems.isEmpty { path += "?" + queryItems.joined(separator: "&") }
        if method == "post", operation["requestBody"] != nil {
            return try await server.post(path, json: RunningServer.json(["query": query]))
        }
        return try await server.send(method.uppercased(), path)
    }

    static func check(_ reply: HTTPReply, against operation: [String: Any], in doc: [String: Any], what: String) throws {
        let responses = try #require(operation["responses"] as? [String: Any])
        guard let declared = responses["\(reply.status)"] as? [String: Any] else {
            Issue.record("\(what): status \(reply.status) is not documented (\(responses.keys.sorted())): \(reply.text.prefix(200))")
            return
        }
        let response = resolve(declared, in: doc)
        guard let content = response["content"] as? [String: Any] else { return }
        let type = reply.headers["content-type"]?.split(separator: ";").first.map(String.init) ?? ""
        #expect(content.keys.contains(type), "\(what): content type '\(type)' is not one of \(content.keys.sorted())")
        guard type == "application/json", let media = content[type] as? [String: Any], let schema = media["schema"] as? [String: Any] else { return }
        let resolved = resolve(schema, in: doc)
        guard let required = resolved["required"] as? [String], let object = reply.json as? [String: Any] else { return }
        for member in required { #expect(object[member] != nil, "\(what): member '\(member)' is missing from \(reply.text.prefix(200))") }
    }

    /// A `$ref` followed to its component.
    static func resolve(_ object: [String: Any], in doc: [String: Any]) -> [String: Any] {
        guard let ref = object["$ref"] as? String else { return object }
        var node: Any = doc
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return node as? [String: Any] ?? [:]
    }
}

extension RunningServer {
    static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}
