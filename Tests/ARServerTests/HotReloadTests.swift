import Foundation
import Synchronization
import Testing

/// A snapshot added to the store while clients keep asking is picked up without a restart: no
/// request fails, and no request mixes two snapshots (two statements of one request name the same
/// snapshot, and each snapshot's figure is always the same).
@Suite(.serialized) struct HotReloadTests {
    struct Seen: Sendable {
        var failures: [String] = []
        var arBySnapshot: [String: Set<String>] = [:]
        var requests = 0
    }

    final class Shared: Sendable {
        let seen = Mutex(Seen())
        let stop = Atomic<Bool>(false)
    }

    @Test func newSnapshotUnderConcurrentLoad() async throws {
        let store = try await Chromium.offThread { try StoreFixture.sampleStore() }
        let server = try await RunningServer.start(data: store, reloadInterval: .milliseconds(100))
        let first = try await server.get("/v1/health")
        #expect(first.text.contains("\"generation\":1"))
        let shared = Shared()

        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<4 {
                group.addTask {
                    var k = 0
                    while !shared.stop.load(ordering: .relaxed) {
                        k += 1
                        // A new query text per request (a cached answer would prove nothing), two statements.
                        let reply = try await server.post("/v1/query", json: #"{"query": "ar; count where dpd > -\#(client * 100_000 + k)"}"#)
                        Self.record(reply, into: shared.seen)
                    }
                }
            }
            group.addTask {
                // At least 20 answers before the new snapshot and 20 after it is served (however slow the machine).
                try await Self.waitFor(requests: 20, in: shared)
                try await Chromium.offThread { try StoreFixture.addGenerated(asOf: "2026-11-30", to: store) }
                for _ in 0..<1200 {
                    if try await server.get("/v1/health").text.contains("\"generation\":2") { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await Self.waitFor(requests: shared.seen.withLock { $0.requests } + 20, in: shared)
                shared.stop.store(true, ordering: .relaxed)
            }
            try await group.waitForAll()
        }
        let result = shared.seen.withLock { $0 }
        #expect(result.requests >= 40, "only \(result.requests) requests were made")
        #expect(result.failures.isEmpty, "\(result.failures.count) of \(result.requests) requests failed or mixed: \(result.failures.prefix(5))")
        #expect(result.arBySnapshot.count == 2, "both snapshots served: \(result.arBySnapshot.keys.sorted())")
        for (snapshot, values) in result.arBySnapshot { #expect(values.count == 1, "\(snapshot) answered \(values)") }
        #expect(try await server.get("/v1/health").text.contains("2026-11-30"))
        // An explicit reload now finds nothing new.
        let reload = try await server.send("POST", "/v1/admin/reload")
        #expect(reload.status == 200 && reload.text.contains("\"reloaded\":false"))
        await server.stop()
    }

    static func waitFor(requests: Int, in shared: Shared) async throws {
        for _ in 0..<6000 where shared.seen.withLock({ $0.requests }) < requests {
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    static func record(_ reply: HTTPReply, into seen: borrowing Mutex<Seen>) {
        let statements = reply.json as? [[String: Any]] ?? []
        let ids = statements.map { (($0["snapshots"] as? [[String: Any]])?.first?["id"] as? String) ?? "?" }
        let ar = (statements.first?["rows"] as? [[Any]])?.first?.first.map { "\($0)" } ?? "?"
        seen.withLock { s in
            s.requests += 1
            if reply.status != 200 || statements.count != 2 {
                s.failures.append("\(reply.status): \(reply.text.prefix(200))")
            } else if Set(ids).count != 1 {
                s.failures.append("mixed snapshots \(ids)")
            } else {
                s.arBySnapshot[ids[0], default: []].insert(ar)
            }
        }
    }
}
