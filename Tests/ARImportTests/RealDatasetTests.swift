import ARCore
import ARStore
import Foundation
import Testing
@testable import ARImport

/// The two public data sets through their shipped mappings (read from shared/datasets/real;
/// skipped with a message when that folder is absent).
struct RealDatasetTests {
    /// Loads a shared data set through a shipped mapping and checks it has no rejects and
    /// reconciles; `nil` (with a message) when the data set is absent.
    func load(_ dataset: String, mapping: String) throws -> ImportResult? {
        guard let folder = TestSupport.realDataset(dataset) else {
            print("skipped: shared/datasets/real/\(dataset) is absent")
            return nil
        }
        let result = try SnapshotImporter.load(from: folder, mapping: MappingFile.load(from: TestSupport.mapping(mapping)))
        #expect(result.rejects.isEmpty)
        #expect(result.report.isReconciled)
        return result
    }

    @Test func ibmSampleLoadsEveryInvoicePaymentAndDispute() throws {
        guard let result = try load("ibm-wa-accounts-receivable", mapping: "ibm-wa-accounts-receivable.yaml") else { return }
        let ledger = result.ledger
        #expect(ledger.documents.count == 2_466)
        #expect(ledger.payments.count == 2_466)
        #expect(ledger.disputes.count == 561)
        #expect(ledger.customers.count == 100)
        #expect(ledger.entities.ids == ["IBM-WA"])
        // Sum of InvoiceAmount in the file, to the cent: 147,703.18 USD.
        #expect(ledger.documents.amount.reduce(0, +) == 14_770_318)
        #expect(ledger.payments.amount.reduce(0, +) == 14_770_318)
        let invoices = try #require(result.report.files.first { $0.table == "invoices" })
        #expect(invoices.amounts == [ImportReport.CurrencyTotals(currency: "USD", read: 14_770_318, loaded: 14_770_318, rejected: 0)])
        // First row: 0000611365, 1/2/2013, due 2/1/2013, 55.94, settled 1/15/2013, not disputed.
        #expect(ledger.documents.ids[0] == "0000611365")
        #expect(ledger.documents.issue[0] == TestSupport.day("2013-01-02").rawValue)
        #expect(ledger.documents.due[0] == TestSupport.day("2013-02-01").rawValue)
        #expect(ledger.documents.amount[0] == 5_594)
        #expect(ledger.payments.day[0] == TestSupport.day("2013-01-15").rawValue)
        #expect(ledger.customers.ids[0] == "0379-NEVHP")
        #expect(ledger.customers.extras.column(named: "country_code")?[0] == "391")
        #expect(ledger.customers.country[0] == nil)
        #expect(ledger.documents.extras.column(named: "PaperlessBill")?[0] == "Paper")
        // Second row (8976-AMJEO, 0007900770) is disputed and settled late: opened on its due
        // date 2/25/2013 (the earlier of due and settled), resolved when settled, 3/3/2013.
        func dispute(of invoice: String) throws -> Int {
            try #require((0..<ledger.disputes.count).first { ledger.documents.ids[Int(ledger.disputes.document[$0])] == invoice })
        }
        let late = try dispute(of: "0007900770")
        #expect(ledger.disputes.opened[late] == TestSupport.day("2013-02-25").rawValue)
        #expect(ledger.disputes.resolved[late] == TestSupport.day("2013-03-03").rawValue)
        // 0018104516 (issued 1/27/2012, due 2/26/2012) is disputed but settled early, 2/22/2012:
        // opened and resolved that day, so never open at any date.
        let early = try dispute(of: "0018104516")
        #expect(ledger.disputes.opened[early] == TestSupport.day("2012-02-22").rawValue)
        #expect(ledger.disputes.resolved[early] == TestSupport.day("2012-02-22").rawValue)
        #expect(ledger.snapshot.reportingCurrency == .usd)
        // The file itself, instead of its folder, gives the same ledger.
        let file = try #require(TestSupport.realDataset("ibm-wa-accounts-receivable")?.appendingPathComponent("WA_Fn-UseC_-Accounts-Receivable.csv"))
        let again = try SnapshotImporter.load(from: file, mapping: MappingFile.load(from: TestSupport.mapping("ibm-wa-accounts-receivable.yaml")))
        #expect(again.ledger.documents.count == 2_466)
    }

    @Test func highRadiusExtractLoadsOpenItemsWithUSDAndCADApart() throws {
        guard let result = try load("highradius-open-items-derived", mapping: "highradius-open-items.yaml") else { return }
        let ledger = result.ledger
        #expect(ledger.documents.count == 9_700)
        #expect(ledger.payments.count == 0)
        // 138 of the 664 customer numbers differ only by leading zeros: one customer each.
        #expect(ledger.customers.count == 526)
        #expect(result.report.mergedIDs == [ImportReport.MergedIDs(column: "customer_id", distinctRead: 664, merged: 138)])
        #expect(result.report.rendered.contains("customer_id: 138 of 664 distinct ids merged"))
        #expect(ledger.entities.ids.sorted() == ["CA02", "U001", "U002", "U005", "U013"])
        #expect(ledger.snapshot.asOf == TestSupport.day("2020-05-22"))
        let invoices = try #require(result.report.files.first { $0.table == "invoices" })
        #expect(invoices.amounts.map(\.currency).sorted() == ["CAD", "USD"])
        let cad = try #require(ledger.currencyIndex(of: "CAD"))
        #expect(ledger.documents.currency.filter { $0 == cad }.count == 747)
        let ca02 = try #require(ledger.entities.ids.firstIndex(of: "CA02"))
        #expect(ledger.entities.currency[ca02] == cad)
        // First row: doc 1930571429.0 (".0" stripped) of customer 0200706844 (WINC co), 8734.71 USD, due 2020-03-13.
        #expect(ledger.documents.ids[0] == "1930571429")
        #expect(ledger.documents.amount[0] == 873_471)
        #expect(ledger.customers.ids[0] == "200706844")
        #expect(ledger.customers.names[0] == "WINC co")
        #expect(try ledger.toReporting(10_000, currency: cad, on: ledger.snapshot.asOf.rawValue) == 7_454)
    }
}
