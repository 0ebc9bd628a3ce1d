import Foundation
import Testing
@testable import ARCharts

struct RendererTests {
    /// Pixels that differ from the background colour: a rough measure of "something was drawn".
    static func inkedFraction(_ image: RasterImage) -> Double {
        let background = image.pixel(x: 0, y: 0)
        return Double(image.pixels.count { $0 != background }) / Double(image.pixels.count)
    }

    @Test func scaleTwoDoublesThePixelsButNotTheLayout() throws {
        let one = try RasterImage(png: ChartRenderer.render(SampleCharts.groupedBar, format: .png, size: ChartSize(width: 400, height: 250)))
        let two = try RasterImage(png: ChartRenderer.render(SampleCharts.groupedBar, format: .png,
                                                            size: ChartSize(width: 400, height: 250, scale: 2)))
        #expect(one.width == 400 && one.height == 250)
        // pHYs after IHDR: 72 × scale dpi is 2835 (0x0B13) or 5669 (0x1625) pixels per metre.
        let twoBytes = try ChartRenderer.render(SampleCharts.groupedBar, format: .png,
                                                size: ChartSize(width: 400, height: 250, scale: 2))
        #expect(Array(twoBytes[37..<41]) == Array("pHYs".utf8))
        #expect(Array(twoBytes[41..<50]) == [0, 0, 0x16, 0x25, 0, 0, 0x16, 0x25, 1])
        #expect(two.width == 800 && two.height == 500)
        // Same drawing: about the same share of the image is inked.
        #expect(abs(Self.inkedFraction(one) - Self.inkedFraction(two)) < 0.03)
    }

    @Test func pngEncoderKeepsPixelsAndTransparency() throws {
        // Opaque pixels go out as RGB, translucent ones as RGBA with straight alpha.
        let opaque: [UInt32] = [0xFF00_72B2, 0xFFE6_9F00, 0xFFFF_FFFF, 0xFF00_0000, 0xFF00_72B2, 0xFF12_3456]
        let decoded = try RasterImage(png: PNGEncoder.encode(pixels: opaque, width: 3, height: 2))
        #expect(decoded.width == 3 && decoded.height == 2)
        #expect(decoded.pixels == opaque)
        // Half-transparent blue, premultiplied: 0x80 alpha with 0x40 blue is 0x80 straight blue.
        let translucent: [UInt32] = [0x8000_0040, 0x0000_0000, 0xFFFF_0000, 0x4020_1000]
        let back = try RasterImage(png: PNGEncoder.encode(pixels: translucent, width: 2, height: 2))
        for (a, b) in zip(back.pixels, translucent) {
            for shift: UInt32 in [0, 8, 16, 24] {
                #expect(abs(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF)) <= 1)
            }
        }
    }

    @Test func emptyChartSaysNoDataInsteadOfFailing() throws {
        let empty = Chart(kind: .stackedBar, title: "Aging", categories: ["Oct"], series: [Series(name: "A", values: [nil])])
        let png = try ChartRenderer.render(empty, format: .png, size: ChartSize(width: 400, height: 300))
        let image = try RasterImage(png: png)
        #expect(Self.inkedFraction(image) > 0.3, "the No data panel fills the plot area")
        let svg = String(decoding: try ChartRenderer.render(empty, format: .svg), as: UTF8.self)
        #expect(svg.contains("<svg"))
        for kind in ChartKind.allCases {
            let chart = Chart(kind: kind, categories: [], series: [])
            #expect(try ChartRenderer.render(chart, format: .png, size: ChartSize(width: 200, height: 120)).count > 100)
        }
    }

    @Test func tinySizesDrawWithoutFailing() throws {
        // Frames too small for a plot still give a valid image (title, background), never a crash.
        for (_, chart) in SampleCharts.all {
            for size in [ChartSize(width: 60, height: 40), ChartSize(width: 1, height: 1), ChartSize(width: 160, height: 90)] {
                let image = try RasterImage(png: ChartRenderer.render(chart, format: .png, size: size))
                #expect(image.width == Int(size.width) && image.height == Int(size.height))
            }
        }
    }

    @Test func backgroundFollowsTheTheme() throws {
        var chart = SampleCharts.line
        chart.theme = .dark
        let dark = try RasterImage(png: ChartRenderer.render(chart, format: .png, size: ChartSize(width: 300, height: 200)))
        #expect(dark.pixel(x: 1, y: 1) == 0xFF16_1B22)
        chart.theme = .light
        let light = try RasterImage(png: ChartRenderer.render(chart, format: .png, size: ChartSize(width: 300, height: 200)))
        #expect(light.pixel(x: 1, y: 1) == 0xFFFF_FFFF)
    }

