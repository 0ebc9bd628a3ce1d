import ARSQL
import ARCore
import ARMetrics
import ARQuery
import Foundation
import Testing

/// Sales, DSO family, CEI, losses, payment behaviour, disputes and promises on ``SQLTestLedger``.
///
/// Sales over 90 days (2025-12-31, 2026-03-31], each at its issue date's rate: I1 100000,
/// I2 50000, CN1 −10000, I3 333.33 × 0.9 = 30000, I4 200 × 0.9 = 18000: 188000.
struct SQLFlowTests {
    @Test func salesNetOfCreditNotesOverMonthsAndDays() throws {
        let row = try SQLTestLedger.totals([.init(.sales), .init(.sales, period: .days(90)), .init(.sales, period: .months(12))])
        // One month (2026-02-28, 2026-03-31]: I2 50000 − CN1 10000; twelve months add I5 25000.
        #expect(row == ["40000", "188000", "213000"])
    }

    @Test func standardDSOBestPossibleDSOAndADD() throws {
        let row = try SQLTestLedger.totals([.init(.dso), .init(.bpdso), .init(.add)])
        let dso = 140865.0 / 188000.0 * 90, best = 50000.0 / 188000.0 * 90
        #expect(abs(dso - best - 90865.0 / 188000.0 * 90) < 1e-9)
        #expect(Double(row[0]!)! == dso)
        #expect(Double(row[1]!)! == best)
        #expect(Double(row[2]!)! == 90865.0 / 188000.0 * 90)   // overdue / sales × P
    }

    @Test func countBackDSOWalksBackClampedMonths() throws {
        let row = try SQLTestLedger.totals([.init(.dso, dsoMethod: .countback)])
        // March (31 days) absorbs 40000, February (28) 30000, January's 118000 takes the rest 70865.
        #expect(Double(row[0]!)! == 59 + 70865.0 / 118000.0 * 31)
    }

    @Test func countBackDSOStopsAtAMonthWithoutSales() throws {
        let row = try SQLTestLedger.totals([.init(.dso, dsoMethod: .countback)],
                                           filter: .compare(.dimension(.customer), .eq, .string("C3")))
        // C3's only invoice was issued in October: March has no sales, nothing is added.
        #expect(row == ["0.0"])
    }

