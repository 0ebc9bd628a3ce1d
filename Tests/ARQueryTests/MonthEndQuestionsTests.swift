import ARCore
import ARImport
import ARQuery
import Foundation
import Testing

/// The month-end conversation on the sample (as of 2026-10-31): relative dates, series over the
/// last months, comparisons, periods to date and `top`, each checked against the same question
/// asked with explicit dates.
struct MonthEndQuestionsTests {
    static let runner = PerimeterParityTests.runner

    static func csv(_ query: String) throws -> String {
        try runner.run(query).map { $0.text(as: .csv) }.joined()
    }

    @Test(arguments: [
        ("ar by entity as of last month", "ar by entity as of 2026-09-30"),
        ("ar as of end of last month", "ar as of 2026-09-30"),
        ("ar as of previous quarter", "ar as of 2026-09-30"),
        ("ar as of end of last year", "ar as of 2025-12-31"),
        ("ar as of same month last year", "ar as of 2025-10-31"),
        ("ar as of 3 months ago", "ar as of 2026-07-31"),
        ("ar as of 2 weeks ago", "ar as of 2026-10-17"),
        ("overdue_rate monthly over last 12 months", "overdue_rate monthly from 2025-11-30 to 2026-10-31"),
        ("ar quarterly over last 2 years", "ar quarterly from 2025-01-31 to 2026-10-31"),
        ("dso weekly over last 4 weeks", "dso weekly from 2026-10-10 to 2026-10-31"),
        ("ar monthly from last year to last month", "ar monthly from 2025-12-31 to 2026-09-30"),
        ("sales, write_offs by entity year to date", "sales(period: 304 days), write_offs(period: 304 days) by entity"),
        ("sales quarter to date", "sales(period: 31 days)"),
        ("ar, overdue by customer top 5", "ar, overdue by customer order by ar desc limit 5"),
    ])
    func aRelativeQuestionEqualsTheExplicitOne(_ pair: (String, String)) throws {
        #expect(try Self.csv(pair.0) == Self.csv(pair.1))
    }

    @Test func compareGivesTheValueThePreviousValueAndTheChange() throws {
        let compared = try #require(try Self.runner.run("ar, overdue_rate, dso, count by entity compare previous month")[0].result)
        let now = try #require(try Self.runner.run("ar, overdue_rate, dso, count by entity")[0].result)
        let then = try #require(try Self.runner.run("ar, overdue_rate, dso, count by entity as of 2026-09-30")[0].result)
        #expect(compared.columns.map(\.name) == ["entity", "ar", "ar_previous", "ar_change", "ar_change_pct",
                                                 "overdue_rate", "overdue_rate_previous", "overdue_rate_change",
                                                 "dso", "dso_previous", "dso_change", "dso_change_pct",
                                                 "count", "count_previous", "count_change", "count_change_pct"])
        #expect(compared.columns[7].type == .points)
        for (row, (current, previous)) in zip(compared.rows, zip(now.rows, then.rows)) {
            #expect(row[0] == current[0] && current[0] == previous[0])
            guard case let .money(a) = current[1], case let .money(b) = previous[1],
                  case let .number(x) = current[2], case let .number(y) = previous[2] else {
                Issue.record("unexpected cells \(current) \(previous)")
                continue
            }
            #expect(row[1] == .money(a) && row[2] == .money(b) && row[3] == .money(a - b))
            #expect(row[4] == .number(Double(a - b) / Double(abs(b))))
            #expect(row[5] == .number(x) && row[6] == .number(y) && row[7] == .number((x - y) * 100))
        }
        #expect(compared.context.snapshots.map(\.dates) == [[Day(iso: "2026-09-30")!], [Day(iso: "2026-10-31")!]])
    }

    @Test func aRatioChangeReadsInPointsInATable() throws {
        let text = try Self.runner.run("overdue_rate compare previous month")[0].text(as: .table)
        #expect(text.contains("22.6%") && text.contains("26.0%") && text.contains("+3.4 pp"))
    }

    @Test(arguments: [
        ("ar monthly over last 5 weeks", "Q2009", "expected a whole number of months after 'over last', found '5 weeks'"),
        ("ar monthly from 2026-01-31 to 2026-03-31 compare previous month", "Q2009", "expected a single as-of date with 'compare', found a series"),
        ("sales monthly over last 3 months year to date", "Q2009", "expected a single as-of date with 'year to date', found a series"),
        ("ar by customer top 5 limit 3", "Q1005", "expected either 'top' or 'limit', found both"),
        ("items compare previous month", "Q2014", "expected a clause of 'items' ('where', 'as of', 'in', 'order by' or 'limit'), found 'compare'"),
        ("ar as of last week", "Q1001", "expected 'month', 'quarter' or 'year', found 'week'"),
    ])
    func aWrongTimeQuestionSaysWhat(_ case: (String, String, String)) throws {
        #expect(throws: QueryDiagnostic.self) { try Self.runner.run(`case`.0) }
        do {
            _ = try Self.runner.run(`case`.0)
        } catch let diagnostic as QueryDiagnostic {
            #expect(diagnostic.code.rawValue == `case`.1)
            #expect(diagnostic.message == `case`.2)
        }
    }

    @Test func aResultByCustomerShowsTheNameBesideTheId() throws {
        let result = try #require(try Self.runner.run("ar by customer top 3")[0].result)
        #expect(result.columns.map(\.name) == ["customer", "customer_name", "ar"])
        let customers = try CSVFile(url: PerimeterParityTests.root.appendingPathComponent("customers.csv"))
        let names = Dictionary(uniqueKeysWithValues: customers.rows.map { (customers.value($0, "customer_id"), customers.value($0, "name")) })
        for row in result.rows {
            guard case let .string(id) = row[0] else { continue }
            #expect(row[1] == .string(names[id]!))
        }
        #expect(try Self.csv("ar by customer_name where customer_name = \"Summit Logistics SAS\"").hasSuffix(",4730656.14\n"))
        #expect(try Self.csv("ar where customer_name = \"Summit Logistics SAS\"") == Self.csv("ar where customer = \"C000374\""))
        #expect(try Self.csv("items where customer_name = \"Union Foods SAS\" order by open desc")
                == Self.csv("items where customer = \"C000144\" order by open desc"))
    }

    @Test func customerColumnsAreDimensions() throws {
        let terms = try Self.csv("count by payment_terms_days").split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(terms == ["14", "30", "45", "60", "90"])
        let byLimit = try #require(try Self.runner.run("ar by credit_limit where credit_limit = \"750000.00\"")[0].result)
        #expect(byLimit.rows.count == 1)
        #expect(try Self.csv("ar by insured_limit").hasPrefix("insured_limit,ar\n"))
    }
}
