import ARCharts
import ARPresentation
import ARQuery
import ARImport
import Foundation
import Testing

/// Every endpoint of a real server on a free loopback port, over the bundled sample.
@Suite(.serialized) struct EndpointTests {
    @Test func healthReadySnapshotsAndWhoAmI() async throws {
        let server = try await RunningServer.start(data: Paths.sample)
        let health = try await server.get("/v1/health")
        #expect(health.status == 200 && health.text.contains("\"as_of\":\"2026-10-31\"") && health.text.contains("\"generation\":1"))
        #expect(try await server.get("/v1/ready").status == 200)
        let snapshots = try await server.get("/v1/snapshots")
        #expect(snapshots.status == 200 && snapshots.text.contains("\"reporting_currency\":\"EUR\""))
        let me = try await server.get("/v1/me")
        #expect(me.text == "{\"name\":\"loopback\",\"role\":\"admin\",\"scope\":{}}\n")
        let values = try await server.get("/v1/values/entity")
        #expect(values.text == "{\"dimension\":\"entity\",\"values\":[\"DE01\",\"FR01\",\"JP01\",\"UK01\",\"US01\"]}\n")
        #expect(try await server.get("/v1/values/colour").errorCode == "S4040")
        #expect(health.headers["x-request-id"]?.isEmpty == false)
        let echoed = try await server.get("/v1/health", headers: ["X-Request-Id": "trace-42"])
        #expect(echoed.headers["x-request-id"] == "trace-42")
        await server.stop()
    }

