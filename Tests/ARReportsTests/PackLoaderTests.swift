import Foundation
import ARReports
import Testing

/// Pack files are read with every error placed at its line and column in the file.
struct PackLoaderTests {
    static let minimal = """
    title: Test pack
    recipients:
      - name: cfo
    pages:
      - title: One
        blocks:
          - chart: "ar by entity"
    """

    func diagnostics(_ yaml: String) -> [PackDiagnostic] {
        do {
            _ = try Fixtures.pack(yaml)
            return []
        } catch let error as PackDiagnostics {
            return error.diagnostics
        } catch {
            return [PackDiagnostic(file: "", at: PackLocation(line: 0, column: 0), "unexpected \(error)")]
        }
    }

    @Test func readsTheShippedPacks() throws {
        for name in ["cfo-monthly", "collector-weekly"] {
            let pack = try PackLoader.load(path: Fixtures.root.appendingPathComponent("Reports/\(name).yaml").path)
            #expect(pack.name == name)
            #expect(pack.schedule != nil)
            #expect(!pack.recipients.isEmpty)
        }
        let cfo = try PackLoader.load(path: Fixtures.root.appendingPathComponent("Reports/cfo-monthly.yaml").path)
        #expect(cfo.pages.count >= 8)
        #expect(cfo.schedule?.cron.text == "0 7 2 * *")
        #expect(cfo.schedule?.timeZone.identifier == "Europe/Paris")
        #expect(cfo.recipients.map(\.name) == ["cfo", "controller-fr"])
        #expect(cfo.recipients[1].perimeter.allowed == ["entity": ["FR01"]])
    }

    @Test func anUnknownKeyIsPlacedAndNamed() {
        let found = diagnostics(Self.minimal.replacingOccurrences(of: "title: Test pack", with: "title: Test pack\nshedule: x"))
        #expect(found.count == 1)
        #expect(found[0].location == PackLocation(line: 2, column: 1))
        #expect(found[0].message.contains("found 'shedule'"))
        #expect(found[0].help == "did you mean 'schedule'?")
    }

    @Test func aBadCronFieldIsPlacedUnderItsColumn() {
        let yaml = Self.minimal + "\nschedule:\n  cron: \"0 25 2 * *\"\n  time_zone: Europe/Paris\n"
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        // `  cron: "0 25 2 * *"`: the value starts after the quote at column 10; '25' is two further.
        #expect(found[0].location == PackLocation(line: 9, column: 12))
        #expect(found[0].length == 2)
        #expect(found[0].message == "expected an hour from 0 to 23, found '25'")
    }

    @Test func anUnknownTimeZoneAndAnImpossibleScheduleAreErrors() {
        let zone = diagnostics(Self.minimal + "\nschedule:\n  cron: \"0 7 2 * *\"\n  time_zone: Europe/Pariss\n")
        #expect(zone.first?.location == PackLocation(line: 10, column: 14))
        #expect(zone.first?.message.contains("found 'Europe/Pariss'") == true)
        let never = diagnostics(Self.minimal + "\nschedule:\n  cron: \"0 7 31 2 *\"\n  time_zone: UTC\n")
        #expect(never.first?.message == "the schedule '0 7 31 2 *' never fires")
    }

    @Test func aRecipientParameterMustBeDeclared() {
        let yaml = Self.minimal.replacingOccurrences(of: "  - name: cfo", with: "  - name: cfo\n    parameters: {entiy: FR01}")
            + "\nparameters:\n  entity: FR01\n"
        let found = diagnostics(yaml)
        #expect(found.first?.location == PackLocation(line: 4, column: 18))
        #expect(found.first?.help == "did you mean 'entity'?")
    }

    @Test func blocksThatOverlapOrOverflowTheGridAreErrors() {
        let yaml = """
        title: Grid
        recipients: [{name: cfo}]
        pages:
          - title: One
            grid: {rows: 1, columns: 2}
            blocks:
              - chart: "ar"
                column_span: 2
              - chart: "overdue"
        """
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found[0].location == PackLocation(line: 9, column: 9))
        #expect(found[0].message.contains("found the page's 1 × 2 grid full"))
    }

    @Test func everyErrorOfAFileIsReportedAtOnce() {
        let yaml = """
        title: Many
        theme: pink
        recipients: [{name: cfo}]
        pages:
          - title: One
            blocks:
              - chart: "ar"
                colour: red
              - graph: "ar"
        """
        let found = diagnostics(yaml)
        #expect(found.map(\.location.line) == [2, 8, 9])
    }

    @Test func aMalformedFigureInATextIsPlaced() {
        let yaml = Self.minimal + "\n      - text: \"Overdue {{ overdue_rate | percnt }}\"\n"
        let found = diagnostics(yaml)
        #expect(found.first?.message.contains("found 'percnt'") == true)
        // `      - text: "Overdue {{ overdue_rate | percnt }}"`: the value starts at column 16, 'percnt' at 42.
        #expect(found.first?.location == PackLocation(line: 8, column: 42))
        #expect(found.first?.length == 6)
    }

    @Test func theRenderedDiagnosticShowsTheLineAndACaret() {
        let yaml = Self.minimal.replacingOccurrences(of: "title: Test pack", with: "title: Test pack\nshedule: x")
        let text = diagnostics(yaml)[0].rendered(source: yaml)
        #expect(text == """
        error: expected one of the keys 'title', 'page', 'theme', 'owner', 'parameters', 'recipients', 'schedule', 'delivery', 'pages', found 'shedule'
         --> test-pack.yaml:2:1
          |
        2 | shedule: x
          | ^^^^^^^
          = help: did you mean 'schedule'?

        """)
    }
}
