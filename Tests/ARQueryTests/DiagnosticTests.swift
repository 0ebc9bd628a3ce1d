import ARCore
import Testing
@testable import ARQuery

/// Exact error text for mistakes at every kind of position.
struct DiagnosticTests {
    let compiler = QueryCompiler(catalog: BindingTests.catalog)

    func diagnostic(_ text: String, _ parameters: [String: String] = [:]) -> QueryDiagnostic? {
        do {
            _ = try compiler.compileTyped(text, parameters: parameters)
            return nil
        } catch {
            return error
        }
    }

    @Test func misspeltMetric() {
        let text = "dos, ar by region"
        #expect(diagnostic(text)?.rendered(source: text) == """
            error[Q2001]: expected a metric, found 'dos'
             --> query:1:1
              |
            1 | dos, ar by region
              | ^^^
              = help: did you mean 'dso'?

            """)
    }

    @Test func misspeltDimension() {
        let text = "aging by custmer_group"
        #expect(diagnostic(text)?.rendered(source: text) == """
            error[Q2002]: expected a dimension, found 'custmer_group'
             --> query:1:10
              |
            1 | aging by custmer_group
              |          ^^^^^^^^^^^^^
              = help: did you mean 'customer_group'?

            """)
    }

    @Test func misspeltKeywordOnASecondLine() {
        let text = "aging by customer_group\n  wher region = \"EMEA\""
        let d = diagnostic(text)
        #expect(d?.code == .unexpectedToken)
        #expect(d?.rendered(source: text) == """
            error[Q1001]: expected a clause ('by', 'where', 'having', 'as of', 'monthly from', 'over last', 'in', 'order by', 'limit', 'top', 'compare', 'year to date', 'project', '| chart'), ';' or end of input, found 'wher'
             --> query:2:3
              |
            2 |   wher region = "EMEA"
              |   ^^^^
              = help: did you mean 'where'?

            """)
    }

    @Test func unknownParameter() {
        let text = "ar by entity where entity = $entty"
        let d = diagnostic(text, ["entity": "FR01"])
        #expect(d?.toJSON(source: text) == #"""
            {"code":"Q2003","message":"expected a parameter that was given, found '$entty'","span":{"start":28,"end":34,"line":1,"column":29},"help":"did you mean '$entity'?"}
            """#)
    }

    @Test func impossibleAndMalformedDates() {
        let text = "ar as of 2026-09-31"
        #expect(diagnostic(text)?.rendered(source: text) == """
            error[Q1003]: expected a date, found '2026-09-31', not a day of the calendar
             --> query:1:10
              |
            1 | ar as of 2026-09-31
              |          ^^^^^^^^^^
              = help: write dates as YYYY-MM-DD, e.g. '2026-09-30'

            """)
        #expect(diagnostic("ar as of 2026-9-30")?.message == "expected a date, found '2026-9-30', not written YYYY-MM-DD")
        #expect(diagnostic("ar as of $d", ["d": "2026-02-30"])?.message == "expected a YYYY-MM-DD date for '$d', found '2026-02-30'")
    }

    @Test func misspeltArgumentChartAndStatementKeyword() {
        #expect(diagnostic("dso(metod: countback)").map { "\($0.message) | \($0.help ?? "")" }
                == "expected an argument of 'dso', found 'metod' | did you mean 'method'?")
        #expect(diagnostic("ar | chart barr")?.help == "did you mean 'bar'?")
        #expect(diagnostic("shw ar by entity")?.help == "did you mean 'show'?")
        #expect(diagnostic("ar by entity ordr by ar")?.help == "did you mean 'order'?")
        #expect(diagnostic("dso(method: countbak)")?.message == "expected a dso method, found 'countbak'")
        #expect(diagnostic("dso(method: countbak)")?.help == "did you mean 'countback'?")
    }

    @Test func metricUsedAsAField() {
        let d = diagnostic("ar where overdue > 5")
        #expect(d?.code == .unknownField)
        #expect(d?.help == "'overdue' is a metric; filter on metrics with 'having'")
    }

    @Test func errorsCoverTheWholeTokenWithMultibyteText() {
        let text = "ar where region = \"Zürich\" and regin = \"x\""
        let d = diagnostic(text)
        #expect(d?.span == SourceSpan(start: 32, end: 37))
        #expect(d.map { $0.span.lineAndColumn(in: text).column } == 32)
        let caretLine = "  | " + String(repeating: " ", count: 31) + "^^^^^\n"
        #expect(d?.rendered(source: text).contains("1 | " + text + "\n" + caretLine) == true)
    }

    @Test func endOfInputAndTypeErrors() {
        #expect(diagnostic("ar by")?.message == "expected a dimension, found end of input")
        #expect(diagnostic("ar where (dpd > 3")?.message == "expected ')', found end of input")
        #expect(diagnostic("ar where dpd > \"x\"")?.message == "expected a number of days for 'dpd', found '\"x\"'")
        #expect(diagnostic("ar where open > 10.555")?.message == "expected an amount with at most 2 decimals, found '10.555'")
        #expect(diagnostic("items by entity")?.message == "expected a clause of 'items' ('where', 'as of', 'in', 'order by' or 'limit'), found 'by'")
        #expect(diagnostic("ar by entity where dpd > 3 where dpd < 9")?.code == .duplicateClause)
        #expect(diagnostic("items monthly from 2026-01-31 to 2026-02-28")?.message
                == "expected a clause of 'items' ('where', 'as of', 'in', 'order by' or 'limit'), found 'monthly from'")
        #expect(diagnostic("forecast collections monthly next 3 months | chart bar")?.message
                == "expected a clause of 'forecast' ('by', 'where', 'as of' or 'in'), found '| chart'")
        #expect(diagnostic("aging by entity order by aging")?.code == .notAScalar)
        #expect(diagnostic("ar monthly from 2026-09-30 to 2026-01-31")?.message
                == "expected a 'to' date on or after 2026-09-30, found '2026-01-31'")
        #expect(diagnostic("ar in EUX")?.code == .unknownCurrency)
        #expect(diagnostic("ar where region = 'EMEA'")?.help == "strings take double quotes, as in \"EMEA\"")
        #expect(diagnostic("sales(period: 90days)")?.help == "put a space between a number and its unit, as in '90 days'")
    }
}

/// Suggestions at the less obvious positions.
struct SuggestionTests {
    let compiler = QueryCompiler(catalog: BindingTests.catalog)

    func help(_ text: String, _ parameters: [String: String] = [:]) -> String? {
        do {
            _ = try compiler.compileTyped(text, parameters: parameters)
            return "compiled"
        } catch {
            return error.help
        }
    }

    @Test func keywordsUnitsValuesAndCurrencies() {
        #expect(help("ar as od 2026-09-30") == "did you mean 'of'?")
        #expect(help("ar montly from 2026-01-31 to 2026-03-31") == "did you mean 'monthly'?")
        #expect(help("ar over lst 3 months") == "did you mean 'last'?")
        #expect(help("ar by entity order by ar dsc") == "did you mean 'desc'?")
        #expect(help("ar where dpd > 90 adn disputed") == "did you mean 'and'?")
        #expect(help("sales(period: 3 monhts)") == "did you mean 'months'?")
        #expect(help("penalties(rules: frr)") == "did you mean 'fr'?")
        #expect(help("aging(basis: isue_date)") == "did you mean 'issue_date'?")
        #expect(help("ar in EUT") == "did you mean 'EUR'?")
        #expect(help("forecast colections weekly next 4 weeks") == "did you mean 'collections'?")
        #expect(help("ar where entity = $entity") == "no parameters were given; pass a value for 'entity'")
        #expect(help("ar(period: 3 months)") == "'ar' takes no arguments")
        #expect(help("ar by entity order by dsoo") == "did you mean 'dso'?")
    }
}

extension SuggestionTests {
    @Test func outOfRangeAmountsPointAtTheNumber() throws {
        let text = "sales(period: 5000  months)"
        do {
            _ = try compiler.compileTyped(text, parameters: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "expected a number of months from 1 to 1200, found '5000'")
            #expect(error.span == SourceSpan(start: 14, end: 18))
        }
        #expect(help("ar over last -3 months") != "compiled")
    }
}
