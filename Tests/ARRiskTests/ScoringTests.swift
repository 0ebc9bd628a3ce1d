import ARCore
import ARMetrics
import ARQuery
import ARRisk
import Testing

/// Scores on ``CreditLedger`` worked out by hand, and the errors of bad models.
struct ScoringTests {
    static let model = """
    classes:
      - {name: A, min: 80}
      - {name: B, min: 50}
      - {name: C, min: 0}
    criteria:
      - name: limit_usage
        metric: limit_used
        weight: 2
        missing: 30
        bands:
          - {below: 1, points: 100}
          - {from: 1, points: 0}
      - name: rating
        attribute: rating
        weight: 1
        values: {AA: 90, B: 20}
        missing: 50
    """

    let ledgerRunner: QueryRunner
    let loader: ScoringModelLoader

    init() throws {
        ledgerRunner = QueryRunner(ledger: try CreditLedger.make(), providers: RiskMetrics.providers())
        loader = ScoringModelLoader(catalog: ledgerRunner.compiler.catalog)
    }

    private func runner() throws -> QueryRunner {
        ledgerRunner.adding(providers: [ScoreProvider(model: try loader.parse(Self.model, file: "test.yaml"))])
    }

    @Test func scoresAndClassesPerCustomer() throws {
        let table = try CreditLedger.table("score, risk_class by customer", runner: try runner())
        let byCustomer = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.keys[0]!, $0.values) })
        // C1: limit_used 1.2 → 0 points, rating AA → 90: (2 × 0 + 90) / 3 = 30, class C.
        #expect(byCustomer["C1"] == [.percent(30), .count(3)])
        // C2: 0.8 → 100, no rating → 50: 250 / 3, class A.
        #expect(byCustomer["C2"] == [.percent(250.0 / 3.0), .count(1)])
        // C4: 1.25 → 0, rating B → 20: 20 / 3.
        #expect(byCustomer["C4"] == [.percent(20.0 / 3.0), .count(3)])
        // C5: no limit → missing 30, no rating → 50: 110 / 3.
        #expect(byCustomer["C5"] == [.percent(110.0 / 3.0), .count(3)])
    }

    @Test func aGroupRowShowsTheMeanScoreAndItsClass() throws {
        let table = try CreditLedger.table("score, risk_class by customer_group having risk_class <= 2", runner: try runner())
        // G1: (30 + 250/3) / 2 = 56.67, class B; G2: (250/3 + 20/3) / 2 = 45, class C, filtered out.
        #expect(table.rows.map(\.keys) == [["G1"]])
        #expect(table.rows.map(\.values) == [[.percent((30 + 250.0 / 3.0) / 2), .count(2)]])
    }

    @Test func theExplanationShowsEachCriterion() throws {
        let model = try loader.parse(Self.model, file: "test.yaml")
        let text = try ScoreExplanation(customer: "C4", model: model, runner: try runner()).text
        #expect(text.contains("limit_usage  limit_used = 1.25  ≥ 1"))
        #expect(text.contains("rating       rating = 'B'"))
        #expect(text.hasSuffix("score 6.67 → class C (Σ weight × points / Σ weight)"))
    }

    @Test func anUnknownMetricIsAnErrorAtItsLineAndColumn() throws {
        let bad = Self.model.replacingOccurrences(of: "metric: limit_used", with: "metric: limit_usd")
        #expect(throws: ConfigError(file: "bad.yaml", line: 7, column: 13, "expected a metric, found 'limit_usd'",
                                    help: "did you mean 'limit_used'?")) {
            try loader.parse(bad, file: "bad.yaml")
        }
    }

    @Test func overlappingBandsAreAnError() throws {
        let bad = Self.model.replacingOccurrences(of: "{from: 1, points: 0}", with: "{from: 0.9, points: 0}")
        do {
            _ = try loader.parse(bad, file: "bad.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 12 && error.column == 9)
            #expect(error.message == "expected bands that do not overlap, found ≥ 0.9 overlapping < 1 of line 11")
        }
    }

    @Test func aWeightThatIsNotANumberIsAnError() throws {
        let bad = Self.model.replacingOccurrences(of: "weight: 2", with: "weight: heavy")
        #expect(throws: ConfigError(file: "bad.yaml", line: 8, column: 13, "expected a weight, found 'heavy'",
                                    help: "write a number such as '25' or '0.5'")) {
            try loader.parse(bad, file: "bad.yaml")
        }
    }

    @Test func theDefaultModelLoadsAgainstTheExposureMetrics() throws {
        let model = try loader.load(path: "scoring/default.yaml")
        #expect(model.criteria.map(\.name) == ["payment_delay", "overdue_share", "limit_usage", "promises_kept", "open_disputes"])
        #expect(model.classes.map(\.name) == ["A", "B", "C", "D", "E"])
    }
}
