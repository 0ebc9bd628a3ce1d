@testable import ARRepl
import Testing

/// `arlens repl < script.arql`: results to standard output, and the first error ends the run.
struct ReplScriptTests {
    /// Runs `lines` as a script; returns the status, what went to standard output and to standard error.
    private func runScript(_ lines: [String], backend: FakeBackend) -> (Int32, String, String) {
        var remaining = lines[...]
        var standardOutput = "", standardError = ""
        let status = ReplMain.runScript(ReplSession(backend: backend), readLine: { remaining.popFirst() }) {
            standardOutput += $0.text
            standardError += $0.error
        }
        return (status, standardOutput, standardError)
    }

    @Test func scriptStopsAtTheFirstErrorWithStatusOne() {
        let backend = FakeBackend()
        let (status, standardOutput, standardError) = runScript(
            ["-- Headline figures.", ".mode csv", "ar by entity;", "ar by entiy;", "ar by region;"], backend: backend)
        #expect(status == 1)
        #expect(standardOutput == "entity,ar\nFR01,1,200.00\nUK01,800.00\n")
        #expect(standardError == "error: unknown dimension 'entiy'\n  ar by entiy\n        ^^^^^\nhelp: did you mean 'entity'?\n")
        #expect(backend.log.all.map(\.statement) == ["ar by entity", "ar by entiy"])
    }

    @Test func savedQueryWithoutSemicolonRunsAtTheEnd() {
        let (status, standardOutput, standardError) = runScript(
            ["-- The month-end headline.", "ar, overdue", "  by entity"], backend: FakeBackend())
        #expect(status == 0)
        #expect(standardOutput == "entity  ar        overdue\nFR01    1,200.00  300.00 \nUK01    800.00    0.00   \n")
        #expect(standardError == "")
    }

    /// Issue 16, item 6: a script's results are data; the screen's row limit never cuts them.
    @Test func scriptsGetEveryRowInEveryMode() {
        for mode in ["table", "csv", "json"] {
            let backend = FakeBackend()
            var configuration = ReplConfiguration(maxRows: 1)
            configuration.outputIsTerminal = false
            var remaining = [".mode \(mode)", "ar by customer;"][...]
            var standardOutput = ""
            let status = ReplMain.runScript(ReplSession(backend: backend, configuration: configuration),
                                            readLine: { remaining.popFirst() }) { standardOutput += $0.text }
            #expect(status == 0)
            #expect(backend.log.all.map(\.maxRows) == [nil])
            #expect(!standardOutput.contains("more row"))
            #expect(standardOutput.contains("Acme Corp") && standardOutput.contains("Acme Industries"))
        }
    }

    @Test func quitEndsTheScript() {
        let backend = FakeBackend()
        let (status, _, _) = runScript(["ar by entity;", ".quit", "ar by region;"], backend: backend)
        #expect(status == 0)
        #expect(backend.log.all.count == 1)
    }

    @Test func failingCommandStopsTheScript() {
        let (status, standardOutput, standardError) = runScript([".mode xml", "ar by entity;"], backend: FakeBackend())
        #expect(status == 1)
        #expect(standardOutput == "")
        #expect(standardError == "error: unknown mode 'xml'\nhelp: use .mode table, .mode csv or .mode json\n")
    }
}
