import ARCharts
import ARCore
import ARPresentation
import ARQuery
import Foundation
import Testing

/// Each case of issue 14 drawn from a query on the bundled sample, as `arlens chart` draws it,
/// and kept as golden files in `Golden/`: SVG byte for byte, PNG pixel by pixel within the
/// tolerance of the ARCharts golden tests (font rasterisers differ a little between machines).
/// `ARLENS_UPDATE_GOLDEN=1` writes them again after an intended change; look at the PNGs first.
struct ReadableChartsGoldenTests {
    static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden")
    static let updating = ProcessInfo.processInfo.environment["ARLENS_UPDATE_GOLDEN"] == "1"
    static let context = ChartContext(asOf: Day(iso: "2026-10-31"), currency: .eur, perimeter: nil,
                                      snapshotID: "sample-2026-10-31")
    static let options = ChartOutputOptions(width: 640, height: 400, context: context)

    static let cases: [(name: String, query: String)] = [
        ("forecast-weekly", "forecast collections weekly next 13 weeks"),
        ("forecast-by-entity", "forecast collections weekly next 13 weeks by entity"),
        ("forecast-line", "forecast collections weekly next 13 weeks | chart line"),
        ("mixed-units-kpi", "ar, overdue, overdue_rate, dso, cei"),
        ("mixed-units-panels", "disputed, open_disputes, dispute_days by dispute_reason"),
        ("aging-many-groups", "aging by customer_group"),
        ("aging-heatmap", "aging by customer_group | chart heatmap"),
        ("projection-by-entity", "dso by entity monthly from 2025-10-31 to 2026-10-31 project 6 months"),
        ("many-lines", "overdue_rate by customer_group monthly from 2025-10-31 to 2026-10-31"),
        ("donut-negative", "ar by bucket | chart donut"),
        ("items", "items where dpd > 30"),
        ("kpi-points", "overdue_rate, cei"),
    ]

    /// The outcome `arlens chart` draws: KPI statements run again as their 13-month history.
    static func outcome(_ query: String) throws -> QueryOutcome {
        let runner = ChartsFromQueriesTests.runner
        let statement = try #require(try runner.compiler.compileStatements(query).last)
        return try KPIHistory.series(for: statement, runner: runner) ?? runner.execute(statement)
    }

    static func golden(_ name: String, _ bytes: [UInt8]) throws -> [UInt8]? {
        let url = directory.appending(path: name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
    }

    @Test(arguments: cases.map(\.name))
    func svgMatchesGolden(_ name: String) throws {
        let query = Self.cases.first { $0.name == name }!.query
        let svg = try ChartOutput.render(Self.outcome(query), format: .svg, options: Self.options)
        let stored = try Self.golden(name + ".svg", svg)
        #expect(stored != nil, "missing golden \(name).svg; run with ARLENS_UPDATE_GOLDEN=1")
        if let stored, stored != svg {
            let at = stored.indices.first { $0 >= svg.count || stored[$0] != svg[$0] } ?? stored.count
            Issue.record("\(name).svg differs from its golden file at byte \(at); if intended, run with ARLENS_UPDATE_GOLDEN=1")
        }
        // Every chart says what it is of, in the file too.
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<desc>ARLens chart: snapshot sample-2026-10-31, as of 2026-10-31, reporting currency EUR</desc>"))
    }

    @Test(arguments: cases.map(\.name))
    func pngMatchesGolden(_ name: String) throws {
        let query = Self.cases.first { $0.name == name }!.query
        let png = try ChartOutput.render(Self.outcome(query), format: .png, options: Self.options)
        guard let stored = try Self.golden(name + ".png", png) else {
            Issue.record("missing golden \(name).png; run with ARLENS_UPDATE_GOLDEN=1")
            return
        }
        let fraction = try RasterImage(png: png).differingFraction(from: RasterImage(png: stored), tolerance: 24)
        #expect(fraction <= 0.01, "\(name).png: \(fraction * 100)% of pixels differ")
    }
}
