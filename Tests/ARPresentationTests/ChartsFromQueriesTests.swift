import ARCharts
import ARImport
import ARPresentation
import ARQuery
import Foundation
import Testing

/// Every chart kind drawn from an ARQL query on the bundled sample, in all three formats.
struct ChartsFromQueriesTests {
    static let runner: QueryRunner = {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return QueryRunner(ledger: try! SnapshotImporter.load(from: root.appendingPathComponent("datasets/sample")).ledger)
    }()

    static let queries: [(query: String, kind: ChartKind)] = [
        ("aging by customer_group", .horizontalStackedBar),
        ("aging by region", .stackedBar),
        ("overdue_rate by entity monthly from 2025-10-31 to 2026-09-30", .line),
        ("ar, overdue by region | chart bar", .groupedBar),
        ("ar by customer order by ar desc limit 10 | chart horizontal_bar", .horizontalBar),
        ("ar by entity monthly from 2025-10-31 to 2026-09-30 | chart area", .area),
        ("ar by entity | chart donut", .donut),
        ("aging by customer_group | chart heatmap", .heatmap),
        ("ar, dso, overdue_rate", .kpi),
        ("dso, bpdso, add by region | chart table", .table),
        ("write_offs(period: 12 months) by entity | chart waterfall", .waterfall),
        ("forecast collections weekly next 13 weeks", .stackedBar),
        ("disputed, open_disputes by dispute_reason", .smallMultiples),
    ]

    func chart(_ query: String, context: ChartContext = ChartContext()) throws -> Chart {
        try ChartOutput.chart(for: ReadableChartsGoldenTests.outcome(query), options: ChartOutputOptions(context: context))
    }

    @Test(arguments: queries.indices)
    func drawsTheKindInEveryFormat(_ index: Int) throws {
        let (query, kind) = Self.queries[index]
        let chart = try chart(query)
        #expect(chart.kind == kind, "\(query)")
        #expect(!chart.isEmpty, "\(query)")
        let png = try ChartRenderer.render(chart, format: .png, size: ChartSize(width: 640, height: 400))
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let svg = try ChartRenderer.render(chart, format: .svg, size: ChartSize(width: 640, height: 400))
        #expect(String(decoding: svg.prefix(200), as: UTF8.self).contains("<svg"))
        let pdf = try ChartRenderer.render(chart, format: .pdf, size: ChartSize(width: 640, height: 400))
        #expect(Array(pdf.prefix(4)) == Array("%PDF".utf8))
        // The same query gives the same SVG and PDF bytes.
        #expect(try ChartRenderer.render(chart, format: .svg, size: ChartSize(width: 640, height: 400)) == svg)
        #expect(try ChartRenderer.render(chart, format: .pdf, size: ChartSize(width: 640, height: 400)) == pdf)
    }

    @Test func aSeriesPutsDatesOnTheAxisAndOneLinePerGroup() throws {
        let chart = try chart("overdue_rate by entity monthly from 2025-10-31 to 2026-09-30")
        #expect(chart.categoriesAreDates)
        #expect(chart.categories.first == "2025-10-31" && chart.categories.count == 12)
        #expect(chart.series.map(\.name) == ["DE01", "FR01", "JP01", "UK01", "US01"])
        #expect(chart.valueFormat == .ratio)
        #expect(chart.title == "Overdue rate by entity" && chart.subtitle == "2025-10-31 to 2026-09-30")
    }

    @Test func kpiTilesCompareWithLastMonthAndCarryASparkline() throws {
        let chart = try chart("dso")
        #expect(chart.tiles.count == 1)
        #expect(chart.tiles[0].sparkline.count == 13)
        #expect(chart.tiles[0].previous != nil)
        #expect(chart.tiles[0].direction == .lowerIsBetter)
        #expect(chart.tiles[0].sparklineDates.first == "2025-10-31" && chart.tiles[0].sparklineDates.last == "2026-10-31")
    }

    @Test func anEmptyResultDrawsANoDataChart() throws {
        let chart = try chart("ar by customer where customer = \"nobody\" | chart bar")
        #expect(chart.isEmpty)
        let png = try ChartRenderer.render(chart, format: .png, size: ChartSize(width: 400, height: 300))
        #expect(png.count > 100)
    }
}
