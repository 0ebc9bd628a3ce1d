import ARCore
import ARMetrics
import Testing
@testable import ARQuery

/// Formatting a hand-made metric table: exact money from minor units, ratios as fractions.
struct ResultFormatterTests {
    static let table = MetricTable(
        dimensions: [.entity], isSeries: false,
        columns: [MetricColumn(name: "ar", kind: .money), MetricColumn(name: "overdue_rate", kind: .ratio),
                  MetricColumn(name: "dso", kind: .days), MetricColumn(name: "cei", kind: .percent),
                  MetricColumn(name: "count", kind: .count)],
        rows: [
            .init(date: Day(iso: "2026-09-30")!, keys: ["FR01"], values: [.money(123_456_789), .ratio(0.25), .days(45.25), .percent(87.5), .count(1234)]),
            .init(date: Day(iso: "2026-09-30")!, keys: ["DE, \"01\""], values: [.money(-5000), .missing, .days(0), .percent(100), .count(3)]),
            .init(date: Day(iso: "2026-09-30")!, keys: [nil], values: [.money(5), .ratio(0), .missing, .missing, .count(0)]),
        ],
        currency: .eur)

    @Test func alignedTable() {
        #expect(ResultFormatter.format(Self.table, as: .table) == """
            entity              ar  overdue_rate   dso    cei  count
            --------  ------------  ------------  ----  -----  -----
            FR01      1,234,567.89         25.0%  45.3   87.5  1,234
            DE, "01"        -50.00             -   0.0  100.0      3
            (none)            0.05          0.0%     -      -      0
            (3 rows, money in EUR)

            """)
    }

    @Test func csv() {
        #expect(ResultFormatter.format(Self.table, as: .csv) == #"""
            entity,ar,overdue_rate,dso,cei,count
            FR01,1234567.89,0.25,45.25,87.5,1234
            "DE, ""01""",-50.00,,0,100,3
            ,0.05,0,,,0

            """#)
    }

    @Test func json() {
        let expected = #"{"columns":[{"name":"entity","type":"string"},{"name":"ar","type":"money"},"#
            + #"{"name":"overdue_rate","type":"ratio"},{"name":"dso","type":"days"},{"name":"cei","type":"percent"},"#
            + #"{"name":"count","type":"count"}],"rows":[["FR01",1234567.89,0.25,45.25,87.5,1234],"#
            + #"["DE, \"01\"",-50.00,null,0,100,3],[null,0.05,0,null,null,0]],"#
            + #""currency":"EUR","snapshots":[],"perimeter":null,"warnings":[]}"# + "\n"
        #expect(ResultFormatter.format(Self.table, as: .json) == expected)
    }

    @Test func seriesPutTheDateFirstAndUseTheCurrencyDigits() {
        let jpy = Currency(code: "JPY")!
        let series = MetricTable(
            dimensions: [.region], isSeries: true,
            columns: [MetricColumn(name: "not due", kind: .money), MetricColumn(name: "1-30", kind: .money)],
            rows: [.init(date: Day(iso: "2026-08-31")!, keys: ["EMEA"], values: [.money(1_500_000), .money(-7)]),
                   .init(date: Day(iso: "2026-09-30")!, keys: ["EMEA"], values: [.money(12), .money(0)])],
            currency: jpy)
        #expect(ResultFormatter.format(series, as: .csv) == "date,region,not due,1-30\n2026-08-31,EMEA,1500000,-7\n2026-09-30,EMEA,12,0\n")
        #expect(ResultFormatter.format(series, as: .table) == """
            date        region    not due  1-30
            ----------  ------  ---------  ----
            2026-08-31  EMEA    1,500,000    -7
            2026-09-30  EMEA           12     0
            (2 rows, money in JPY)

            """)
    }

    @Test func numberText() {
        #expect(NumberText.grouped("-1234567.891") == "-1,234,567.891")
        #expect(NumberText.grouped("999") == "999")
        #expect(NumberText.decimal(0.1 + 0.2, digits: 6, trim: true) == "0.3")
        #expect(NumberText.decimal(-0.00000001, digits: 6, trim: true) == "0")
        #expect(NumberText.decimal(2.5, digits: 0, trim: false) == "3")
    }
}
