import ARServer
import Foundation
import Testing

/// A query past its time budget is answered 504 at once, too many at once 503, and the server
/// keeps serving.
@Suite(.serialized) struct LimitsTests {
    /// Daily figures per customer over two years: seconds of work on the sample (minutes on a large ledger).
    static let long = "dso, overdue_rate by customer daily from 2024-11-01 to 2026-10-31"

    /// The real binary in its own process: the time it takes to answer depends on it alone.
    @Test func timeBudgetStopsALongQuery() async throws {
        let server = try await ServeProcess.start(["--data", Paths.sample, "--time-budget", "0.3", "--reload-interval", "0"])
        defer { server.stop() }
        let (status, body, seconds) = try await server.timedGet("/v1/query?q=\(encoded(Self.long))")
        // The engine polls the request's deadline and stops itself (Q3007, with a caret under the
        // series); the server's own S5040 answers when the stop comes between stages.
        #expect(status == 504 && (body.contains("\"code\":\"Q3007\"") || body.contains("\"code\":\"S5040\"")), "\(body)")
        // The query alone runs about 12 s in a debug build; the answer comes at the budget.
        #expect(seconds < 4, "answered after \(seconds) s")
        // Still serving (endpoints that need no query slot: the stopped query may still be winding down).
        #expect(try await server.get("/v1/ready").status == 200)
        #expect(try await server.get("/v1/snapshots").status == 200)
        #expect(server.stop() == 0, "SIGTERM stops the server cleanly, a stopped query still winding down")
    }

    @Test func concurrencyCapAnswers503() async throws {
        var limits = ServerLimits.forTests
        limits.heavyConcurrency = 1
        limits.heavyQueueLength = 0
        // Far longer than the test: the slow query must still hold the slot when the probe comes,
        // however loaded the machine. Its client leaves at the end, which stops it.
        limits.timeBudget = .seconds(120)
        let server = try await RunningServer.start(data: Paths.sample, limits: limits)
        let slow = Task { try await server.get("/v1/query?q=\(encoded(Self.long))") }
        // Wait until the metrics show the slow query running: the probe then meets a taken slot.
        var holding = false
        for _ in 0..<500 where !holding {
            holding = try await server.get("/metrics").text.contains("arlens_queries_running 1")
            if !holding { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(holding, "the slow query never started")
        // A query asked for the first time: no cache can answer it, so it needs the slot.
        let refused = try await server.get("/v1/query?q=\(encoded("ar by region as of 2026-09-30"))")
        #expect(refused.status == 503 && refused.errorCode == "S5031" && refused.headers["retry-after"] == "1", "\(refused.text)")
        // The slow query's client leaves: the server stops the query and frees the slot.
        slow.cancel()
        _ = await slow.result
        var freed = false
        var metrics = ""
        for _ in 0..<500 where !freed {
            metrics = try await server.get("/metrics").text
            freed = !metrics.contains("arlens_queries_running 1")
            if !freed { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(freed, "the query whose client left still holds the slot: \(metrics)")
        #expect(try await server.get("/v1/query?q=\(encoded("ar by region as of 2026-09-30"))").status == 200)
        await server.stop()
    }
}