    @Test func countBackDSOPerGroupAndPerDate() throws {
        let snapshot = try SQLTestLedger.make()
        let byEntity = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.dso, dsoMethod: .countback)],
                                                                    dimensions: [.entity], dates: [SQLTestLedger.asOf]))
        // FR01: March absorbs 40000 of 115000, February has no FR01 sales: 31. US01: no March sales: 0.
        #expect(byEntity == [["FR01", "31.0"], ["US01", "0.0"]])
        let series = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.dso, dsoMethod: .countback)],
                                                                  dates: [Day(iso: "2026-02-28")!, SQLTestLedger.asOf]))
        // At 2026-02-28 month 1 is (2026-01-28, 2026-02-28], 31 days: it absorbs I3's 30000 of AR 128000;
        // month 2, (2025-12-28, 2026-01-28], has I1 and I4 (118000) and takes the rest 98000.
        #expect(series == [["2026-02-28", String(31 + 98000.0 / 118000.0 * 31)],
                           ["2026-03-31", String(59 + 70865.0 / 118000.0 * 31)]])
    }

    @Test func collectionEffectivenessIndex() throws {
        let row = try SQLTestLedger.totals([.init(.cei)])
        // AR(2026-02-28) 128000 at that date's rate, sales 40000, AR 140865, current AR 50000.
        #expect(Double(row[0]!)! == Double(128000 + 40000 - 140865) / Double(128000 + 40000 - 50000) * 100)
    }

    @Test func writeOffsAndBadDebtRate() throws {
        let row = try SQLTestLedger.totals([.init(.writeOffs, period: .months(12)), .init(.badDebtRate), .init(.writeOffs)])
        // I5's 50.00 on 2026-02-28 is outside the one-month period (2026-02-28, 2026-03-31].
        #expect(row[0] == "5000")
        #expect(Double(row[1]!)! == 5000.0 / 213000.0)
        #expect(row[2] == "0")
    }

    @Test func daysToPayAndDaysLateOfInvoicesClearedInThePeriod() throws {
        let row = try SQLTestLedger.totals([.init(.daysToPay), .init(.daysLate), .init(.daysToPay, period: .days(10))])
        // I4, issued 2026-01-20, due 2026-02-19, cleared 2026-03-10: 49 days to pay, 19 late.
        #expect(row == ["49.0", "19.0", nil])
    }

    @Test func disputeResolutionDaysAndOpenDisputes() throws {
        let row = try SQLTestLedger.totals([.init(.disputeDays), .init(.openDisputes)])
        #expect(row == ["10.0", "2"])   // D2 resolved in 10 days; D1 and D3 still open
    }

    @Test func promiseKeptRateCountsPromisesOutOfTheirWindow() throws {
        // PR1 (I1, not paid in its window) broken; PR2 (C2, 200 USD paid on I4) kept; PR3 (C1, 50 of 60) broken.
        let row = try SQLTestLedger.totals([.init(.promiseKeptRate), .init(.promiseKeptRate, graceDays: 2)])
        #expect(Double(row[0]!)! == 1.0 / 3.0)
        // With two grace days PR3's window ends after the as-of date: pending, left out.
        #expect(Double(row[1]!)! == 1.0 / 2.0)
    }

    @Test func flowsFollowTheirDocumentsIntoGroups() throws {
        let snapshot = try SQLTestLedger.make()
        let rows = try SQLTestLedger.rows(snapshot, MetricQuery(
            metrics: [.init(.ar), .init(.sales, period: .days(90)), .init(.promiseKeptRate)], dimensions: [.entity],
            dates: [SQLTestLedger.asOf]))
        // PR1 follows I1 to FR01; PR2 and PR3 name no invoice: their customer's rows have no entity.
        #expect(rows == [["FR01", "115000", "140000", "0.0"], ["US01", "25865", "48000", nil], [nil, "0", "0", "0.5"]])
    }

    @Test func anotherOutputCurrencyUsesTheCrossRateOfEachItem() throws {
        let snapshot = try SQLTestLedger.make()
        let rows = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.ar), .init(.sales, period: .days(90))],
                                                                dates: [SQLTestLedger.asOf], currency: .usd))
        // EUR at 1 / 0.8 = 1.25 USD on 2026-03-31: 75000 + 62500 − 12500 + 25000 − 6250, USD items as they are.
        // Sales: I1 100000 / 0.9 = 111111.1 → 111111, I2 62500, CN1 −12500, I3 33333, I4 20000.
        #expect(rows == [["176082", "214444"]])
        // Filters compare money in the output currency (issue 13): open ≥ 210.00 USD keeps I1, I2, I3
        // and I5 (200.00 EUR, 250.00 in USD: 25000 more than in EUR terms).
        let filtered = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.ar)], filter: .compare(.open, .ge, .integer(21000)),
                                                                    dates: [SQLTestLedger.asOf], currency: .usd))
        #expect(filtered == [["195833"]])
    }

    @Test func seriesOfFlowsAndRatios() throws {
        let snapshot = try SQLTestLedger.make()
        let rows = try SQLTestLedger.rows(snapshot, MetricQuery(
            metrics: [.init(.sales), .init(.overdueRate)], dimensions: [.region],
            dates: [Day(iso: "2026-02-28")!, SQLTestLedger.asOf]))
        // At 2026-02-28 AMER has I3 (not due) and I4 (overdue); EMEA at 2026-03-31 is 65000 overdue of 115000.
        #expect(rows == [
            ["AMER", "2026-02-28", "30000", "0.375"],
            ["AMER", "2026-03-31", "0", "1.0"],
            ["EMEA", "2026-02-28", "0", "1.0"],
            ["EMEA", "2026-03-31", "40000", String(65000.0 / 115000.0)],
        ])
    }
}
