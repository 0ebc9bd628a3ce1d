import ARCharts
import ARQuery
import ARReports
import ARStore
import Foundation
import Testing

/// The shipped packs rendered from the sample: every page in the PDF and as a PNG, the footer on
/// every page, each recipient's perimeter, long tables continued, and nothing drawn when a query fails.
@Suite(.serialized)
struct PackRenderTests {
    static let generated = Fixtures.instant("2026-11-02T06:00:00Z")
    static let cfo = try! PackLoader.load(path: Fixtures.root.appendingPathComponent("Reports/cfo-monthly.yaml").path)

    static func render(_ pack: PackDefinition, recipient: String) throws -> RenderedPack {
        let parameters = try PackParameters.resolve(pack, recipient: pack.recipients.first { $0.name == recipient },
                                                    latest: Fixtures.sample.source.latest.asOf)
        return try PackRenderer.render(pack, runner: Fixtures.sample, parameters: parameters,
                                       options: PackRenderOptions(generatedAt: generated, timeZone: TimeZone(identifier: "Europe/Paris")!))
    }

    static let cfoPack = try! render(cfo, recipient: "cfo")
    static let francePack = try! render(cfo, recipient: "controller-fr")

    @Test func everyPageIsInThePDFAndAsAPNG() throws {
        let pack = Self.cfoPack
        #expect(pack.pageTitles.count >= 8)
        #expect(pack.pngs.count == pack.pageTitles.count)
        let folder = try Fixtures.temporaryFolder()
        try Data(pack.pdf).write(to: folder.appendingPathComponent("p.pdf"))
        let info = try Fixtures.run("pdfinfo", [folder.appendingPathComponent("p.pdf").path]).out
        #expect(info.contains("Pages:           \(pack.pageTitles.count)"))
        #expect(info.contains("Title:           Receivables month-end pack · as of 2026-10-31 · cfo · snapshot \(pack.evaluated.snapshotID)"))
        for png in pack.pngs {
            let image = try RasterImage(png: png)
            #expect(image.width == 1684 && image.height == 1191)   // A4 landscape at 144 dpi
        }
    }

    @Test func everyPageSaysWhatItIsOf() throws {
        let pack = Self.cfoPack
        let pages = try Fixtures.pdfText(pack.pdf).split(separator: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count == pack.pageTitles.count)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("page \(index + 1) of \(pages.count)"))
            #expect(page.contains("snapshot \(pack.evaluated.snapshotID) · as of 2026-10-31 · generated 2026-11-02 07:00 Europe/Paris"))
            #expect(page.contains(pack.pageTitles[index]))
            #expect(page.contains("for cfo · all data"))
        }
    }

    @Test func theFiguresAreTheLibrarysFigures() throws {
        let text = try Fixtures.pdfText(Self.cfoPack.pdf)
        // The same statements through the runner, as `arlens query` runs them.
        let ar = try #require(Fixtures.sample.run("ar").first?.result?.rows.first?.first)
        #expect(ar == .money(8_955_974_236))
        #expect(text.contains("Receivables stood at EUR 89.6M on 2026-10-31"))
        #expect(text.contains("89,559,742.36"))   // the comparison table, exact
        #expect(text.contains("DE01") && text.contains("US01"))
    }

    @Test func theFrenchControllerSeesOnlyFR01() throws {
        let pack = Self.francePack
        let text = try Fixtures.pdfText(pack.pdf)
        #expect(text.contains("for controller-fr · entity FR01"))
        for other in ["DE01", "UK01", "US01", "JP01"] { #expect(!text.contains(other), "\(other) appears in the FR01 pack") }
        let france = QueryOptions(perimeter: Perimeter(["entity": ["FR01"]]))
        let ar = try #require(Fixtures.sample.run("ar", options: france).first?.result?.rows.first?.first)
        guard case let .money(minor) = ar else { Issue.record("ar is not money"); return }
        #expect(text.contains(ResultFormatter.display(.money(minor), .money, .eur)))
        #expect(!text.contains("89,559,742.36"))
    }

    @Test func aLongTableContinuesWithItsHeaderAndLosesNoRow() throws {
        let pack = Self.cfoPack
        let pages = try Fixtures.pdfText(pack.pdf).split(separator: "\u{0C}").map(String.init)
        let expected = try #require(Fixtures.sample.run("items where dpd > 90 and not disputed order by open desc limit 30").first?.result)
        let ids = expected.rows.map { row -> String in if case let .string(id) = row[0] { id } else { "" } }
        let tablePages = pages.indices.filter { pages[$0].contains("Oldest overdue items") }
        #expect(tablePages.count == 2)
        var seen: [String] = []
        for index in tablePages {
            #expect(pages[index].contains("days past due"), "the header is repeated on page \(index + 1)")
            seen += ids.filter { pages[index].contains($0) }
        }
        #expect(seen == ids)
        #expect(pages[tablePages[1]].contains("(continued)"))
        #expect(pages[tablePages[1]].contains("rows 17–30 of 30"))
    }

    @Test func aFailingQueryStopsTheRenderAndSaysWhereAndWhy() throws {
        let yaml = """
        title: Broken
        recipients: [{name: cfo}]
        pages:
          - title: Fine
            blocks:
              - chart: "ar by entity"
          - title: Broken
            blocks:
              - table: "ar by entity as of 2031-01-31"
        """
        let pack = try Fixtures.pack(yaml, file: "broken.yaml")
        let parameters = try PackParameters.resolve(pack, recipient: pack.recipients[0], latest: Fixtures.sample.source.latest.asOf)
        do {
            _ = try PackRenderer.render(pack, runner: Fixtures.sample, parameters: parameters)
            Issue.record("a pack with a failing query rendered")
        } catch let error as PackRenderError {
            #expect(error.page?.number == 2)
            #expect(error.diagnostic?.code.rawValue == "Q3002")
            #expect(error.query == "ar by entity as of 2031-01-31")
            // `      - table: "ar by entity as of 2031-01-31"`: the query starts at column 17, 'as of' at 30.
            #expect(error.location == PackLocation(line: 9, column: 30))
            #expect(error.report.contains("The pack 'broken' could not be rendered, so it was not sent."))
            #expect(error.report.contains("error[Q3002]"))
        }
    }

    @Test func aFigureThatMatchesNothingSaysSo() throws {
        let yaml = """
        title: Figures
        recipients: [{name: cfo}]
        pages:
          - title: Text
            blocks:
              - text: "Overdue in XX01: {{ overdue_rate by entity where entity = \\"XX01\\" | percent }}; AR {{ ar | money }}."
        """
        let pack = try Fixtures.pack(yaml)
        let parameters = try PackParameters.resolve(pack, recipient: nil, latest: Fixtures.sample.source.latest.asOf)
        let text = try Fixtures.pdfText(try PackRenderer.render(pack, runner: Fixtures.sample, parameters: parameters).pdf)
        #expect(text.contains("Overdue in XX01: n/a; AR EUR 89,559,742.36."))
        #expect(text.contains("Note: 'overdue_rate by entity where entity = \"XX01\"' gave no value: shown as n/a"))
    }
}
