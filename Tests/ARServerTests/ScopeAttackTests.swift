import Foundation
import Testing

/// A token scoped to FR01 must never receive a figure that includes another entity's items. Each
/// attack is asked of the server as the FR01 token, and of an unscoped server over an extraction
/// of FR01's rows alone (``EntityExtract``, plain CSV filtering): the figures must be identical,
/// and no other entity's or customer's name may appear in the answer.
@Suite(.serialized) struct ScopeAttackTests {
    /// Statements that try to reach beyond FR01: by naming other entities, grouping, other
    /// customers, parameters, explain, series, forecasts, items, currencies.
    static let attacks: [(query: String, params: [String: String])] = [
        ("ar", [:]),
        ("ar, current, overdue, overdue_rate, disputed by entity", [:]),
        ("ar where entity = \"US01\"", [:]),
        ("ar by entity where entity = \"US01\"", [:]),
        ("ar by entity where entity in (\"US01\", \"DE01\", \"FR01\")", [:]),
        ("ar by entity where not entity = \"FR01\"", [:]),
        ("ar by entity where entity = $e", ["e": "US01"]),
        ("overdue by customer order by overdue desc limit 50", [:]),
        ("ar by customer where customer = \"C000372\"", [:]),
        ("aging by region", [:]),
        ("aging(buckets: [30, 60, 90]) by customer_group", [:]),
        ("dso, dso(method: countback), bpdso, add by entity", [:]),
        ("cei(period: 3 months), cei by segment", [:]),
        ("overdue_rate by entity monthly from 2025-10-31 to 2026-10-31", [:]),
        ("ar by region monthly from 2026-04-30 to 2026-10-31 where entity = \"US01\"", [:]),
        ("forecast collections weekly next 13 weeks", [:]),
        ("forecast collections monthly next 3 months by entity", [:]),
        ("items order by open desc limit 25", [:]),
        ("items where entity = \"US01\" order by open desc limit 25", [:]),
        ("items where customer = \"C000001\" order by open desc limit 25", [:]),
        ("disputed, open_disputes, dispute_days(period: 12 months) by dispute_reason", [:]),
        ("write_offs(period: 12 months), bad_debt_rate(period: 12 months) by entity", [:]),
        ("ar in USD by entity", [:]),
        ("ar by currency", [:]),
        ("dso by customer order by dso desc limit 10", [:]),
        ("ar, overdue by country", [:]),
        ("ar by sales_rep", [:]),
        ("days_to_pay, days_late by entity over last 12 months", [:]),
        ("promise_kept_rate by entity", [:]),
        ("count, customers by entity", [:]),
        ("ar as of 2026-06-30", [:]),
        ("overdue by customer where region = $r having overdue > 0 order by overdue desc limit 10", ["r": "AMER"]),
        ("dso, overdue_rate by entity monthly from 2026-01-31 to 2026-10-31 project 3 months", [:]),
    ]

    /// Names that belong to other entities only: none may appear in a scoped answer.
    static let foreignEntities = ["US01", "DE01", "UK01", "JP01"]

    @Test func scopedTokenAnswersEqualAnExtractOfItsEntity() async throws {
        let tokens = try TokenFixture()
        let extract = Paths.temporary("fr01")
        try await Chromium.offThread { try EntityExtract.write(from: Paths.sample, entities: ["FR01"], to: extract) }
        let scoped = try await RunningServer.start(data: Paths.sample, tokens: tokens.path)
        let reference = try await RunningServer.start(data: extract)
        defer { Task { await scoped.stop(); await reference.stop() } }

        var leaks: [String] = []
        for (query, params) in Self.attacks {
            let body = Self.body(query, params)
            let asked = try await scoped.post("/v1/query", json: body, token: tokens.analystFR)
            let expected = try await reference.post("/v1/query", json: body)
            #expect(asked.status == expected.status, "\(query): \(asked.text)")
            if asked.figures != expected.figures { leaks.append("\(query)\n  scoped:    \(asked.figures.prefix(300))\n  extract:   \(expected.figures.prefix(300))") }
            for name in Self.foreignEntities where asked.text.contains("\"\(name)\"") { leaks.append("\(query): names \(name)") }
        }
        #expect(leaks.isEmpty, "\(leaks.count) of \(Self.attacks.count) attacks leaked:\n\(leaks.joined(separator: "\n"))")
        await scoped.stop()
        await reference.stop()
    }

