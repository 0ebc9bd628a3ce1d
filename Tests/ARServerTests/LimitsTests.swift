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
        limits.timeBudget = .milliseconds(800)
        let server = try await RunningServer.start(data: Paths.sample, limits: limits)
        async let slow = server.get("/v1/query?q=\(encoded(Self.long))")
        // Ask until the slow query holds the one slot (on a loaded machine it may take a moment to start).
        var refused = try await server.get("/v1/query?q=\(encoded("ar by region"))")
        for _ in 0..<20 where refused.status == 200 {
            try await Task.sleep(for: .milliseconds(25))
            refused = try await server.get("/v1/query?q=\(encoded("ar by region"))")
        }
        #expect(refused.status == 503 && refused.errorCode == "S5031" && refused.headers["retry-after"] == "1", "\(refused.text)")
        #expect(try await slow.status == 504)
        await server.stop()
    }
}
