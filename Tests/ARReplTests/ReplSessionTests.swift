import ARCore
@testable import ARRepl
import Foundation
import Synchronization
import Testing

/// A clock that moves 12.5 ms each time it is read.
private func steppingClock() -> @Sendable () -> Duration {
    let ticks = Atomic<Int>(0)
    return { .microseconds(12_500 * ticks.add(1, ordering: .relaxed).newValue) }
}

private let entityTable = """
    entity  ar      
    FR01    1,200.00
    UK01    800.00  

    """

struct ReplSessionTests {
    @Test func statementOverSeveralLinesRunsAtBlankLine() {
        var session = ReplSession(backend: FakeBackend())
        #expect(session.prompt == "arlens> ")
        #expect(session.evaluate("ar") == ReplOutput(needsMoreInput: true))
        #expect(session.prompt == "   ...> ")
        #expect(session.evaluate("  by entity") == ReplOutput(needsMoreInput: true))
        #expect(session.evaluate("") == ReplOutput(text: entityTable, historyEntry: "ar   by entity;"))
        #expect(session.prompt == "arlens> ")
        #expect(session.lastStatement == "ar\n  by entity")
    }

    @Test func semicolonEndsStatementsEvenSeveralOnOneLine() {
        let backend = FakeBackend()
        var session = ReplSession(backend: backend)
        let output = session.evaluate("ar by entity; bpdso by region;")
        #expect(output.text == entityTable + "region    bpdso\nAmericas  29.0 \nEMEA      30.0 \n")
        #expect(output.historyEntry == "ar by entity; bpdso by region;")
        #expect(backend.log.all.map(\.statement) == ["ar by entity", "bpdso by region"])
        // Not on a terminal (the default): every row, uncut.
        #expect(backend.log.all.map(\.maxRows) == [nil, nil])
    }

