import ARServer
import Foundation
import Testing

/// Tokens are checked on every request: 401 without a known token, 403 beyond the token's role.
@Suite(.serialized) struct AccessTests {
    @Test func rolesAndTokens() async throws {
        let tokens = try TokenFixture()
        let server = try await RunningServer.start(data: Paths.sample, tokens: tokens.path)
        let chart = "/v1/chart?q=\(encoded("ar by entity"))"

        let anonymous = try await server.get("/v1/query?q=ar")
        #expect(anonymous.status == 401 && anonymous.errorCode == "S4010" && anonymous.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
        #expect(try await server.get("/v1/query?q=ar", token: "guess").status == 401)
        #expect(try await server.get("/v1/health").status == 200, "liveness needs no token")
        #expect(try await server.get("/").status == 200, "the dashboard page holds no figures")

        // viewer: saved queries and charts, not raw ARQL.
        #expect(try await server.get(chart, token: tokens.viewerFR).status == 200)
        #expect(try await server.get("/v1/queries/ar-overview.json", token: tokens.viewerFR).status == 200)
        let forbidden = try await server.get("/v1/query?q=ar", token: tokens.viewerFR)
        #expect(forbidden.status == 403 && forbidden.errorCode == "S4030")
        // analyst: any ARQL, not reload or metrics.
        #expect(try await server.get("/v1/query?q=ar", token: tokens.analystAll).status == 200)
        #expect(try await server.send("POST", "/v1/admin/reload", token: tokens.analystAll).status == 403)
        #expect(try await server.get("/metrics", token: tokens.analystAll).status == 403)
        // admin: everything.
        #expect(try await server.send("POST", "/v1/admin/reload", token: tokens.admin).status == 200)
        #expect(try await server.get("/metrics", token: tokens.admin).status == 200)
        // A token in the URL, for an <img> embedded elsewhere.
        #expect(try await server.get(chart + "&access_token=\(tokens.viewerFR)").status == 200)
        let me = try await server.get("/v1/me", token: tokens.viewerFR)
        #expect(me.text == "{\"name\":\"wall-fr\",\"role\":\"viewer\",\"scope\":{\"entity\":[\"FR01\"]}}\n")
        await server.stop()
    }

    @Test func tokenFilesStoreHashesOnly() throws {
        let folder = Paths.temporary("bad-tokens")
        try "tokens:\n  - name: x\n    sha256: my-secret-token\n    role: admin\n".write(toFile: folder + "/t.yaml", atomically: true, encoding: .utf8)
        #expect(throws: TokenFileError.self) { try TokenFile.load(path: folder + "/t.yaml") }
        try "tokens:\n  - name: x\n    sha256: \(TokenFile.hash("a"))\n    role: root\n".write(toFile: folder + "/r.yaml", atomically: true, encoding: .utf8)
        #expect { try TokenFile.load(path: folder + "/r.yaml") } throws: { "\($0)".contains("unknown role 'root'") }
        // sha256 of "abc", the FIPS 180-2 test vector.
        #expect(TokenFile.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func publicAddressNeedsTokens() {
        #expect { try ARLensServer(configuration: ServerConfiguration(host: "0.0.0.0", dataPath: Paths.sample)) } throws: {
            "\($0)".contains("refusing to listen on '0.0.0.0' without --tokens")
        }
    }
}
