import ARServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Bad input gets a clear JSON error and the server keeps serving. In memory, through the router
/// (HummingbirdTesting's `.router` framework), as Hummingbird's own tests do.
@Suite struct BadInputTests {
    /// One server over the sample, loaded once for every test of the suite.
    static let sample = Task<ARLensServer, any Error> {
        let server = try ARLensServer(configuration: ServerConfiguration(dataPath: Paths.sample, queriesDirectory: Paths.queries,
                                                                         limits: .forTests, reloadInterval: nil))
        await server.loadNow()
        return server
    }

    /// `body` against a router over the sample; checks the server still answers afterwards.
    func expectError(_ method: HTTPRequest.Method, _ uri: String, body: [UInt8]? = nil, status: HTTPResponse.Status, code: String,
                     message: String? = nil) async throws {
        let app = Application(router: try await Self.sample.value.buildRouter())
        try await app.test(.router) { client in
            let headers: HTTPFields = body == nil ? [:] : [.contentType: "application/json"]
            try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) }) { response in
                let text = String(buffer: response.body)
                #expect(response.status == status, "\(uri): \(text)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let error = (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["error"] as? [String: Any]
                #expect(error?["code"] as? String == code, "\(uri): \(text)")
                #expect((error?["help"] as? String)?.isEmpty == false, "every error says what would fix it: \(text)")
                if let message { #expect((error?["message"] as? String)?.contains(message) == true, "\(text)") }
            }
            try await client.execute(uri: "/v1/query?q=ar", method: .get) { response in
                #expect(response.status == .ok, "the server keeps serving after \(uri)")
            }
        }
    }

    @Test func malformedJSON() async throws {
        try await expectError(.post, "/v1/query", body: Array(#"{"query": "ar", "#.utf8), status: .badRequest, code: "S4000")
        try await expectError(.post, "/v1/query", body: Array(#"["ar"]"#.utf8), status: .badRequest, code: "S4000")
        try await expectError(.post, "/v1/query", body: Array(#"{"qeury": "ar"}"#.utf8), status: .badRequest, code: "S4002", message: "'qeury'")
        try await expectError(.post, "/v1/query", body: Array(#"{"query": ["ar"]}"#.utf8), status: .badRequest, code: "S4000")
    }

    @Test func oversizedBodyAndHugeQueryText() async throws {
        let huge = Array(("{\"query\": \"" + String(repeating: "ar, ", count: 100_000) + "ar\"}").utf8)
        try await expectError(.post, "/v1/query", body: huge, status: .contentTooLarge, code: "S4130")
        let long = Array(("{\"query\": \"" + String(repeating: "ar, ", count: 5_000) + "ar\"}").utf8)
        try await expectError(.post, "/v1/query", body: long, status: .contentTooLarge, code: "S4130", message: "at most 16384")
        try await expectError(.get, "/v1/query?q=" + String(repeating: "ar%2C", count: 6_000) + "ar", status: .contentTooLarge, code: "S4130")
    }

    @Test func nulBytesAndInvalidUTF8() async throws {
        try await expectError(.post, "/v1/query", body: Array(#"{"query": "ar\u0000 by entity"}"#.utf8), status: .badRequest, code: "S4001", message: "NUL")
        try await expectError(.get, "/v1/query?q=ar%00", status: .badRequest, code: "S4001")
        try await expectError(.post, "/v1/query", body: Array(#"{"query": "ar"#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8),
                              status: .badRequest, code: "S4001", message: "UTF-8")
        try await expectError(.get, "/v1/query?q=ar%FF", status: .badRequest, code: "S4001", message: "UTF-8")
        try await expectError(.get, "/v1/query?q=ar%G1", status: .badRequest, code: "S4001")
    }

    @Test func unknownParametersAndOptions() async throws {
        try await expectError(.get, "/v1/query?q=ar&entity=FR01", status: .badRequest, code: "S4002", message: "uses no parameters")
        try await expectError(.post, "/v1/query", body: Array(#"{"query": "ar where entity = $entity", "params": {"entty": "FR01"}}"#.utf8),
                              status: .badRequest, code: "S4002")
        try await expectError(.get, "/v1/query?q=ar%20where%20entity%20%3D%20%24e", status: .badRequest, code: "Q2003")
        try await expectError(.get, "/v1/query?q=ar&format=xml", status: .badRequest, code: "S4003")
        try await expectError(.get, "/v1/query", status: .badRequest, code: "S4004")
        try await expectError(.get, "/v1/chart?q=ar&width=abc", status: .badRequest, code: "S4003")
        try await expectError(.get, "/v1/chart?q=ar&format=gif", status: .badRequest, code: "S4003")
        try await expectError(.get, "/v1/chart?q=explain%20ar", status: .badRequest, code: "S4005")
    }

    @Test func queryErrorsCarryTheirCodeSpanAndCaret() async throws {
        try await Application(router: try await Self.sample.value.buildRouter()).test(.router) { client in
            try await client.execute(uri: "/v1/query?q=ar%20by%20regoin", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body) == """
                {"error":{"code":"Q2002","message":"expected a dimension, found 'regoin'","span":{"start":6,"end":12,"line":1,"column":7},\
                "help":"did you mean 'region'?","rendered":"error[Q2002]: expected a dimension, found 'regoin'\\n --> query:1:7\\n  |\\n\
                1 | ar by regoin\\n  |       ^^^^^^\\n  = help: did you mean 'region'?\\n"}}

                """)
            }
            // An engine error (no CHF rate) is the data's, not the query's: 422.
            try await client.execute(uri: "/v1/query?q=ar%20in%20CHF", method: .get) { response in
                #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("\"code\":\"Q3001\""))
            }
            try await client.execute(uri: "/v1/nowhere", method: .get) { response in
                #expect(response.status == .notFound && String(buffer: response.body).contains("\"code\":\"S4040\""))
            }
        }
    }

    @Test func imageSizeIsCapped() async throws {
        try await expectError(.get, "/v1/chart?q=ar&width=8000&height=8000&scale=2", status: .badRequest, code: "S4003", message: "pixels")
        try await expectError(.get, "/v1/chart?q=ar&width=50", status: .badRequest, code: "S4003")
        try await expectError(.get, "/v1/chart?q=ar&scale=9", status: .badRequest, code: "S4003")
    }

    @Test func noSnapshotLoadedIs503() async throws {
        let empty = Paths.temporary("empty-store")
        try #"{"format":"arlens-snapshot-store","version":1,"snapshots":[]}"#.write(toFile: empty + "/arlens-store.json", atomically: true, encoding: .utf8)
        let server = try ARLensServer(configuration: ServerConfiguration(dataPath: empty, reloadInterval: nil))
        await server.loadNow()
        try await Application(router: server.buildRouter()).test(.router) { client in
            for uri in ["/v1/ready", "/v1/query?q=ar", "/v1/snapshots"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable && String(buffer: response.body).contains("\"code\":\"S5030\""), "\(uri)")
                    #expect(response.headers[.retryAfter] == "2")
                }
            }
            try await client.execute(uri: "/v1/health", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}