    @Test func svgUsesPixelsAndRendersIdenticallyTwice() throws {
        let first = try ChartRenderer.render(SampleCharts.heatmap, format: .svg, size: ChartSize(width: 640, height: 360))
        let second = try ChartRenderer.render(SampleCharts.heatmap, format: .svg, size: ChartSize(width: 640, height: 360))
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("width=\"640px\" height=\"360px\""))
        #expect(text.contains("id=\"surface1\""))
    }

    @Test func badSizesAndExtensionsGiveClearErrors() throws {
        #expect(throws: ChartRenderError.invalidSize("chart width must be a positive number, got 0.0")) {
            try ChartRenderer.render(SampleCharts.line, format: .png, size: ChartSize(width: 0, height: 100))
        }
        #expect(throws: ChartRenderError.invalidSize(
            "chart is 30000×1500 pixels; keep width × scale and height × scale at most 20000")) {
            try ChartRenderer.render(SampleCharts.line, format: .png, size: ChartSize(width: 10_000, height: 500, scale: 3))
        }
        let url = URL(filePath: NSTemporaryDirectory()).appending(path: "chart.jpeg")
        #expect(throws: ChartRenderError.unsupportedExtension(url.path)) {
            try ChartRenderer.write(SampleCharts.line, to: url)
        }
        #expect(ChartRenderError.unsupportedExtension("a.jpeg").description
            == "cannot tell the chart format of 'a.jpeg': use a .png, .svg or .pdf file name")
        #expect(throws: ChartRenderError.self) { try RasterImage(png: [1, 2, 3]) }
    }

    @Test func writeTakesTheFormatFromTheExtension() throws {
        let directory = URL(filePath: NSTemporaryDirectory()).appending(path: "archarts-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let magic: [String: [UInt8]] = ["PNG": [0x89, 0x50, 0x4E, 0x47], "svg": Array("<?xml".utf8), "pdf": Array("%PDF-".utf8)]
        for (ext, prefix) in magic {
            let url = directory.appending(path: "aging.\(ext)")
            try ChartRenderer.write(SampleCharts.stackedBar, to: url, size: ChartSize(width: 400, height: 300))
            let bytes = [UInt8](try Data(contentsOf: url))
            #expect(Array(bytes.prefix(prefix.count)) == prefix, "\(ext)")
        }
    }

    @Test func crowdedAndAwkwardDataStillRenders() throws {
        // 60 daily points, long names, negatives, a single category.
        let days = (0..<60).map { index in "2026-01-\(index < 31 ? String(format: "%02d", index + 1) : "31")" }
        let crowded = Chart(kind: .line, categories: days, categoriesAreDates: true,
                            series: [Series(name: "Collections", values: days.indices.map { Double($0 * 1000) })])
        let names = (1...30).map { "Customer with a rather long legal name number \($0)" }
        let longNames = Chart(kind: .groupedBar, categories: names,
                              series: [Series(name: "Overdue", values: names.indices.map { Double(-$0 * 500) })])
        let single = Chart(kind: .area, categories: ["2026-03-31"], categoriesAreDates: true,
                           series: [Series(name: "A", values: [5])])
        let dense = Chart(kind: .horizontalBar, categories: names + names.map { $0 + " (2)" },
                          series: [Series(name: "Overdue", values: (0..<60).map { Double(60 - $0) * 1_000 })],
                          valueFormat: .money(currency: "GBP"))
        let slices = Chart(kind: .donut, categories: names.prefix(12).map { $0 },
                           series: [Series(name: "Open", values: (1...12).map { Double($0) * 10_000 })],
                           valueFormat: .money(currency: "USD"), theme: .dark)
        let monthly = Chart.heatmap(rows: ["1–30", "31–60", "61–90", "90+"],
                                    columns: (1...12).map { "2025-\($0 < 10 ? "0" : "")\($0)-28" }, columnsAreDates: true,
                                    values: (0..<4).map { r in (0..<12).map { c in Double((r + 1) * (c + 3) * 1_000) } },
                                    valueFormat: .money(currency: "EUR"))
        var rightLegend = SampleCharts.stackedBar
        rightLegend.legend = .right
        rightLegend.series[0].name = "Not yet due (within terms and agreed extensions)"
        for (name, chart) in [("crowded", crowded), ("long-names", longNames), ("single", single),
                              ("dense", dense), ("slices", slices), ("monthly", monthly), ("legend-right", rightLegend)] {
            for format in OutputFormat.allCases {
                let bytes = try ChartRenderer.render(chart, format: format, size: ChartSize(width: 500, height: 320))
                #expect(bytes.count > 100)
                try dump(bytes, name + "." + format.rawValue)
            }
        }
    }

    @Test func pdfDocumentHoldsSeveralPagesOfCharts() throws {
        func build() throws -> [UInt8] {
            let pdf = PDFDocumentRenderer(title: "AR pack")
            pdf.beginPage(.a4Landscape)
            pdf.drawText("AR pack — March 2026", in: Rect(x: 36, y: 20, width: 500, height: 24))
            let frames = Layout(rows: 2, columns: 2).frames(in: Page.a4Landscape.content.inset(top: 20))
            for (chart, frame) in zip([SampleCharts.kpi, SampleCharts.waterfall, SampleCharts.stackedBar, SampleCharts.donut], frames) {
                pdf.draw(chart, in: frame)
            }
            pdf.beginPage(.a4Portrait)
            pdf.draw(SampleCharts.table, in: Page.a4Portrait.content)
            #expect(pdf.pageCount == 2)
            return try pdf.finish()
        }
        let first = try build(), second = try build()
        try dump(first, "pack.pdf")
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.components(separatedBy: "/Type /Page\n").count - 1 == 2 || text.components(separatedBy: "/Type /Page ").count - 1 == 2)
        #expect(text.contains("/MediaBox [ 0 0 841.89 595.28 ]") || text.contains("841.89"))
        #expect(text.contains("/Title (AR pack)"))
    }

    /// Writes `bytes` under `$ARLENS_CHART_DUMP` when set, to look at the output by eye.
    func dump(_ bytes: [UInt8], _ name: String) throws {
        guard let directory = ProcessInfo.processInfo.environment["ARLENS_CHART_DUMP"] else { return }
        try Data(bytes).write(to: URL(filePath: directory).appending(path: name))
    }
}
