import ARCore
import Testing
@testable import ARStore

struct LedgerBuilderTests {
    let usd = Currency.usd

    func day(_ text: String) -> Day { Day(iso: text)! }

    func smallLedger() throws -> Ledger {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "FR01", currency: .eur))
        try b.add(EntityRecord(id: "US01", currency: usd))
        try b.add(CustomerRecord(id: "C1", region: "EMEA", extras: [("tier", "gold")]))
        try b.add(CustomerRecord(id: "C2", region: "AMER"))
        b.add(FXRateRecord(day: day("2026-01-01"), currency: usd, rate: ExactRate("0.9")!))
        b.add(FXRateRecord(day: day("2026-02-01"), currency: usd, rate: ExactRate("0.8")!))
        b.add(FXRateRecord(day: day("2026-02-01"), currency: usd, rate: ExactRate("0.85")!))
        try b.add(DocumentRecord(id: "I1", entityID: "FR01", customerID: "C1", issue: day("2026-01-10"),
                                 due: day("2026-02-09"), amount: 100_00, currency: .eur))
        try b.add(DocumentRecord(id: "I2", entityID: "US01", customerID: "C2", issue: day("2026-01-15"),
                                 due: day("2026-02-14"), amount: 50_00, currency: usd))
        try b.add(PaymentRecord(id: "P1", customerID: "C1", documentID: "I1", day: day("2026-02-20"), amount: 60_00, currency: .eur))
        try b.add(PaymentRecord(id: "P0", customerID: "C1", documentID: "I1", day: day("2026-02-01"), amount: 10_00, currency: .eur))
        try b.add(PaymentRecord(id: "P2", customerID: "C2", documentID: nil, day: day("2026-02-25"), amount: 5_00, currency: usd))
        try b.add(WriteOffRecord(documentID: "I2", day: day("2026-03-01"), amount: 1_00))
        return b.finish(asOf: nil)
    }

    @Test func laysOutAllocationsByDocumentAndDate() throws {
        let ledger = try smallLedger()
        #expect(ledger.snapshot.asOf == day("2026-03-01"))
        #expect(ledger.documents.allocationStart == [0, 2, 2])
        #expect(ledger.documents.allocationDay == [day("2026-02-01").rawValue, day("2026-02-20").rawValue])
        #expect(ledger.documents.allocationAmount == [10_00, 60_00])
        #expect(ledger.documents.writeOffStart == [0, 0, 1])
        #expect(ledger.customers.extras.column(named: "tier")?[0] == "gold")
        #expect(ledger.customers.extras.column(named: "tier")?[1] == nil)
    }

    @Test func resolvesTheEntityOfUnallocatedCash() throws {
        let ledger = try smallLedger()
        #expect(ledger.payments.resolvedEntity == [0, 0, 1])
    }

    @Test func looksUpTheLatestRateOnOrBeforeADay() throws {
        let ledger = try smallLedger()
        let c = ledger.currencyIndex(of: "USD")!
        #expect(ledger.fxRates.rate(currency: c, on: day("2025-12-31").rawValue) == nil)
        #expect(ledger.fxRates.rate(currency: c, on: day("2026-01-31").rawValue) == ExactRate("0.9"))
        // Two rows for one date: the later in the file wins.
        #expect(ledger.fxRates.rate(currency: c, on: day("2026-02-01").rawValue) == ExactRate("0.85"))
        #expect(try ledger.toReporting(50_00, currency: c, on: day("2026-03-01").rawValue) == 42_50)
        #expect(throws: ConversionError.self) { try ledger.toReporting(1, currency: c, on: day("2025-01-01").rawValue) }
    }

    @Test func rejectsBadReferences() throws {
        var b = LedgerBuilder()
        try b.add(EntityRecord(id: "FR01", currency: .eur))
        try b.add(CustomerRecord(id: "C1"))
        #expect(throws: LedgerBuildError.duplicateID(table: "customer", id: "C1")) { try b.add(CustomerRecord(id: "C1")) }
        #expect(throws: LedgerBuildError.unknownCustomer("C9")) {
            try b.add(DocumentRecord(id: "I1", entityID: "FR01", customerID: "C9", issue: day("2026-01-01"), due: day("2026-01-31"), amount: 1, currency: .eur))
        }
        #expect(throws: LedgerBuildError.noRate(currency: "USD", day: day("2026-01-01"))) {
            try b.add(DocumentRecord(id: "I1", entityID: "FR01", customerID: "C1", issue: day("2026-01-01"), due: day("2026-01-31"), amount: 1, currency: .usd))
        }
        #expect(throws: LedgerBuildError.unknownDocument("I7")) {
            try b.add(PaymentRecord(id: "P1", customerID: "C1", documentID: "I7", day: day("2026-01-01"), amount: 1, currency: .eur))
        }
    }

    @Test func defaultPromiseCurrencyIsTheMostFrequentDocumentCurrencySmallestCodeOnTies() throws {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "FR01", currency: .eur))
        try b.add(EntityRecord(id: "US01", currency: usd))
        for id in ["C1", "C2", "C3"] { try b.add(CustomerRecord(id: id)) }
        b.add(FXRateRecord(day: day("2026-01-01"), currency: usd, rate: ExactRate("0.9")!))
        func document(_ id: String, _ customer: String, _ currency: Currency) throws {
            try b.add(DocumentRecord(id: id, entityID: currency == .eur ? "FR01" : "US01", customerID: customer,
                                     issue: day("2026-01-10"), due: day("2026-02-09"), amount: 100_00, currency: currency))
        }
        try document("I1", "C1", usd)
        try document("I2", "C1", .eur)
        try document("I3", "C1", usd)
        try document("I4", "C2", usd)
        try document("I5", "C2", .eur)
        #expect(b.defaultPromiseCurrency(customerID: "C1") == usd)   // 2 USD, 1 EUR
        #expect(b.defaultPromiseCurrency(customerID: "C2") == .eur)  // 1 each: EUR < USD
        #expect(b.defaultPromiseCurrency(customerID: "C3") == nil)   // no document
        #expect(b.defaultPromiseCurrency(customerID: "C9") == nil)   // unknown customer
    }
}