    @Test func queryAnswersAsTheCommandLineDoes() async throws {
        let server = try await RunningServer.start(data: Paths.sample)
        let runner = try await Chromium.offThread { try QueryRunner(source: OpenedData.open(path: Paths.sample).source) }
        let text = "ar, overdue_rate by entity"
        let expected = try runner.run(text)[0].text(as: .json)
        let get = try await server.get("/v1/query?q=\(encoded(text))")
        #expect(get.status == 200 && get.text == expected && get.headers["content-type"] == "application/json; charset=utf-8")
        let post = try await server.post("/v1/query", json: #"{"query": "ar, overdue_rate by entity", "format": "csv"}"#)
        let csv = try runner.run(text)[0].text(as: .csv)
        #expect(post.text == csv && post.headers["content-type"] == "text/csv; charset=utf-8")
        let param = try await server.post("/v1/query", json: #"{"query": "ar where entity = $e", "params": {"e": "FR01"}}"#)
        #expect(param.text.contains("33846888.46"))
        let two = try await server.get("/v1/query?q=\(encoded("ar; overdue"))")
        #expect((two.json as? [Any])?.count == 2)
        let explain = try await server.get("/v1/query?q=\(encoded("explain ar by entity"))")
        #expect(((explain.json as? [String: Any])?["explain"] as? String)?.contains("Aggregate ar by entity") == true)
        await server.stop()
    }

    @Test func chartsAreTheBytesArlensChartWrites() async throws {
        let server = try await RunningServer.start(data: Paths.sample)
        let runner = try await Chromium.offThread { try QueryRunner(source: OpenedData.open(path: Paths.sample).source) }
        let folder = Paths.temporary("charts")
        for (query, format, options) in [("aging by customer_group", "png", ""), ("overdue_rate by entity monthly from 2025-10-31 to 2026-10-31", "svg", "&theme=dark"),
                                         ("ar, overdue_rate, dso, cei", "png", "&width=600&height=300&scale=2"), ("overdue by region | chart donut", "pdf", "")] {
            let reply = try await server.get("/v1/chart?q=\(encoded(query))&format=\(format)\(options)")
            let statement = try runner.compiler.compileStatements(query).last!
            let outcome = try KPIHistory.series(for: statement, runner: runner) ?? runner.execute(statement)
            let file = folder + "/chart.\(format)"
            let size = options.contains("width") ? (600.0, 300.0, 2.0) : (900.0, 520.0, 1.0)
            try ChartOutput.write(outcome, to: file, options: ChartOutputOptions(width: size.0, height: size.1, scale: size.2,
                                                                                   theme: options.contains("dark") ? .dark : .light))
            let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            #expect(reply.status == 200 && reply.body == written, "\(query) as \(format)")
        }
        let post = try await server.post("/v1/chart", json: #"{"query": "aging by entity", "format": "svg", "width": 400, "height": 300}"#)
        #expect(post.status == 200 && post.headers["content-type"] == "image/svg+xml" && post.text.hasPrefix("<?xml"))
        await server.stop()
    }

    @Test func savedQueriesAreURLs() async throws {
        let server = try await RunningServer.start(data: Paths.sample)
        let list = try await server.get("/v1/queries")
        let names = ((list.json as? [String: Any])?["queries"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.contains("aging-by-group") && names.contains("forecast") && names.count >= 11)
        for ext in ["json", "csv", "png", "svg", "pdf"] {
            let reply = try await server.get("/v1/queries/aging-by-group.\(ext)")
            #expect(reply.status == 200 && reply.headers["etag"] != nil, "aging-by-group.\(ext)")
        }
        let direct = try await server.get("/v1/query?q=\(encoded("aging by customer_group"))")
        #expect(try await server.get("/v1/queries/aging-by-group.json").text == direct.text)
        #expect(try await server.get("/v1/queries/aging-by-grup.json").errorCode == "S4040")
        #expect(try await server.get("/v1/queries/aging-by-group.gif").errorCode == "S4040")
        #expect(try await server.get("/v1/queries/aging-by-group.json?entity=FR01").errorCode == "S4002")
        await server.stop()
    }

    @Test func etagsAnswer304AndTheCacheServesRepeats() async throws {
        let server = try await RunningServer.start(data: Paths.sample)
        let path = "/v1/chart?q=\(encoded("aging by entity"))"
        let first = try await server.get(path)
        let etag = try #require(first.headers["etag"])
        #expect(first.headers["cache-control"] == "private, no-cache")
        let again = try await server.get(path, headers: ["If-None-Match": etag])
        #expect(again.status == 304 && again.body.isEmpty)
        // The same query written differently is the same response.
        let respaced = try await server.get("/v1/chart?q=\(encoded("aging   by entity -- same"))", headers: ["If-None-Match": etag])
        #expect(respaced.status == 304)
        let other = try await server.get(path + "&width=500")
        #expect(other.status == 200 && other.headers["etag"] != etag)
        let repeatBody = try await server.get(path)
        #expect(repeatBody.body == first.body)
        let metrics = try await server.get("/metrics")
        #expect(metrics.text.contains("arlens_cache_hits_total{kind=\"chart.png\"} 3"))
        #expect(metrics.text.contains("arlens_http_requests_total{route=\"/v1/chart\",method=\"GET\",status=\"304\"} 2"))
        for name in ["arlens_http_request_duration_seconds_bucket", "arlens_query_duration_seconds_count", "arlens_snapshot_age_seconds", "arlens_snapshot_generation 1"] {
            #expect(metrics.text.contains(name), "\(name) missing from /metrics")
        }
        await server.stop()
    }

    @Test func dashboardAndOpenAPIAreServed() async throws {
        let server = try await RunningServer.start(data: Paths.sample)
        let page = try await server.get("/")
        #expect(page.status == 200 && page.headers["content-type"] == "text/html; charset=utf-8" && page.text.contains("dashboard.js"))
        #expect(try await server.get("/dashboard/dashboard.js").text.contains("/v1/chart"))
        #expect(try await server.get("/dashboard/dashboard.css").status == 200)
        #expect(try await server.get("/dashboard/secret.txt").status == 404)
        let openapi = try await server.get("/v1/openapi.json")
        #expect(((openapi.json as? [String: Any])?["openapi"] as? String) == "3.0.3")
        await server.stop()
    }
}
