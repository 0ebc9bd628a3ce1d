import ARCore
import ARMetrics
import Testing
@testable import ARQuery

/// Random and mutated queries never crash the lexer, parser, binder or planner: each one either
/// compiles or yields a user diagnostic whose span lies inside the text.
struct FuzzTests {
    /// SplitMix64: a small deterministic generator, so a failure replays.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The eleven reference queries of the ARQL issue, plus one statement using the rest of the grammar.
    static let references = ReferenceQueriesOnSampleTests.reference + [
        #"forecast collections monthly next 6 months by entity where type in ("invoice", credit_note); explain sql ar | chart line title "x" width: 800"#,
    ]

    static let vocabulary = [
        "show", "items", "forecast", "collections", "explain", "sql", "by", "where", "having", "as", "of", "daily",
        "weekly", "monthly", "quarterly", "from", "to", "over", "last", "in", "order", "asc", "desc", "limit", "and",
        "or", "not", "next", "chart", "title", "ar", "aging", "dso", "penalties", "customer", "region", "dpd", "open",
        "due_date", "disputed", "days", "months", "weeks", "period", "buckets", "method", "rules", "grace", "basis",
        "(", ")", "[", "]", ",", ":", ";", "|", "=", "!=", "<", "<=", ">", ">=", "-", "--", "$entity", "$x", "$",
        "0", "90", "10000.5", "99999999999999999999999", "2026-09-30", "2026-02-30", "2026-9-1", "\"EMEA\"", "\"",
        "'", "é", "🙂", "\n", "\t", "{", "#", "1.", ".5", "9days",
    ]

    @Test func randomAndMutatedQueriesNeverCrash() {
        var rng = SplitMix64(state: 20_261_129)
        let compiler = QueryCompiler(catalog: BindingTests.catalog)
        let planner = Planner(catalog: BindingTests.catalog)
        let parameters = ["entity": "FR01", "x": "2026-01-31"]
        var compiled = 0
        var diagnosed = 0
        for iteration in 0..<20_000 {
            let text = iteration % 2 == 0 ? Self.randomQuery(&rng) : Self.mutatedQuery(&rng)
            do {
                let statements = try compiler.compileTyped(text, parameters: parameters)
                for statement in statements { _ = planner.plan(statement).explained }
                compiled += 1
            } catch {
                diagnosed += 1
                #expect(error.code != .internalError, "internal error for \(text)")
                #expect(error.span.end <= text.utf8.count, "span out of range for \(text)")
                #expect(!error.message.isEmpty && !error.rendered(source: text).isEmpty)
                _ = error.toJSON(source: text)
            }
        }
        #expect(compiled + diagnosed == 20_000)
        // Both paths are exercised, not just one.
        #expect(compiled > 500 && diagnosed > 5_000)
    }

    static func randomQuery(_ rng: inout SplitMix64) -> String {
        let count = Int.random(in: 1...14, using: &rng)
        return (0..<count).map { _ in vocabulary.randomElement(using: &rng)! }.joined(separator: " ")
    }

    /// A reference query with a few characters or words deleted, inserted, replaced or swapped.
    static func mutatedQuery(_ rng: inout SplitMix64) -> String {
        var characters = Array(references.randomElement(using: &rng)!)
        for _ in 0..<Int.random(in: 0...3, using: &rng) where !characters.isEmpty {
            let i = Int.random(in: 0..<characters.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: characters.remove(at: i)
            case 1: characters.insert(Array("abz_(),[]\"$-0:é").randomElement(using: &rng)!, at: i)
            case 2: characters[i] = Array("aeiou_1 ").randomElement(using: &rng)!
            case 3:
                let j = Int.random(in: 0..<characters.count, using: &rng)
                characters.swapAt(i, j)
            default: characters.insert(contentsOf: " " + vocabulary.randomElement(using: &rng)! + " ", at: i)
            }
        }
        return String(characters)
    }

    @Test func hostileNestingIsDiagnosed() {
        let compiler = QueryCompiler(catalog: BindingTests.catalog)
        let deep = "ar where " + String(repeating: "(", count: 10_000) + "dpd > 1"
        #expect(throws: QueryDiagnostic.self) { try compiler.compile(deep) }
        let long = "ar where " + Array(repeating: "dpd > 1", count: 5_000).joined(separator: " and ")
        #expect(throws: QueryDiagnostic.self) { try compiler.compile(long) }
        let nots = "ar where " + String(repeating: "not ", count: 10_000) + "disputed"
        #expect(throws: QueryDiagnostic.self) { try compiler.compile(nots) }
        #expect(throws: QueryDiagnostic.self) { try compiler.compile("ar daily from 0001-01-01 to 9999-12-31") }
    }
}
