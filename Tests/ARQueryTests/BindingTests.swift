import ARCore
import ARMetrics
import Testing
@testable import ARQuery

/// The eleven reference queries of the brief, parsed and bound exactly.
struct BindingTests {
    static let catalog = Catalog(asOf: Day(iso: "2026-09-30")!, reportingCurrency: .eur,
                                 documentAttributes: ["project"], customerAttributes: ["industry"])
    let compiler = QueryCompiler(catalog: BindingTests.catalog)
    let asOf = Day(iso: "2026-09-30")!

    func metricStatement(_ text: String, _ parameters: [String: String] = [:]) throws -> MetricStatement {
        let statements = try compiler.compile(text, parameters: parameters)
        guard statements.count == 1, case let .metrics(statement) = statements[0] else {
            Issue.record("expected one metric statement from \(text)")
            throw QueryDiagnostic.internalError("test")
        }
        return statement
    }

    @Test func agingByCustomerGroup() throws {
        let s = try metricStatement("aging by customer_group")
        #expect(s.query == MetricQuery(metrics: [MetricRequest(.aging)], dimensions: [.customerGroup], dates: [asOf]))
        #expect(s.shownMetricCount == 1 && s.having == nil && s.order.isEmpty && s.limit == nil)
    }

    @Test func balancesAsOfADate() throws {
        let s = try metricStatement("ar, current, overdue, overdue_rate by entity as of 2026-06-30")
        #expect(s.query.metrics.map(\.kind) == [.ar, .current, .overdue, .overdueRate])
        #expect(s.query.dimensions == [.entity])
        #expect(s.query.dates == [Day(iso: "2026-06-30")!])
        #expect(s.query.currency == nil)
    }

