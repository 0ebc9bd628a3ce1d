import ARReports
import Testing

/// `pack check`: every query bound for every recipient against the data, errors in the file.
struct PackValidatorTests {
    func check(_ yaml: String) throws -> [PackDiagnostic] {
        PackValidator.check(try Fixtures.pack(yaml, file: "check.yaml"), runner: Fixtures.sample)
    }

    /// A pack of one page whose blocks, indented as in the file, start on line 6; `extra` goes after them.
    func check(blocks: String, extra: String = "") throws -> [PackDiagnostic] {
        try check("title: Check\nrecipients: [{name: cfo}]\npages:\n  - title: One\n    blocks:\n" + blocks + "\n" + extra)
    }

    @Test func theShippedPacksAreSound() throws {
        for name in ["cfo-monthly", "collector-weekly"] {
            let pack = try PackLoader.load(path: Fixtures.root.appendingPathComponent("Reports/\(name).yaml").path)
            #expect(PackValidator.check(pack, runner: Fixtures.sample, run: false).isEmpty, "\(name)")
        }
    }

    @Test func aQueryErrorPointsIntoTheFile() throws {
        let found = try check(blocks: """
              - chart: "overdue by entiy"
        """)
        #expect(found.count == 1)
        // `      - chart: "overdue by entiy"`: the query starts at column 17, 'entiy' at 28.
        #expect(found[0].location == PackLocation(line: 6, column: 28))
        #expect(found[0].length == 5)
        #expect(found[0].code == "Q2002")
        #expect(found[0].help == "did you mean 'entity'?")
    }

    @Test func aFigureInABlockTextPointsAtItsLine() throws {
        let found = try check(blocks: """
              - text: |
                  First line.
                  Overdue stood at {{ overdue_rat | percent }}.
        """)
        #expect(found.count == 1)
        // `          Overdue stood at {{ overdue_rat | percent }}.`: the line is indented 10, 'overdue_rat' at 31.
        #expect(found[0].location == PackLocation(line: 8, column: 31))
        #expect(found[0].message == "expected a metric, found 'overdue_rat'")
    }

    @Test func parametersMustBeDeclared() throws {
        let found = try check(blocks: """
              - chart: "ar by entity where region = $regoin"
              - text: "As of {{ $as_of }}, for {{ $entitty }}."
        """, extra: "parameters: {region: EMEA}")
        #expect(found.count == 2)
        #expect(found[0].location == PackLocation(line: 6, column: 45))
        #expect(found[0].code == "Q2003")
        #expect(found[0].help == "did you mean '$region'?")
        // `      - text: "As of {{ $as_of }}, for {{ $entitty }}."`: the value starts at 16, '$entitty' at 43.
        #expect(found[1].location == PackLocation(line: 7, column: 43))
        #expect(found[1].message == "expected a parameter the pack declares, found '$entitty'")
    }

    @Test func aPerimeterValueTheDataDoesNotHoldIsAnError() throws {
        let found = try check("""
        title: Check
        recipients:
          - name: fr
            perimeter: {entity: FR1}
        pages:
          - title: One
            blocks:
              - chart: "ar by entity"
        """)
        #expect(found.count == 1)
        #expect(found[0].location == PackLocation(line: 3, column: 5))
        #expect(found[0].message == "expected a value of 'entity' in the data, found 'FR1' for recipient 'fr'")
        #expect(found[0].help == "did you mean 'FR01'?")
    }

    @Test func aComparisonTakesItsDatesFromThePack() throws {
        let found = try check(blocks: """
              - comparison: "ar, overdue as of 2026-09-30"
        """)
        #expect(found.first?.message == "expected a comparison without a date, found one")
        #expect(found.first?.location == PackLocation(line: 6, column: 34))
    }
}
