@testable import ARRepl
import Testing

struct CompleterTests {
    let completer = Completer(
        words: CompletionWords(
            keywords: ["by", "where", "having", "order", "limit", "and", "or", "in", "desc"],
            metrics: [.init("ar", ""), .init("overdue", ""), .init("overdue_rate", ""), .init("bpdso", "")],
            dimensions: [.init("entity", ""), .init("customer", ""), .init("customer_group", ""), .init("region", "")],
            dimensionValues: ["customer": ["Acme Corp", "Acme Industries", "O'Brien Ltd", "Société Générale"],
                              "region": ["EMEA", "Americas"]],
            parameters: ["as_of"]),
        parameterNames: ["region"])

    /// Completes at the end of `line`.
    private func complete(_ line: String) -> Completer.Completion {
        completer.complete(line, cursor: line.utf8.count)
    }

    @Test func metricsAtTheStartOfAStatement() {
        #expect(complete("bpd") == .init(start: 0, candidates: ["bpdso"]))
        #expect(complete("ar, o") == .init(start: 4, candidates: ["or", "order", "overdue", "overdue_rate"]))
        #expect(complete("AR, OVERDUE_") == .init(start: 4, candidates: ["overdue_rate"]))
    }

    @Test func dimensionsAfterByAndWhere() {
        #expect(complete("ar by cust") == .init(start: 6, candidates: ["customer", "customer_group"]))
        #expect(complete("ar by o") == .init(start: 6, candidates: ["or", "order"]))
        #expect(complete("ar by entity where r") == .init(start: 19, candidates: ["region"]))
        #expect(complete("ar by entity, customer_g") == .init(start: 14, candidates: ["customer_group"]))
    }

    @Test func metricsAndDimensionsAfterOrderBy() {
        #expect(complete("ar by region order by o") == .init(start: 22, candidates: ["or", "order", "overdue", "overdue_rate"]))
        #expect(complete("ar by region order by reg") == .init(start: 22, candidates: ["region"]))
        #expect(complete("aging by customer having ov") == .init(start: 25, candidates: ["overdue", "overdue_rate"]))
    }

    @Test func valuesInsideQuotesAfterEquals() {
        #expect(complete("ar by customer where customer = \"Ac")
            == .init(start: 32, candidates: ["\"Acme Corp\"", "\"Acme Industries\""]))
        #expect(complete("ar where customer = \"acme i") == .init(start: 20, candidates: ["\"Acme Industries\""]))
        #expect(complete("ar where customer = o") == .init(start: 20, candidates: ["\"O'Brien Ltd\""]))
        #expect(complete("ar where region = ") == .init(start: 18, candidates: ["\"Americas\"", "\"EMEA\""]))
        #expect(complete("ar where customer != \"Soc") == .init(start: 21, candidates: ["\"Société Générale\""]))
        // Inside a quote the user opened, that quote (the engine will say ARQL wants '"').
        #expect(complete("ar where customer = 'O") == .init(start: 20, candidates: ["'O''Brien Ltd'"]))
    }

    @Test func valuesInAnInList() {
        #expect(complete("ar where region in (\"EMEA\", \"A") == .init(start: 28, candidates: ["\"Americas\""]))
        #expect(complete("ar where region in (E") == .init(start: 20, candidates: ["\"EMEA\""]))
    }

    @Test func quotedValueWithoutAKnownDimensionOffersEveryValue() {
        #expect(complete("ar where \"E") == .init(start: 9, candidates: ["\"EMEA\""]))
    }

    @Test func parameters() {
        #expect(complete("ar by customer where region = $") == .init(start: 30, candidates: ["$as_of", "$region"]))
        #expect(complete("ar where region = $re") == .init(start: 18, candidates: ["$region"]))
    }

    @Test func nothingMatches() {
        #expect(complete("ar by zz") == .init(start: 6, candidates: []))
    }

    @Test func cursorInTheMiddleCompletesTheWordBeforeIt() {
        #expect(completer.complete("ar by cust where x", cursor: 10) == .init(start: 6, candidates: ["customer", "customer_group"]))
    }

    /// libedit breaks words at quotes, spaces and `$`: the candidates are cut to its word.
    @Test func candidatesForTheLineEditorsWord() {
        let line = "ar where customer = \"Acme C"
        #expect(completer.candidates(line, cursor: line.utf8.count, replacingFrom: line.utf8.count - 1) == ["Corp\""])
        #expect(completer.candidates(line, cursor: line.utf8.count, replacingFrom: 20) == ["\"Acme Corp\""])
        let parameter = "ar where region = $re"
        #expect(completer.candidates(parameter, cursor: parameter.utf8.count, replacingFrom: 19) == ["region"])
        let accented = "ar where customer = \"Société G"
        #expect(completer.candidates(accented, cursor: accented.utf8.count, replacingFrom: accented.utf8.count - 1)
            == ["Générale\""])
        // A word that starts before the completed text keeps its start.
        #expect(completer.candidates("ar by=cust", cursor: 10, replacingFrom: 3) == [])
        #expect(completer.candidates("ar,bpd", cursor: 6, replacingFrom: 2) == [",bpdso"])
    }

    @Test func earlierLinesOfTheStatementGiveTheClause() {
        var continued = completer
        continued.precedingLines = "ar, overdue\nby"
        #expect(continued.complete("  cust", cursor: 6) == .init(start: 2, candidates: ["customer", "customer_group"]))
        continued.precedingLines = "ar where customer ="
        #expect(continued.complete("\"Acme C", cursor: 7) == .init(start: 0, candidates: ["\"Acme Corp\""]))
    }

    @Test func sessionCompleterKnowsParametersAndThePendingStatement() {
        var session = ReplSession(backend: FakeBackend())
        _ = session.evaluate(".param set region EMEA")
        _ = session.evaluate("bpdso by")
        #expect(session.completer.complete("reg", cursor: 3) == .init(start: 0, candidates: ["region"]))
        #expect(session.completer.complete("$", cursor: 1) == .init(start: 0, candidates: ["$as_of", "$region"]))
    }
}
