import Foundation
import Testing

/// The built-in dashboard in a real browser (headless Chromium) against a real server: the DOM
/// holds the figures the API returns, every chart image loads, a bad query shows the caret
/// diagnostic. The screenshot is kept for a person to look at.
@Suite(.serialized, .enabled(if: Chromium.available, Comment(rawValue: Chromium.unavailableReason)))
struct DashboardBrowserTests {
    @Test func dashboardShowsTheAPIsFigures() async throws {
        let server = try await RunningServer.start(data: Paths.sample)
        let dom = try await Chromium.dom(server.base + "/")
        #expect(dom.contains("data-ready=\"true\""), "the page finished its requests")

        // KPI tiles: the values /v1/query gives for the latest month.
        let kpis = try await server.post("/v1/query", json: #"{"query": "ar, overdue_rate, dso, cei monthly from 2026-09-30 to 2026-10-31"}"#)
        let latest = try #require(((kpis.json as? [String: Any])?["rows"] as? [[Any]])?.last)
        for value in latest.dropFirst() {
            #expect(dom.contains("data-raw=\"\(value)\""), "KPI value \(value) is on the page")
        }
        // Top overdue customers: every row of the API's answer.
        let top = try await server.post("/v1/query", json: #"{"query": "overdue, ar, overdue_rate by customer as of 2026-10-31 having overdue > 0 order by overdue desc limit 10"}"#)
        let rows = try #require((top.json as? [String: Any])?["rows"] as? [[Any]])
        #expect(rows.count == 10)
        for row in rows { #expect(dom.contains("data-raw=\"\(row[0])\"") && dom.contains("data-raw=\"\(row[2])\"")) }

        // Every chart is an <img> that loaded (natural width > 0).
        let widths = Self.matches(of: #"data-natural-width="(\d+)""#, in: dom).compactMap(Int.init)
        #expect(widths.count >= 11, "10 dashboard charts and the ARQL box's chart: \(widths)")
        #expect(widths.allSatisfy { $0 > 0 }, "every image loaded: \(widths)")
        await server.stop()
    }

    @Test func badARQLShowsTheCaretDiagnostic() async throws {
        let server = try await RunningServer.start(data: Paths.sample)
        let dom = try await Chromium.dom(server.base + "/#q=" + encoded("ar by regoin"))
        #expect(dom.contains("data-code=\"Q2002\""))
        #expect(dom.contains("error[Q2002]: expected a dimension, found 'regoin'"))
        #expect(dom.contains("  |       ^^^^^^"), "the caret under the token")
        #expect(dom.contains("did you mean 'region'?"))
        let shot = NSTemporaryDirectory() + "arlens-dashboard.png"
        try await Chromium.screenshot(server.base + "/", to: shot)
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.count > 50_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a screenshot at \(shot)")
        await server.stop()
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
