import ARCore
import Foundation
import Testing
@testable import ARStore

struct LedgerSummaryTests {
    @Test func totalsOpenAmountsPerEntityAndCurrencyAtAsOf() throws {
        let summary = LedgerSummary(try LedgerFixtures.richLedger())
        #expect(summary.asOf == "2026-03-31")
        #expect(summary.counts.map(\.rows) == [2, 3, 5, 6, 2, 2, 1, 2, 2])
        // I1 is paid in full, I2 is 50.00 − 20.00 − 0.01, CN1 and the cash on account P5 are negative.
        #expect(summary.totals == [
            .init(entity: "FR01", currency: "EUR", digits: 2, invoices: 2, creditNotes: 1, invoiced: 150_00, credited: 15_00,
                  openItems: 3, open: 29_99 - 15_00 - 5_00),
            .init(entity: "JP01", currency: "JPY", digits: 0, invoices: 1, creditNotes: 0, invoiced: 120_000, credited: 0,
                  openItems: 1, open: 100_000),
        ])
        #expect(summary.dateRanges[0] == .init(table: "invoices", column: "issue_date", first: "2026-01-10", last: "2026-04-02"))
        #expect(summary.dateRanges[5] == .init(table: "write_offs", column: "write_off_date", first: "2026-03-30", last: "2026-03-30"))
    }

    @Test func rendersAlignedTables() throws {
        let text = LedgerSummary(try LedgerFixtures.richLedger()).renderedTable
        #expect(text.hasPrefix("snapshot as of 2026-03-31, reporting currency EUR, source 'fixture'\n\ntable       rows\nentities       2\n"))
        #expect(text.contains("""
            entity  currency  invoices  credit notes  invoiced  credited  open items  open at 2026-03-31
            FR01    EUR              2             1    150.00     15.00           3                9.99
            JP01    JPY              1             0   120,000         0           1             100,000
            """))
        #expect(text.contains("fx_rates    date            2026-01-01  2026-03-01"))
    }

    @Test func summaryRoundTripsThroughJSON() throws {
        let summary = LedgerSummary(try LedgerFixtures.richLedger())
        let data = try JSONEncoder().encode(summary)
        #expect(try JSONDecoder().decode(LedgerSummary.self, from: data) == summary)
    }
}

extension LedgerSummaryTests {
    /// Issue 13: a ledger of open items only (like the HighRadius extract) says so.
    @Test func aLedgerOfOpenItemsOnlySaysSo() throws {
        var b = LedgerBuilder()
        try b.add(EntityRecord(id: "FR01", currency: .eur))
        try b.add(CustomerRecord(id: "C1"))
        let day = Day(iso: "2026-01-05")!
        try b.add(DocumentRecord(id: "I1", entityID: "FR01", customerID: "C1", issue: day, due: day, amount: 10_00, currency: .eur))
        let summary = LedgerSummary(b.finish(asOf: day))
        #expect(summary.openItemsOnly == true)
        #expect(summary.renderedTable.contains("\nopen items only: no payment and no write-off, so dso, bpdso, add, cei, "
            + "days_to_pay, days_late, collections and the forecast by payment behaviour cannot be measured from this ledger\n"))
        let settled = LedgerSummary(try LedgerFixtures.richLedger())
        #expect(settled.openItemsOnly == false && !settled.renderedTable.contains("open items only"))
    }

    @Test func cashOfACustomerWithoutDocumentsIsShownUnderNoEntity() throws {
        var b = LedgerBuilder()
        try b.add(EntityRecord(id: "FR01", currency: .eur))
        try b.add(CustomerRecord(id: "C1"))
        try b.add(PaymentRecord(id: "P1", customerID: "C1", documentID: nil, day: Day(iso: "2026-01-05")!, amount: 12_34, currency: .eur))
        let summary = LedgerSummary(b.finish(asOf: nil))
        #expect(summary.totals == [.init(entity: "(none)", currency: "EUR", digits: 2, invoices: 0, creditNotes: 0, invoiced: 0,
                                         credited: 0, openItems: 1, open: -12_34)])
    }

    /// Issue 16, item 1: `arlens inspect` used to die on an arithmetic overflow; its sums are
    /// 128-bit now, exact past 64 bits (10,000 maximal invoices sum to about 10^19 minor units).
    @Test func sumsPastSixtyFourBitsAreExact() throws {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "FR01", currency: .eur))
        try b.add(CustomerRecord(id: "C1"))
        let day = Day(iso: "2026-01-01")!
        for k in 0..<10_000 {
            try b.add(DocumentRecord(id: "I\(k)", entityID: "FR01", customerID: "C1", issue: day, due: day,
                                     amount: MinorUnits.maximumMagnitude, currency: .eur))
        }
        let summary = LedgerSummary(b.finish(asOf: day))
        let total = Int128(MinorUnits.maximumMagnitude) * 10_000
        #expect(total > Int128(Int64.max))
        #expect(summary.totals.map(\.invoiced) == [total] && summary.totals.map(\.open) == [total])
        #expect(summary.renderedTable.contains("99,999,999,999,999,900.00"))
        let decoded = try JSONDecoder().decode(LedgerSummary.self, from: JSONEncoder().encode(summary))
        #expect(decoded == summary)
    }
}
