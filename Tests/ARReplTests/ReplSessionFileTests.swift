@testable import ARRepl
import Foundation
import Testing

/// `.output`, `.chart` and `.save`, which write files: each test works in its own temporary folder.
struct ReplSessionFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrepl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func contents(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func outputSendsWholeResultsToAFileUntilReset() throws {
        let backend = FakeBackend()
        var session = ReplSession(backend: backend, configuration: ReplConfiguration(maxRows: 1, outputIsTerminal: true))
        let path = folder.appendingPathComponent("out.csv").path
        #expect(session.evaluate(".mode csv").text == "")
        #expect(session.evaluate(".output \(path)") == ReplOutput(historyEntry: ".output \(path)"))
        #expect(session.evaluate("ar by entity;") == ReplOutput(historyEntry: "ar by entity;"))
        #expect(session.evaluate("overdue by region;").text == "")
        #expect(backend.log.all.map(\.maxRows) == [nil, nil])
        #expect(try contents("out.csv") == "entity,ar\nFR01,1,200.00\nUK01,800.00\nregion,overdue\nAmericas,0.00\nEMEA,300.00\n")
        _ = session.evaluate(".output")
        // CSV on the screen is still CSV: every row, no note inside it (issue 16, item 6).
        #expect(session.evaluate("ar by entity;").text == "entity,ar\nFR01,1,200.00\nUK01,800.00\n")
        #expect(backend.log.all.last?.maxRows == nil)
        #expect(session.evaluate(".output \(folder.path)/no/such/folder/x.csv").error
            == "error: cannot write to '\(folder.path)/no/such/folder/x.csv'\nhelp: check that its folder exists and is writable\n")
    }

    @Test func chartDrawsTheLastResult() throws {
        var session = ReplSession(backend: FakeBackend())
        let path = folder.appendingPathComponent("aging.png").path
        #expect(session.evaluate(".chart \(path)").error == "error: no result to chart yet\nhelp: run a query first, then .chart \(path)\n")
        _ = session.evaluate("ar by customer;")
        _ = session.evaluate("ar by nothing;")   // a failed statement does not replace the last result
        #expect(session.evaluate(".chart \(path)").text == "wrote \(path)\n")
        #expect(try contents("aging.png") == "chart of ar by customer (4 rows)\n")
        #expect(session.evaluate(".chart x.gif").error == "error: cannot chart to 'x.gif': unknown extension\nhelp: use .png, .svg or .pdf\n")
        #expect(session.evaluate(".chart").error == "error: .chart needs a file to write\nhelp: write .chart FILE.png (or .svg, .pdf)\n")
    }

    @Test func saveWritesTheLastQueryWithACommentLine() throws {
        let queries = folder.appendingPathComponent("Queries").path
        var session = ReplSession(backend: FakeBackend(), configuration: ReplConfiguration(queriesDirectory: queries))
        #expect(session.evaluate(".save top").error == "error: no query to save yet\nhelp: run a query first, then .save top\n")
        _ = session.evaluate(".param set region EMEA")
        _ = session.evaluate("ar, overdue by customer")
        _ = session.evaluate("  where region = $region;")
        #expect(session.evaluate(".save emea-customers Receivables of EMEA customers.").text
            == "saved \(queries)/emea-customers.arql\n")
        #expect(try contents("Queries/emea-customers.arql") == """
            -- Receivables of EMEA customers.
            -- parameters: $region = EMEA
            ar, overdue by customer
              where region = $region

            """)
        _ = session.evaluate("ar by entity;")
        #expect(session.evaluate(".save headline").text == "saved \(queries)/headline.arql\n")
        #expect(try contents("Queries/headline.arql") == "-- Saved from the arlens REPL.\nar by entity\n")
        #expect(session.evaluate(".save ../escape").error == """
            error: '../escape' is not a query name
            help: write .save NAME [DESCRIPTION] with letters, digits, '-' or '_', e.g. .save overdue-by-region

            """)
    }

    @Test func readRunsAFileOrASavedQuery() throws {
        let queries = folder.appendingPathComponent("Queries").path
        var session = ReplSession(backend: FakeBackend(), configuration: ReplConfiguration(queriesDirectory: queries))
        _ = session.evaluate("ar by region;")
        _ = session.evaluate(".save by-region")
        _ = session.evaluate("ar")   // a statement being typed waits while the file runs
        #expect(session.evaluate(".read by-region") == ReplOutput(
            text: "region    ar      \nAmericas  500.00  \nEMEA      1,500.00\n", needsMoreInput: true, historyEntry: ".read by-region"))
        #expect(session.evaluate("by entity;").text.hasPrefix("entity  ar"))
        let script = folder.appendingPathComponent("script.arql")
        try Data(".mode csv\nar by entity;\nar by entiy;\nar by region;\n".utf8).write(to: script)
        let output = session.evaluate(".read \(script.path)")
        #expect(output.text == "entity,ar\nFR01,1,200.00\nUK01,800.00\n")
        #expect(output.error.hasPrefix("error: unknown dimension 'entiy'"))
        #expect(output.failed)
        #expect(session.evaluate(".read nowhere").error
            == "error: cannot read 'nowhere'\nhelp: give a file, or the name of a query saved in \(queries)\n")
        try Data(".read \(script.path)\n".utf8).write(to: script)
        #expect(session.evaluate(".read \(script.path)").error
            == "error: '\(script.path)' reads itself over and over\nhelp: remove the .read loop\n")
    }

    @Test func tildeMeansTheHomeFolder() {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        #expect(ReplSession.expandingTilde("~/out/aging.png") == home + "/out/aging.png")
        #expect(ReplSession.expandingTilde("~") == home)
        #expect(ReplSession.expandingTilde("out/~x") == "out/~x")
    }
}
