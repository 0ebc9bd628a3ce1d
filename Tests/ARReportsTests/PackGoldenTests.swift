import ARCharts
import ARReports
import Foundation
import Testing

/// The layout of a small pack held to golden files: the PDF's text as pdftotext lays it out, and
/// each PNG page's pixels within a tolerance. `ARLENS_UPDATE_GOLDEN=1 swift test --filter PackGoldenTests`
/// rewrites them after a change that is meant (look at the PNGs first).
struct PackGoldenTests {
    static let yaml = """
    title: Golden pack
    page: A4 portrait
    recipients: [{name: cfo}]
    pages:
      - title: Balances
        grid: {rows: [1, 1], columns: [1, 1]}
        blocks:
          - chart: "ar, overdue by region | chart bar"
            title: AR and overdue by region
            column_span: 2
          - table: "overdue_rate by region"
            title: By region
          - text: |
              AR is {{ ar | compact }} as of {{ $as_of }}, {{ overdue_rate | percent }} overdue.

              DSO: {{ dso | days }}.
            title: Summary
      - title: Items
        blocks:
          - table: "items where dpd > 200 order by open desc limit 40"
            title: Items more than 200 days past due
            show: [id, entity, due_date: due, dpd, open_eur: open (EUR)]
    """

    static let folder = Fixtures.root.appendingPathComponent("Tests/ARReportsTests/Support/golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["ARLENS_UPDATE_GOLDEN"] == "1" }

    static func render() throws -> RenderedPack {
        let pack = try Fixtures.pack(yaml, file: "golden.yaml")
        let parameters = try PackParameters.resolve(pack, recipient: pack.recipients[0], latest: Fixtures.sample.source.latest.asOf)
        return try PackRenderer.render(pack, runner: Fixtures.sample, parameters: parameters,
                                       options: PackRenderOptions(pngScale: 1, generatedAt: Fixtures.instant("2026-11-02T06:00:00Z")))
    }

    @Test func thePDFTextIsLaidOutAsBefore() throws {
        let text = try Fixtures.pdfText(try Self.render().pdf, layout: true)
        let golden = Self.folder.appendingPathComponent("golden-pack.txt")
        if Self.updating { try Data(text.utf8).write(to: golden) }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "pdftotext -layout differs from \(golden.path)")
    }

    @Test func thePNGPagesLookAsBefore() throws {
        let rendered = try Self.render()
        #expect(rendered.pngs.count == 3)   // the items table continues on a third page
        for (index, png) in rendered.pngs.enumerated() {
            let golden = Self.folder.appendingPathComponent("golden-pack-page-\(index + 1).png")
            if Self.updating { try Data(png).write(to: golden) }
            let expected = try RasterImage(png: [UInt8](try Data(contentsOf: golden)))
            let actual = try RasterImage(png: png)
            #expect(actual.width == 596 && actual.height == 842)   // A4 portrait, 595.28 × 841.89 points, rounded up
            // Antialiasing may move with the Cairo or FreeType version: a few pixels, never a layout.
            #expect(actual.differingFraction(from: expected, tolerance: 24) < 0.005, "page \(index + 1) differs from \(golden.path)")
        }
    }
}