    @Test func dsoVariants() throws {
        let s = try metricStatement("dso, dso(method: countback), bpdso, add by region")
        #expect(s.query.metrics == [MetricRequest(.dso), MetricRequest(.dso, dsoMethod: .countback),
                                    MetricRequest(.bpdso), MetricRequest(.add)])
        #expect(s.query.metrics[0].effectivePeriod == .days(90))
        #expect(s.query.dimensions == [.region])
    }

    @Test func explicitPeriods() throws {
        let s = try metricStatement("cei(period: 3 months), bad_debt_rate(period: 12 months) by segment")
        #expect(s.query.metrics == [MetricRequest(.cei, period: .months(3)), MetricRequest(.badDebtRate, period: .months(12))])
        #expect(s.query.dimensions == [.segment])
    }

    @Test func monthlySeriesOfMonthEnds() throws {
        let s = try metricStatement("overdue_rate by entity monthly from 2025-10-31 to 2026-09-30")
        let expected = ["2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31",
                        "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30"]
        #expect(s.query.dates.map(\.iso) == expected)
        #expect(s.query.metrics == [MetricRequest(.overdueRate)])
    }

    @Test func havingOnAHiddenMetricWithOrderAndLimit() throws {
        let s = try metricStatement(#"aging(buckets: [30, 60, 90]) by customer where region = "EMEA" having overdue > 10000 order by overdue desc limit 10"#)
        #expect(s.query.metrics == [MetricRequest(.aging, aging: AgingSpec(bounds: [30, 60, 90])), MetricRequest(.overdue)])
        #expect(s.shownMetricCount == 1)
        #expect(s.query.dimensions == [.customer])
        #expect(s.query.filter == .compare(.dimension(.region), .eq, .string("EMEA")))
        #expect(s.having == .compare(metric: 1, .gt, .minorUnits(1_000_000)))
        #expect(s.order == [.metric(1, descending: true)])
        #expect(s.limit == 10)
        #expect(s.columns(ofMetric: 1) == 5..<6)
        #expect(s.shownColumnCount == 5)
    }

    @Test func itemsWithFilterOrderAndLimit() throws {
        let statements = try compiler.compile("items where dpd > 90 and not disputed order by open desc limit 20")
        let expected = ItemsStatement(filter: .and(.compare(.dpd, .gt, .integer(90)), .not(.disputed)), asOf: asOf,
                                      currency: nil, order: [ItemSortKey(field: .open, descending: true)], limit: 20)
        #expect(statements == [.items(expected)])
    }

    @Test func overLastSetsDefaultPeriods() throws {
        let s = try metricStatement("days_to_pay, days_late by customer_group over last 12 months")
        #expect(s.query.metrics == [MetricRequest(.daysToPay, period: .months(12)), MetricRequest(.daysLate, period: .months(12))])
        #expect(s.query.dates == [asOf])
        let kept = try metricStatement("ar, sales, dso(period: 30 days) over last 2 weeks")
        #expect(kept.query.metrics == [MetricRequest(.ar), MetricRequest(.sales, period: .days(14)), MetricRequest(.dso, period: .days(30))])
    }

    @Test func disputeMetrics() throws {
        let s = try metricStatement("disputed, open_disputes, dispute_days(period: 12 months) by dispute_reason")
        #expect(s.query.metrics == [MetricRequest(.disputed), MetricRequest(.openDisputes), MetricRequest(.disputeDays, period: .months(12))])
        #expect(s.query.dimensions == [.disputeReason])
    }

    @Test func promisesAndPenaltiesInACurrency() throws {
        let s = try metricStatement("promise_kept_rate(period: 6 months), penalties by entity in EUR")
        #expect(s.query.metrics == [MetricRequest(.promiseKeptRate, period: .months(6)), MetricRequest(.penalties)])
        #expect(s.query.currency == .eur)
    }

    @Test func parameterIsBoundNotSpliced() throws {
        let s = try metricStatement("ar by entity where entity = $entity", ["entity": "FR01\" or 1=1"])
        #expect(s.query.filter == .compare(.dimension(.entity), .eq, .string("FR01\" or 1=1")))
    }

    @Test func metricArguments() throws {
        let s = try metricStatement("aging(basis: issue_date, buckets: [15, 45]), promise_kept_rate(grace: 3 days), penalties(rate: 3.5, rules: uk, basis: 360, fixed: 50)")
        #expect(s.query.metrics[0].aging == AgingSpec(basis: .issueDate, bounds: [15, 45]))
        #expect(s.query.metrics[1].graceDays == 3)
        let penalties = s.query.metrics[2].penalties
        #expect(penalties.referenceRatePercent == ExactRate("3.5")!)
        #expect(penalties.marginPercent == ExactRate("8")!)
        #expect(penalties.dayCountBasis == 360)
        #expect(penalties.fixedSum == .flat(50_00))
        #expect(penalties.fixedCurrency.code == "GBP")
    }

    @Test func filtersOfEveryShape() throws {
        let s = try metricStatement(#"ar where (type = credit_note or region in ("EMEA", "APAC")) and customer_group != "Acme" and due_date < 2026-01-01 and open > 5000.5 and project = X1 and industry not in (retail)"#)
        let expected: ItemPredicate = .and(.and(.and(.and(.and(
            .or(.compare(.dimension(.type), .eq, .string("credit_note")),
                .isIn(.dimension(.region), [.string("EMEA"), .string("APAC")])),
            .compare(.dimension(.customerGroup), .ne, .string("Acme"))),
            .compare(.dueDate, .lt, .day(Day(iso: "2026-01-01")!))),
            .compare(.open, .gt, .integer(500_050))),
            .compare(.dimension(.documentAttribute("project")), .eq, .string("X1"))),
            .not(.isIn(.dimension(.customerAttribute("industry")), [.string("retail")])))
        #expect(s.query.filter == expected)
    }

    @Test func moneyLiteralsUseTheQueryCurrencyDigits() throws {
        let s = try metricStatement("overdue by customer where open > 5000 having overdue >= 250000 in JPY")
        #expect(s.query.filter == .compare(.open, .gt, .integer(5000)))
        #expect(s.having == .compare(metric: 0, .ge, .minorUnits(250_000)))
    }

    @Test func seriesSteps() throws {
        let weekly = try metricStatement("ar weekly from 2026-09-01 to 2026-09-30")
        #expect(weekly.query.dates.map(\.iso) == ["2026-09-01", "2026-09-08", "2026-09-15", "2026-09-22", "2026-09-29"])
        let quarterly = try metricStatement("ar quarterly from 2025-12-31 to 2026-09-30")
        #expect(quarterly.query.dates.map(\.iso) == ["2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"])
        let clamped = try metricStatement("ar monthly from 2026-01-30 to 2026-04-30")
        #expect(clamped.query.dates.map(\.iso) == ["2026-01-30", "2026-02-28", "2026-03-30", "2026-04-30"])
        let daily = try metricStatement("ar daily from $a to $b", ["a": "2026-02-27", "b": "2026-03-01"])
        #expect(daily.query.dates.map(\.iso) == ["2026-02-27", "2026-02-28", "2026-03-01"])
    }

    @Test func forecastExplainCommentsAndSeveralStatements() throws {
        let text = """
        -- the cash plan
        forecast collections weekly next 8 weeks by entity where not disputed;
        explain show ar by region | chart bar title "AR" stacked;
        """
        let statements = try compiler.compile(text)
        #expect(statements.count == 2)
        #expect(statements[0] == .forecast(ForecastQuery(granularity: .weekly, periods: 8, dimensions: [.entity],
                                                           filter: .not(.disputed), asOf: asOf)))
        guard case let .explain(.metrics(inner), sql: false) = statements[1] else {
            Issue.record("expected explain")
            return
        }
        #expect(inner.chart == ChartSpec(kind: .bar, title: "AR", options: ["stacked": "true"]))
        let charted = try compiler.compile("forecast collections weekly next 4 weeks | chart line title \"Cash\"")
        #expect(charted == [.forecast(ForecastQuery(granularity: .weekly, periods: 4, asOf: asOf),
                                      chart: ChartSpec(kind: .line, title: "Cash", options: [:]))])
    }

    @Test func orderByDimensionAndHavingCombinations() throws {
        let s = try metricStatement("overdue_rate, count by region, entity having overdue_rate > 0.25 and not count < 3 order by entity, overdue_rate desc")
        #expect(s.having == .and(.compare(metric: 0, .gt, .number(0.25)), .not(.compare(metric: 1, .lt, .integer(3)))))
        #expect(s.order == [.dimension(1, descending: false), .metric(0, descending: true)])
        #expect(s.query.metrics.count == 2)
    }
}
