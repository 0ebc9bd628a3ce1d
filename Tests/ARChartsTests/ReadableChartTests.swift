import Foundation
import Testing
@testable import ARCharts

/// The model rules behind readable charts: KPI changes in points, axis slivers, the capped
/// heatmap ramp, colours of muted series, legends of many series, and file metadata.
struct ReadableChartTests {
    @Test func ratioChangesAreShownInPointsOthersRelatively() {
        let rate = KPITile(label: "Overdue rate", value: 0.260, previous: 0.226, format: .ratio)
        #expect(abs(rate.change! - 3.4) < 1e-9)
        #expect(rate.changeLabel == "3.4 pts")
        let cei = KPITile(label: "CEI", value: 85.1, previous: 87.5, format: .percent)
        #expect(cei.changeLabel == "2.4 pts" && cei.change! < 0)
        let dso = KPITile(label: "DSO", value: 87.4, previous: 83.7, format: .days)
        #expect(dso.changeLabel == "4.4%")
        #expect(KPITile(label: "AR", value: 1, format: .count).change == nil)
    }

    @Test func aSliverBelowZeroDoesNotCostAWholeStep() {
        let scale = NiceScale(minimum: -350, maximum: 64_000_000, targetTicks: 8)
        #expect(scale.lower == -350)
        #expect(scale.ticks.first == 0 && scale.ticks.last == 70_000_000)
        // A real negative part keeps its ticks.
        #expect(NiceScale(minimum: -120, maximum: 380, targetTicks: 6).ticks.first == -200)
        #expect(ValueFormat.money(currency: "EUR").compactLabels([0, 2_500_000]) == ["0", "2.5M"])
    }

    @Test func heatmapRampIsCappedWhenAFewCellsDwarfTheRest() {
        let even = (1...20).map(Double.init)
        #expect(HeatmapPainter.colourRange(even) == (0, 20, false))
        let skewed = (1...19).map(Double.init) + [1_000]
        let capped = HeatmapPainter.colourRange(skewed)
        #expect(capped.capped && capped.high == 18 && capped.low == 0)
        // Credits do not stretch the ramp below zero; only negative data does.
        #expect(HeatmapPainter.colourRange([-71, 5, 29]) == (0, 29, false))
        #expect(HeatmapPainter.colourRange([-7, -2]) == (-7, -2, false))
    }

    @Test func mutedSeriesAreGreyAndTakeNoPaletteSlot() {
        let chart = SampleCharts.manyLines
        let colors = chart.seriesColors
        #expect(colors[0] == Theme.light.seriesColor(0) && colors[4] == Theme.light.seriesColor(4))
        #expect(colors[5...].allSatisfy { $0 == Theme.light.mutedSeries })
        #expect(Legend.entries(of: chart).map(\.name) == ["GRP-0001", "GRP-0002", "GRP-0003", "GRP-0004", "GRP-0005", "7 others"])
        // Beyond eight coloured lines, dashes tell the ninth from the first.
        let nine = Chart(kind: .line, categories: ["a"], series: (0..<9).map { Series(name: "s\($0)", values: [1]) })
        #expect(nine.dashPattern(ofSeries: 0).isEmpty && !nine.dashPattern(ofSeries: 8).isEmpty)
    }

    @Test func overlayLinesJoinTheLegend() {
        #expect(Legend.entries(of: SampleCharts.forecast).map(\.name).last == "cumulative (right axis)")
        #expect(Legend.entries(of: SampleCharts.forecast).last?.isLine == true)
    }

    @Test func svgCarriesTitleAndDescription() throws {
        var chart = SampleCharts.groupedBar
        chart.metadata.description = "snapshot s-1 <as of 2026-10-31> & EUR"
        let svg = String(decoding: try ChartRenderer.render(chart, format: .svg), as: UTF8.self)
        #expect(svg.contains("<title>Sales and collections · EUR, by quarter</title>\n<desc>snapshot s-1 &lt;as of 2026-10-31&gt; &amp; EUR</desc>\n"))
        let root = try #require(svg.range(of: "<svg"))
        #expect(svg[root.lowerBound...].contains("viewBox=\"0 0 800 500\" version=\"1.1\">\n<title>"))
    }

    @Test func pdfTakesTheCreationDateGivenAndTheEpochOtherwise() throws {
        var chart = SampleCharts.donut
        let epoch = String(decoding: try ChartRenderer.render(chart, format: .pdf), as: UTF8.self)
        #expect(epoch.contains("/CreationDate (19700101000000Z)") || epoch.contains("/CreationDate (D:19700101000000"))
        chart.metadata = ChartMetadata(description: "as of 2026-10-31", keywords: ["ARLens", "snapshot s-1"],
                                       creationDate: "2026-10-31T00:00:00Z")
        let datedBytes = try ChartRenderer.render(chart, format: .pdf)
        let dated = String(decoding: datedBytes, as: UTF8.self)
        #expect(dated.contains("/CreationDate (20261031000000Z)") || dated.contains("/CreationDate (D:20261031000000"))
        #expect(dated.contains("/Subject (as of 2026-10-31)") && dated.contains("/Keywords (ARLens, snapshot s-1)"))
        #expect(dated.contains("/Title (Open receivables by entity)"))
        #expect(try ChartRenderer.render(chart, format: .pdf) == datedBytes)
    }

    @Test func smallMultiplesOfNothingSayNoData() throws {
        let empty = Chart.smallMultiples(title: "x", panels: [Chart(kind: .line, categories: [], series: [])])
        #expect(empty.isEmpty)
        let png = try RasterImage(png: ChartRenderer.render(empty, format: .png, size: ChartSize(width: 300, height: 200)))
        #expect(png.width == 300)
    }
}