    @Test func explainChartsValuesAndSavedQueriesStayInScope() async throws {
        let tokens = try TokenFixture()
        let extract = Paths.temporary("fr01b")
        try await Chromium.offThread { try EntityExtract.write(from: Paths.sample, entities: ["FR01"], to: extract) }
        let scoped = try await RunningServer.start(data: Paths.sample, tokens: tokens.path)
        let reference = try await RunningServer.start(data: extract)

        // explain: the plan of FR01's rows only, the extract's but for the snapshot ids and the perimeter it names.
        for query in ["explain ar by entity where entity = \"US01\"", "explain overdue_rate by entity monthly from 2026-01-31 to 2026-10-31"] {
            let asked = try await scoped.post("/v1/query", json: Self.body(query, [:]), token: tokens.analystFR)
            let expected = try await reference.post("/v1/query", json: Self.body(query, [:]))
            #expect(asked.status == 200)
            #expect(Self.withoutIDs(asked.text) == Self.withoutIDs(expected.text), "\(query):\n\(asked.text)\n\(expected.text)")
        }
        // explain sql: the SQL restricts every table to the perimeter and names no other entity.
        let sql = try await scoped.post("/v1/query", json: Self.body("explain sql ar, overdue by entity where entity = \"US01\"", [:]),
                                        token: tokens.analystFR)
        #expect(sql.status == 200 && sql.text.contains("IN ('FR01')"))
        for name in Self.foreignEntities.dropFirst() { #expect(!sql.text.contains(name), "explain sql names \(name)") }
        // Charts: the same image as the extract's (the figures drawn are the same). The extract is
        // read with the FR01 token too, so both subtitles name the perimeter.
        let scopedReference = try await RunningServer.start(data: extract, tokens: tokens.path)
        for query in ["ar by entity", "aging by customer_group where entity = \"US01\"", "overdue_rate by entity monthly from 2026-01-31 to 2026-10-31"] {
            let path = "/v1/chart?q=\(encoded(query))&format=png"
            let asked = try await scoped.get(path, token: tokens.viewerFR), expected = try await scopedReference.get(path, token: tokens.viewerFR)
            #expect(asked.status == 200 && asked.body == expected.body, "chart of \(query) differs from the extract's")
        }
        // Value lists (pickers, completion) and saved queries, as a viewer.
        for path in ["/v1/values/entity", "/v1/values/customer", "/v1/values/region", "/v1/queries/top-overdue-customers.json",
                     "/v1/queries/ar-overview.json", "/v1/queries/aging-by-group.csv"] {
            let asked = try await scoped.get(path, token: tokens.viewerFR), expected = try await reference.get(path)
            #expect(asked.status == 200 && asked.figures == expected.figures, "\(path): \(asked.text.prefix(200)) vs \(expected.text.prefix(200))")
        }
        // Snapshot counts describe the whole store: a scoped token gets the dates only.
        let snapshots = try await scoped.get("/v1/snapshots", token: tokens.viewerFR)
        #expect(snapshots.status == 200 && !snapshots.text.contains("invoices"))
        await scoped.stop()
        await reference.stop()
        await scopedReference.stop()
    }

    /// Explain text without snapshot ids and the perimeter clause, which name the data, not figures.
    static func withoutIDs(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2}-[0-9a-f]{8}"#, with: "ID", options: .regularExpression)
            .replacingOccurrences(of: " within entity FR01", with: "")
    }

    static func body(_ query: String, _ params: [String: String]) -> String {
        let object: [String: Any] = ["query": query, "params": params]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}
