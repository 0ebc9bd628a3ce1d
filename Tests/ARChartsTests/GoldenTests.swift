import Foundation
import Testing
import ARCharts

/// Golden files under `Golden/`: SVG byte for byte, PNG pixel-wise with a tolerance (font
/// rasterisers differ a little between machines), PDF for determinism.
/// Run with `ARLENS_UPDATE_GOLDEN=1` to write them again after an intended change.
struct GoldenTests {
    static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden")
    static let updating = ProcessInfo.processInfo.environment["ARLENS_UPDATE_GOLDEN"] == "1"
    static let size = ChartSize(width: 800, height: 500)
    /// A channel may differ by this much (of 255) before the pixel counts as different …
    static let channelTolerance = 24
    /// … and at most this share of pixels may differ.
    static let maxDifferingFraction = 0.01

    static let cases: [(String, Chart)] = SampleCharts.all + SampleCharts.readable + [
        ("stacked-bar-dark", { var c = SampleCharts.stackedBar; c.theme = .dark; return c }()),
        ("kpi-dark", { var c = SampleCharts.kpi; c.theme = .dark; return c }()),
        ("empty", Chart(kind: .line, title: "Overdue rate", categories: [], series: [])),
    ]

    /// Returns the stored golden bytes, writing `bytes` first when updating.
    static func golden(_ name: String, _ bytes: [UInt8]) throws -> [UInt8]? {
        let url = directory.appending(path: name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return [UInt8](data)
    }

    /// The offset of the first differing byte, or nil when equal.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        for index in 0..<min(a.count, b.count) where a[index] != b[index] { return index }
        return a.count == b.count ? nil : min(a.count, b.count)
    }

    @Test(arguments: cases.map(\.0))
    func svgMatchesGoldenByteForByte(name: String) throws {
        let chart = Self.cases.first { $0.0 == name }!.1
        let svg = try ChartRenderer.render(chart, format: .svg, size: Self.size)
        #expect(String(decoding: svg.prefix(5), as: UTF8.self) == "<?xml")
        #expect(String(decoding: svg, as: UTF8.self).contains("width=\"800px\""))
        let stored = try Self.golden(name + ".svg", svg)
        #expect(stored != nil, "missing golden \(name).svg; run with ARLENS_UPDATE_GOLDEN=1")
        let firstDifference = stored.flatMap { Self.firstDifference($0, svg) }
        #expect(firstDifference == nil, "\(name).svg differs from its golden file at byte \(firstDifference ?? 0); if intended, run with ARLENS_UPDATE_GOLDEN=1")
    }

    @Test(arguments: cases.map(\.0))
    func pngMatchesGoldenWithinTolerance(name: String) throws {
        let chart = Self.cases.first { $0.0 == name }!.1
        let png = try ChartRenderer.render(chart, format: .png, size: Self.size)
        let image = try RasterImage(png: png)
        #expect(image.width == 800 && image.height == 500)
        guard let stored = try Self.golden(name + ".png", png) else {
            Issue.record("missing golden \(name).png; run with ARLENS_UPDATE_GOLDEN=1")
            return
        }
        let fraction = image.differingFraction(from: try RasterImage(png: stored), tolerance: Self.channelTolerance)
        #expect(fraction <= Self.maxDifferingFraction, "\(name).png: \(fraction * 100)% of pixels differ")
    }

    @Test(arguments: cases.map(\.0))
    func pdfIsDeterministic(name: String) throws {
        let chart = Self.cases.first { $0.0 == name }!.1
        let first = try ChartRenderer.render(chart, format: .pdf, size: Self.size)
        let second = try ChartRenderer.render(chart, format: .pdf, size: Self.size)
        #expect(String(decoding: first.prefix(5), as: UTF8.self) == "%PDF-")
        let same = first == second
        #expect(same, "two renders of \(name).pdf differ")
        if let dump = ProcessInfo.processInfo.environment["ARLENS_CHART_DUMP"] {
            try Data(first).write(to: URL(filePath: dump).appending(path: name + ".pdf"))
        }
        let text = String(decoding: first, as: UTF8.self)
        // Cairo 1.16 omits the "D:" prefix; later versions write it.
        #expect(text.contains("/CreationDate (19700101000000Z)") || text.contains("/CreationDate (D:19700101000000"))
    }
}