    @Test func semicolonsInsideQuotesAndCommentsDoNotEndAStatement() {
        var buffer = StatementBuffer()
        #expect(buffer.add("ar by customer -- the big ones; really") == StatementBuffer.Added())
        #expect(buffer.add("where customer = \"A;B\"") == StatementBuffer.Added())
        #expect(buffer.add(";") == StatementBuffer.Added(
            statements: ["ar by customer -- the big ones; really\nwhere customer = \"A;B\""],
            historyEntry: "ar by customer -- the big ones; really where customer = \"A;B\" ;"))
        #expect(buffer.add("-- a comment line alone starts nothing") == StatementBuffer.Added())
        #expect(buffer.isEmpty)
    }

    @Test func errorShowsTheDiagnosticAndTheSessionGoesOn() {
        var session = ReplSession(backend: FakeBackend())
        let failed = session.evaluate("ar by entiy;")
        #expect(failed == ReplOutput(error: """
            error: unknown dimension 'entiy'
              ar by entiy
                    ^^^^^
            help: did you mean 'entity'?

            """, failed: true, historyEntry: "ar by entiy;"))
        #expect(session.lastStatement == nil)
        #expect(session.evaluate("ar by entity;").text == entityTable)
    }

    /// Issue 16, item 6: only a table shown on a terminal is cut; CSV and JSON on a terminal, and
    /// anything not on a terminal, get every row.
    @Test func displayLimitOnlyForATableOnATerminal() {
        for (terminal, mode, cut) in [(true, "table", true), (true, "csv", false), (true, "json", false),
                                      (false, "table", false), (false, "csv", false)] {
            let backend = FakeBackend()
            var session = ReplSession(backend: backend, configuration: ReplConfiguration(maxRows: 2, outputIsTerminal: terminal))
            _ = session.evaluate(".mode \(mode)")
            let text = session.evaluate("ar by customer;").text
            #expect(backend.log.all.map(\.maxRows) == [cut ? 2 : nil], "terminal \(terminal), \(mode)")
            #expect(text.contains("more rows") == cut, "terminal \(terminal), \(mode)")
        }
    }

    @Test func longResultIsCutWithANote() {
        let backend = FakeBackend()
        var session = ReplSession(backend: backend, configuration: ReplConfiguration(maxRows: 2, outputIsTerminal: true))
        #expect(session.evaluate("ar by customer;").text == """
            customer         ar    
            Acme Corp        700.00
            Acme Industries  500.00
            … 2 more rows (use limit, or .output FILE)

            """)
        #expect(backend.log.all.last?.maxRows == 2)
        #expect(session.evaluate(".maxrows 3").text == "")
        #expect(session.evaluate("ar by customer;").text.hasSuffix("… 1 more row (use limit, or .output FILE)\n"))
        #expect(session.evaluate(".maxrows").text == "maxrows: 3\n")
        #expect(session.evaluate(".maxrows none").error
            == "error: 'none' is not a number of rows\nhelp: write .maxrows N with N at least 1, e.g. .maxrows 100\n")
        #expect(ReplSession.grouped(1_234) == "1,234")
        #expect(ReplSession.grouped(1_234_567) == "1,234,567")
        #expect(ReplSession.grouped(999) == "999")
    }

    @Test func modeChangesTheFormatTheBackendRenders() {
        var session = ReplSession(backend: FakeBackend())
        #expect(session.evaluate(".mode csv") == ReplOutput(historyEntry: ".mode csv"))
        #expect(session.evaluate("ar by entity;").text == "entity,ar\nFR01,1,200.00\nUK01,800.00\n")
        _ = session.evaluate(".mode JSON")
        #expect(session.evaluate("ar by region;").text
            == "[{\"region\": \"Americas\", \"ar\": \"500.00\"},\n {\"region\": \"EMEA\", \"ar\": \"1,500.00\"}]\n")
        #expect(session.evaluate(".mode").text == "mode: json\n")
        #expect(session.evaluate(".mode xml").error == "error: unknown mode 'xml'\nhelp: use .mode table, .mode csv or .mode json\n")
    }

    @Test func timerShowsElapsedTime() {
        var session = ReplSession(backend: FakeBackend(), now: steppingClock())
        #expect(session.evaluate(".timer").text == "timer: off\n")
        _ = session.evaluate(".timer on")
        #expect(session.evaluate("ar by entity;").text == entityTable + "Time: 12.500 ms\n")
        _ = session.evaluate(".timer off")
        #expect(session.evaluate("ar by entity;").text == entityTable)
        #expect(session.evaluate(".timer maybe").failed)
        #expect(ReplSession.milliseconds(.microseconds(1_234_005)) == "1234.005")
    }

    @Test func parametersAreSetListedAndPassed() {
        let backend = FakeBackend()
        var session = ReplSession(backend: backend)
        #expect(session.evaluate(".param list").text == "no parameters set (.param set NAME VALUE)\n")
        #expect(session.evaluate(".param set region 'EMEA North'") == ReplOutput(historyEntry: ".param set region 'EMEA North'"))
        _ = session.evaluate(".param set $as_of 2026-10-31")
        #expect(session.evaluate(".param").text == "$as_of = 2026-10-31\n$region = EMEA North\n")
        #expect(session.evaluate("ar by customer where region = $region;").failed == false)
        #expect(backend.log.all.last?.parameters == ["region": "EMEA North", "as_of": "2026-10-31"])
        #expect(session.evaluate(".param unset region").text == "")
        #expect(session.evaluate("ar where region = $region;").error == """
            error: no value for parameter '$region'
              ar where region = $region
                                ^^^^^^^
            help: .param set region VALUE

            """)
        #expect(session.evaluate(".param set 9lives x").error
            == "error: '9lives' is not a parameter name\nhelp: names are letters, digits and '_', e.g. .param set region EMEA\n")
        #expect(session.evaluate(".param set region").error == "error: .param set needs a value\nhelp: write .param set region VALUE\n")
        #expect(session.evaluate(".param unset nothing").failed)
        _ = session.evaluate(".param clear")
        #expect(session.parameters.isEmpty)
    }

    @Test func cancelledQueryReportsAndTheSessionGoesOn() {
        let flag = CancellationFlag()
        var session = ReplSession(backend: FakeBackend(flag: flag), cancellation: flag)
        #expect(session.evaluate("cancel_me;") == ReplOutput(error: "error: query cancelled (Ctrl-C)\n", failed: true,
                                                              historyEntry: "cancel_me;", cancelled: true))
        #expect(session.evaluate("ar by entity;").text == entityTable)
    }

    @Test func quitAndExitEndTheSession() {
        var session = ReplSession(backend: FakeBackend())
        #expect(session.evaluate(".quit").quit)
        #expect(session.evaluate(".exit;").quit)
        #expect(session.evaluate("  .QUIT  ").quit)
    }

    @Test func unknownCommandSuggestsTheClosest() {
        var session = ReplSession(backend: FakeBackend())
        #expect(session.evaluate(".mod csv").error == "error: unknown command '.mod'\nhelp: did you mean '.mode'? (.help lists the commands)\n")
        #expect(session.evaluate(".frobnicate").error == "error: unknown command '.frobnicate'\nhelp: .help lists the commands\n")
    }

    @Test func metricsAndDimsListDescriptions() {
        var session = ReplSession(backend: FakeBackend())
        #expect(session.evaluate(".metrics").text == """
            ar       receivables balance at the as-of date
            overdue  open items past their due date
            bpdso    best possible DSO: current AR / sales × 90 days

            """)
        #expect(session.evaluate(".dims").text == """
            entity          the legal entity that issued the document
            customer        the customer's name
            customer_group  the customer's group
            region          the customer's region

            """)
        #expect(session.evaluate(".help").text.contains("items where dpd > 90 and not disputed order by open desc limit 20;"))
        #expect(session.evaluate(".snapshots").text == "datasets/sample: 1 snapshot, as of 2026-10-31 (2 entities, 4 customers)\n")
    }

    @Test func openSwitchesTheBackendOrSaysWhy() {
        var session = ReplSession(backend: FakeBackend())
        #expect(session.evaluate(".open out/missing") == ReplOutput(
            error: "error: cannot open 'out/missing': no such store or snapshot folder\n", failed: true, historyEntry: ".open out/missing"))
        #expect(session.evaluate(".open out/store").text == "opened out/store\nout/store: 1 snapshot, as of 2026-10-31 (2 entities, 4 customers)\n")
        #expect(session.evaluate(".open").error == "error: .open needs a store or snapshot folder\nhelp: write .open DATA, e.g. .open out/store\n")
    }

    @Test func commandsWorkInTheMiddleOfAStatement() {
        var session = ReplSession(backend: FakeBackend())
        _ = session.evaluate("ar")
        #expect(session.evaluate(".mode csv") == ReplOutput(needsMoreInput: true, historyEntry: ".mode csv"))
        #expect(session.evaluate("by entity;").text == "entity,ar\nFR01,1,200.00\nUK01,800.00\n")
    }

    @Test func discardPendingForgetsTheStatement() {
        var session = ReplSession(backend: FakeBackend())
        _ = session.evaluate("ar by")
        session.discardPending()
        #expect(session.prompt == "arlens> ")
        #expect(session.evaluate("ar by entity;").text == entityTable)
    }

    @Test func finishRunsWhatIsPendingAtTheEndOfAScript() {
        var session = ReplSession(backend: FakeBackend())
        #expect(session.evaluate("-- The month-end headline.") == ReplOutput())
        #expect(session.evaluate("ar by entity").needsMoreInput)
        #expect(session.finish().text == entityTable)
        #expect(session.finish() == ReplOutput())
    }
}
