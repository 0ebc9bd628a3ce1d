import ARSQL
import ARCore
import ARMetrics
import ARQuery
import Foundation
import Testing

/// Balance metrics against the hand-computed figures of ``SQLTestLedger``.
struct SQLBalanceTests {
    @Test func balancesAtTheAsOfDate() throws {
        let row = try SQLTestLedger.totals([.init(.ar), .init(.current), .init(.overdue), .init(.disputed),
                                            .init(.count), .init(.customers)])
        // AR 60000 + 50000 − 10000 + 26666 + 20000 − 5000 − 801; disputed: D1's 100.00 on I1 plus the whole of I5.
        #expect(row == ["140865", "50000", "90865", "30000", "7", "3"])
    }

    @Test func overdueRateIsComputedLastFromExactSums() throws {
        let row = try SQLTestLedger.totals([.init(.overdueRate)])
        #expect(Double(row[0]!)! == 90865.0 / 140865.0)
    }

    @Test func agingExpandsToOneColumnPerBucketAndCreditItemsAgeByTheirOwnDueDate() throws {
        let row = try SQLTestLedger.totals([.init(.aging)])
        // 1-30: CN1 −10000 + I3 26666 + P3 −5000 + P4 −801.
        #expect(row == ["50000", "10865", "60000", "0", "0", "20000"])
    }

    @Test func agingByIssueDateWithOtherBounds() throws {
        let row = try SQLTestLedger.totals([.init(.aging, aging: AgingSpec(basis: .issueDate, bounds: [30, 90]))])
        // Ages: I1 80, I2 26, CN1 21, I3 44, I5 167, P3 11, P4 6.
        #expect(row == ["34199", "86666", "20000"])
    }

    @Test func breakdownsAddUpToTheTotal() throws {
        let snapshot = try SQLTestLedger.make()
        let byEntity = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.ar), .init(.count)], dimensions: [.entity],
                                                                    dates: [SQLTestLedger.asOf]))
        #expect(byEntity == [["FR01", "115000", "5"], ["US01", "25865", "2"]])
        let byType = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.ar)], dimensions: [.type], dates: [SQLTestLedger.asOf]))
        #expect(byType == [["credit_note", "-10000"], ["invoice", "156666"], ["unallocated", "-5801"]])
        let byBucket = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.ar)], dimensions: [.bucket], dates: [SQLTestLedger.asOf]))
        // Buckets sort in bucket order, not as text.
        #expect(byBucket == [["not due", "50000"], ["1-30", "10865"], ["31-60", "60000"], ["120+", "20000"]])
    }

    @Test func customerAndDocumentDimensionsWithMissingValues() throws {
        let snapshot = try SQLTestLedger.make()
        let rows = try SQLTestLedger.rows(snapshot, MetricQuery(
            metrics: [.init(.ar)], dimensions: [.segment, .customerAttribute("tier"), .documentAttribute("project")],
            dates: [SQLTestLedger.asOf]))
        // Missing values sort last.
        #expect(rows == [
            ["KEY", nil, nil, "25865"],
            ["SMB", "gold", "alpha", "60000"],
            ["SMB", "gold", "beta", "50000"],
            ["SMB", "gold", nil, "-15000"],
            ["SMB", nil, nil, "20000"],
        ])
    }

    @Test func byIssueMonthCashOnAccountTakesItsPaymentMonth() throws {
        let snapshot = try SQLTestLedger.make()
        let rows = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.ar)], dimensions: [.issueMonth], dates: [SQLTestLedger.asOf]))
        #expect(rows == [["2025-10", "20000"], ["2026-01", "60000"], ["2026-02", "26666"], ["2026-03", "34199"]])
    }

    @Test func disputedAndCountByOpenDisputeReason() throws {
        let snapshot = try SQLTestLedger.make()
        let rows = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.disputed), .init(.openDisputes)],
                                                                dimensions: [.disputeReason], dates: [SQLTestLedger.asOf]))
        #expect(rows == [["delivery", "20000", "1"], ["price", "10000", "1"], [nil, "0", "0"]])
    }

    @Test func filtersSelectItemsAtTheAsOfDate() throws {
        let smb = try SQLTestLedger.totals([.init(.ar)], filter: .compare(.dimension(.segment), .eq, .string("SMB")))
        #expect(smb == ["115000"])
        let late = try SQLTestLedger.totals([.init(.ar)], filter: .compare(.dpd, .gt, .integer(30)))
        #expect(late == ["80000"])
        // A comparison with a missing value is false, even `!=`; so `not` of `=` is true.
        let notG1 = try SQLTestLedger.totals([.init(.count)], filter: .compare(.dimension(.customerGroup), .ne, .string("G1")))
        #expect(notG1 == ["0"])
        let notEqualG1 = try SQLTestLedger.totals([.init(.count)], filter: .not(.compare(.dimension(.customerGroup), .eq, .string("G1"))))
        #expect(notEqualG1 == ["1"])   // I5: C3 has no group
        // A literal of another kind never matches.
        let mismatched = try SQLTestLedger.totals([.init(.count)], filter: .compare(.dpd, .gt, .string("late")))
        #expect(mismatched == ["0"])
        let credit = try SQLTestLedger.totals([.init(.ar)], filter: .compare(.amount, .lt, .integer(0)))
        #expect(credit == ["-15801"])   // gross amounts of credit items are negative too
        let disputedOrCredit = try SQLTestLedger.totals(
            [.init(.ar)], filter: .or(.disputed, .isIn(.dimension(.type), [.string("credit_note"), .string("unallocated")])))
        #expect(disputedOrCredit == ["64199"])   // I1 60000 + I5 20000 − 10000 − 5000 − 801
        let bigOpen = try SQLTestLedger.totals([.init(.ar)], filter: .and(.compare(.open, .ge, .integer(26666)),
                                                                        .not(.compare(.dueDate, .lt, .day(Day(iso: "2026-02-01")!)))))
        #expect(bigOpen == ["136666"])   // I1, I2, I3
    }

    @Test func seriesRecomputeEachDateAtItsOwnRate() throws {
        let snapshot = try SQLTestLedger.make()
        let dates = [Day(iso: "2026-02-28")!, SQLTestLedger.asOf]
        let rows = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.ar)], dates: dates))
        // At 2026-02-28: I1 60000, I3 333.33 × 0.9 = 30000, I4 200 × 0.9 = 18000, I5 20000.
        #expect(rows == [["2026-02-28", "128000"], ["2026-03-31", "140865"]])
    }

    @Test func penaltiesRoundPerInvoiceAndAddTheFixedSum() throws {
        let row = try SQLTestLedger.totals([.init(.penalties)])
        // 10.15 % a year on I1 60000 × 50 days, I3 26666 × 14, I5 20000 × 137: 834 + 104 + 762, plus 3 × 4000.
        #expect(row == ["13700"])
        let france = try SQLTestLedger.totals([.init(.penalties, penalties: .france)])
        // 12.15 %: 998.6 → 999, 124.3 → 124, 912.1 → 912.
        #expect(france == ["14035"])
    }
}
