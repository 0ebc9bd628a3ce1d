import ARCore
import Foundation
@testable import ARStore

/// Hand-built ledgers and temporary folders shared by the store tests.
enum LedgerFixtures {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// Two entities (EUR, JPY), three customers, every table non-empty, optional values both
    /// present and missing, extra attributes on customers and documents.
    ///
    /// Open at 2026-03-31: I1 100.00 − 30.00 − 70.00 = 0; I2 50.00 − 20.00 − 0.01 written off = 29.99;
    /// CN1 credit note 15.00 (open, negative); P5 5.00 on account; J1 ¥120000 − ¥20000 = ¥100000 (P6 is
    /// after as-of); I3 issued after as-of (2026-04-02) is not counted.
    static func richLedger() throws -> Ledger {
        let jpy = Currency(code: "JPY")!
        var b = LedgerBuilder(reportingCurrency: .eur, source: "fixture")
        try b.add(EntityRecord(id: "FR01", name: "France SAS", currency: .eur, country: "FR"))
        try b.add(EntityRecord(id: "JP01", currency: jpy))
        try b.add(CustomerRecord(id: "C1", name: "Dupont, Fils", group: "G1", segment: "SMB", region: "EMEA", country: "FR",
                                 salesRep: "Ana", paymentTermsDays: 30, creditLimit: "10000.00", extras: [("tier", "gold")]))
        try b.add(CustomerRecord(id: "C2", segment: "key account", region: "EMEA"))
        try b.add(CustomerRecord(id: "C3", region: "APAC", paymentTermsDays: 60, insuredLimit: "5000000"))
        b.add(FXRateRecord(day: day("2026-01-01"), currency: jpy, rate: ExactRate("0.0061")!))
        b.add(FXRateRecord(day: day("2026-03-01"), currency: jpy, rate: ExactRate("0.00625")!))
        try b.add(DocumentRecord(id: "I1", entityID: "FR01", customerID: "C1", issue: day("2026-01-10"), due: day("2026-02-09"),
                                 amount: 100_00, currency: .eur, extras: [("po", "PO-7")]))
        try b.add(DocumentRecord(id: "I2", entityID: "FR01", customerID: "C2", issue: day("2026-02-01"), due: day("2026-03-03"),
                                 amount: 50_00, currency: .eur))
        try b.add(DocumentRecord(id: "CN1", entityID: "FR01", customerID: "C1", kind: .creditNote, issue: day("2026-02-15"),
                                 due: nil, amount: 15_00, currency: .eur))
        try b.add(DocumentRecord(id: "J1", entityID: "JP01", customerID: "C3", issue: day("2026-01-20"), due: day("2026-03-21"),
                                 amount: 120_000, currency: jpy))
        try b.add(DocumentRecord(id: "I3", entityID: "FR01", customerID: "C2", issue: day("2026-04-02"), due: day("2026-05-02"),
                                 amount: 7_00, currency: .eur))
        try b.add(PaymentRecord(id: "P1", customerID: "C1", documentID: "I1", day: day("2026-02-05"), amount: 30_00, currency: .eur))
        try b.add(PaymentRecord(id: "P2", customerID: "C1", documentID: "I1", day: day("2026-02-20"), amount: 70_00, currency: .eur))
        try b.add(PaymentRecord(id: "P3", customerID: "C2", documentID: "I2", day: day("2026-03-10"), amount: 20_00, currency: .eur))
        try b.add(PaymentRecord(id: "P4", customerID: "C3", documentID: "J1", day: day("2026-03-15"), amount: 20_000, currency: jpy))
        try b.add(PaymentRecord(id: "P5", customerID: "C2", documentID: nil, entityID: "FR01", day: day("2026-03-20"), amount: 5_00, currency: .eur))
        try b.add(PaymentRecord(id: "P6", customerID: "C3", documentID: "J1", day: day("2026-04-05"), amount: 1_000, currency: jpy))
        try b.add(WriteOffRecord(documentID: "I2", day: day("2026-03-30"), amount: 0_01, reason: "uncollectible"))
        try b.add(DisputeRecord(id: "D1", documentID: "I2", opened: day("2026-03-05"), resolved: nil, amount: 10_00, reason: "price"))
        try b.add(DisputeRecord(id: "D2", documentID: "J1", opened: day("2026-02-01"), resolved: day("2026-02-20"), reason: "quality"))
        try b.add(PromiseRecord(id: "PR1", customerID: "C2", documentID: "I2", made: day("2026-03-12"), promised: day("2026-04-10"), amount: 30_00))
        try b.add(PromiseRecord(id: "PR2", customerID: "C3", made: day("2026-03-01"), promised: day("2026-03-31"), amount: 50_000, currency: jpy))
        try b.add(DunningRecord(id: "A1", customerID: "C2", documentID: "I2", day: day("2026-03-10"), level: 1, channel: "email"))
        try b.add(DunningRecord(id: "A2", customerID: "C3", day: day("2026-03-28")))
        return b.finish(asOf: day("2026-03-31"))
    }

    /// A fresh empty folder under the system's temporary directory, removed by the caller.
    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let clean = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("arlens-\(clean)-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
