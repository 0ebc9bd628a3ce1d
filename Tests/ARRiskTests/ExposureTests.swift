import ARCore
import ARMetrics
import ARQuery
import ARRisk
import Testing

/// Exposure and limits against the figures worked out by hand in ``CreditLedger``.
struct ExposureTests {
    let runner: QueryRunner

    init() throws {
        runner = QueryRunner(ledger: try CreditLedger.make(), providers: RiskMetrics.providers())
    }

    private func rows(_ text: String) throws -> [String: [MetricValue]] {
        let table = try CreditLedger.table(text, runner: runner)
        return Dictionary(uniqueKeysWithValues: table.rows.map { ($0.keys.map { $0 ?? "(none)" }.joined(separator: "/"), $0.values) })
    }

    static let all = "exposure, credit_limit, limit_used, over_limit, insured_limit, uninsured_exposure"

    @Test func perCustomerInTheReportingCurrency() throws {
        let r = try rows("\(Self.all) by customer")
        #expect(r["C1"] == [.money(1200_00), .money(1000_00), .ratio(1.2), .money(200_00), .money(600_00), .money(600_00)])
        #expect(r["C2"] == [.money(500_00), .money(625_00), .ratio(0.8), .money(0), .missing, .money(500_00)])
        #expect(r["C3"] == [.money(100_00), .money(300_00), .ratio(1.0 / 3.0), .money(0), .missing, .money(100_00)])
        #expect(r["C4"] == [.money(312_50), .money(250_00), .ratio(1.25), .money(62_50), .money(125_00), .money(187_50)])
        #expect(r["C5"] == [.money(50_00), .missing, .missing, .money(0), .missing, .money(50_00)])
        // The group's own row has no open item: it is a limit, not a customer with exposure.
        #expect(r["G1"] == nil)
    }

    @Test func aGroupsLimitIsItsOwnElseTheSumOfItsCustomers() throws {
        let r = try rows("\(Self.all) by customer_group")
        // G1 has its own row: 2500.00 EUR, insured 1000.00.
        #expect(r["G1"] == [.money(1700_00), .money(2500_00), .ratio(0.68), .money(0), .money(1000_00), .money(700_00)])
        // G2 has none: 300.00 + 200.00 GBP × 1.25, insured 100.00 GBP × 1.25.
        #expect(r["G2"] == [.money(412_50), .money(550_00), .ratio(0.75), .money(0), .money(125_00), .money(287_50)])
        #expect(r["(none)"] == [.money(50_00), .missing, .missing, .money(0), .missing, .money(50_00)])
    }

    @Test func otherCustomerDimensionsSumTheCustomersFigures() throws {
        let r = try rows("exposure, credit_limit, over_limit, limit_used by region")
        // EMEA: C1, C3, C5; the limit_used numerator leaves out C5, which has no limit.
        #expect(r["EMEA"] == [.money(1350_00), .money(1300_00), .money(200_00), .ratio(1300.0 / 1300.0)])
        #expect(r["UK"] == [.money(812_50), .money(875_00), .money(62_50), .ratio(812.5 / 875.0)])
    }

    @Test func inTheLimitsCurrencyAndConverted() throws {
        let r = try rows("exposure, credit_limit, over_limit by customer in GBP")
        #expect(r["C2"] == [.money(400_00), .money(500_00), .money(0)])
        #expect(r["C4"] == [.money(250_00), .money(200_00), .money(50_00)])
        // 1200.00 EUR / 1.25, limit 1000.00 / 1.25, over 200.00 / 1.25.
        #expect(r["C1"] == [.money(960_00), .money(800_00), .money(160_00)])
    }

    @Test func asOfAnEarlierDateUsesThatDatesRate() throws {
        let r = try rows("exposure, credit_limit, over_limit by customer as of 2026-02-15")
        #expect(r["C4"] == [.money(300_00), .money(240_00), .money(60_00)])
        let series = try CreditLedger.table("over_limit by customer where customer = C4 monthly from 2026-01-31 to 2026-03-31", runner: runner)
        #expect(series.rows.map(\.values) == [[.money(60_00)], [.money(60_00)], [.money(62_50)]])
    }

    @Test func havingOrderAndMixedWithEngineMetrics() throws {
        let table = try CreditLedger.table("ar, over_limit by customer having over_limit > 0 order by limit_used desc", runner: runner)
        #expect(table.rows.map(\.keys) == [["C4"], ["C1"]])
        #expect(table.columns.map(\.name) == ["ar", "over_limit"])
        #expect(table.rows.map(\.values) == [[.money(312_50), .money(62_50)], [.money(1200_00), .money(200_00)]])
    }

    @Test func orderByALimitNotInByIsTheMetric() throws {
        // `credit_limit` is also a dimension: in 'order by' without being in 'by' it is the metric.
        let table = try CreditLedger.table("exposure by customer order by credit_limit desc limit 2", runner: runner)
        #expect(table.rows.map(\.keys) == [["C1"], ["C2"]])
        #expect(table.columns.map(\.name) == ["exposure"])
    }

    @Test func aFilterNarrowsTheExposure() throws {
        let r = try rows("exposure, uninsured_exposure by customer_group where currency = GBP")
        #expect(r["G1"] == [.money(500_00), .money(0)])
    }

    @Test func explainNamesTheProvidedMetricsAndSQLSaysItDoesNotCoverThem() throws {
        let plan = try runner.run("explain exposure, ar by region")[0].text(as: .table)
        #expect(plan.hasPrefix("Aggregate exposure, ar by region"))
        #expect(throws: QueryDiagnostic.self) { try runner.run("explain sql exposure by region") }
    }

    @Test func itemDimensionsAreRefusedWithAHelp() throws {
        #expect(throws: QueryDiagnostic.self) { try runner.run("exposure by bucket") }
        do {
            _ = try runner.run("exposure by currency")
        } catch let error as QueryDiagnostic {
            #expect(error.code == .unsupportedClause)
            #expect(error.message == "expected a customer dimension with 'exposure', found 'currency'")
        }
    }
}
