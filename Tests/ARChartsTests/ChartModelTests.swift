import Testing
@testable import ARCharts

struct ChartModelTests {
    @Test func waterfallBridgesOpeningToClosingAR() {
        // 2,285,000 + 1,120,000 − 980,000 − 64,000 − 21,000 = 2,340,000
        let bars = WaterfallPainter.bars(SampleCharts.waterfall.steps)
        #expect(bars.map(\.from) == [0, 2_285_000, 3_405_000, 2_425_000, 2_361_000, 0])
        #expect(bars.map(\.to) == [2_285_000, 3_405_000, 2_425_000, 2_361_000, 2_340_000, 2_340_000])
        // A stated total replaces the running one.
        let stated = WaterfallPainter.bars([WaterfallStep("Open", .start, 100), WaterfallStep("Close", .total, 90)])
        #expect(stated.last == WaterfallPainter.Bar(from: 0, to: 90, kind: .total))
    }

    @Test func kpiChangeIsRelativeToThePreviousValue() {
        #expect(KPITile(label: "DSO", value: 46.7, previous: 48.3, format: .days).relativeChange! < 0)
        #expect(KPITile(label: "AR", value: 110, previous: 100, format: .count).relativeChange == 0.1)
        #expect(KPITile(label: "AR", value: 110, previous: 0, format: .count).relativeChange == nil)
        #expect(KPITile(label: "AR", value: nil, previous: 3, format: .count).relativeChange == nil)
    }

    @Test func emptinessMeansNothingToPlot() {
        #expect(Chart(kind: .line, categories: [], series: []).isEmpty)
        #expect(Chart(kind: .groupedBar, categories: ["a"], series: [Series(name: "s", values: [nil])]).isEmpty)
        #expect(Chart(kind: .groupedBar, categories: ["a"], series: [Series(name: "s", values: [.nan])]).isEmpty)
        #expect(!Chart(kind: .groupedBar, categories: ["a"], series: [Series(name: "s", values: [0])]).isEmpty)
        #expect(Chart.waterfall(steps: []).isEmpty)
        #expect(Chart.kpi(tiles: []).isEmpty)
        #expect(Chart.table(header: [], rows: []).isEmpty)
        #expect(!SampleCharts.table.isEmpty)
    }

    @Test func heatmapRowsBecomeSeries() {
        let chart = Chart.heatmap(rows: ["A", "B"], columns: ["x", "y"], values: [[1, 2]])
        #expect(chart.series == [Series(name: "A", values: [1, 2]), Series(name: "B", values: [])])
        #expect(chart.categories == ["x", "y"])
    }

    @Test func donutFoldsSmallSlicesIntoOther() {
        let names = (1...10).map { "E\($0)" }
        let chart = Chart(kind: .donut, categories: names,
                          series: [Series(name: "Open", values: (1...10).map { Double($0) } + [])])
        let slices = DonutPainter(chart: chart, canvas: Canvas.scratch()).slices()
        #expect(slices.count == 8)
        #expect(slices.first! == ("E10", 10))
        #expect(slices.last! == ("Other", 1 + 2 + 3))
    }

    @Test func layoutSplitsContentIntoWeightedFrames() {
        let page = Page(width: 600, height: 400, margins: Margins(all: 50))
        #expect(page.content == Rect(x: 50, y: 50, width: 500, height: 300))
        let frames = Layout(rows: 2, columns: 2, gutter: 20).frames(in: page.content)
        #expect(frames.count == 4)
        #expect(frames[0] == Rect(x: 50, y: 50, width: 240, height: 140))
        #expect(frames[3] == Rect(x: 310, y: 210, width: 240, height: 140))
        let weighted = Layout(rowWeights: [1, 2], columnWeights: [1], gutter: 0).frames(in: page.content)
        #expect(weighted.map(\.height) == [100, 200])
        let spanning = Layout(rows: 2, columns: 2, gutter: 20).frame(in: page.content, row: 1, column: 0, columnSpan: 2)
        #expect(spanning == Rect(x: 50, y: 210, width: 500, height: 140))
    }
}
