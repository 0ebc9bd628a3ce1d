import ARSQL
import ARCore
import ARMetrics
import ARQuery
import Foundation
import Testing

/// The "Conventions that make the figures exact" of metrics.md, one small ledger each.
struct SQLConventionTests {
    let asOf = Day(iso: "2026-06-30")!

    /// Entities E1 (EUR) and E2, customers A and B, the snapshot row, and nothing else.
    func ledger() throws -> SQLiteTestSnapshot {
        let s = try SQLiteTestSnapshot()
        try s.insert("snapshot", ["as_of": "2026-06-30", "reporting_currency": "EUR"])
        try s.insert("entities", ["entity_id": "E1", "currency": "EUR"])
        try s.insert("entities", ["entity_id": "E2", "currency": "EUR"])
        try s.insert("customers", ["customer_id": "A"])
        try s.insert("customers", ["customer_id": "B"])
        return s
    }

    func invoice(_ s: SQLiteTestSnapshot, _ id: String, amount: String, currency: String = "EUR", entity: String = "E1",
                 customer: String = "A", type: String = "invoice", issue: String = "2026-06-01", due: String = "2026-06-30") throws {
        try s.insert("invoices", ["invoice_id": id, "entity_id": entity, "customer_id": customer, "type": type,
                                  "issue_date": issue, "due_date": due, "amount": amount, "currency": currency])
    }

    func run(_ s: SQLiteTestSnapshot, _ metrics: [MetricRequest], by dimensions: [ARMetrics.Dimension] = []) throws -> [[String?]] {
        try SQLTestLedger.rows(s, MetricQuery(metrics: metrics, dimensions: dimensions, dates: [asOf]))
    }

    @Test func eachItemIsConvertedOnItsOwnAndRoundedHalfAwayFromZero() throws {
        let s = try ledger()
        try s.insert("fx_rates", ["date": "2026-01-01", "currency": "USD", "rate": "0.5"])
        try s.insert("fx_rates", ["date": "2026-01-01", "currency": "JPY", "rate": "0.00615"])
        try s.insert("fx_rates", ["date": "2026-01-01", "currency": "KWD", "rate": "3"])
        try s.insert("fx_rates", ["date": "2026-01-01", "currency": "EUR", "rate": "7"])   // ignored: EUR is 1
        for id in ["U1", "U2", "U3"] { try invoice(s, id, amount: "0.01", currency: "USD") }
        try invoice(s, "U4", amount: "0.01", currency: "USD", type: "credit_note")
        try invoice(s, "J1", amount: "1235", currency: "JPY")          // 7.59525 EUR
        try invoice(s, "K1", amount: "1.234", currency: "KWD")         // 3.702 EUR
        try invoice(s, "E1", amount: "2.50")
        let rows = try run(s, [.init(.ar)], by: [.currency])
        // USD: 0.005 EUR each, so 1 + 1 + 1 − 1 minor units, where converting the sum would give 1.
        #expect(rows == [["EUR", "250"], ["JPY", "760"], ["KWD", "370"], ["USD", "2"]])
    }

    @Test func aConversionThatLeavesSixtyFourBitsIsAnErrorNotAGuess() throws {
        let s = try ledger()
        try s.insert("fx_rates", ["date": "2026-01-01", "currency": "USD", "rate": "123.456789"])
        try invoice(s, "U1", amount: "90000000000000.00", currency: "USD", issue: "2026-06-30")
        #expect(throws: SQLRunError("amount in USD on 2026-06-30 overflows when converted")) { try run(s, [.init(.ar)]) }
    }

    @Test func aBalanceWithoutARateIsAnError() throws {
        let s = try ledger()
        try s.insert("fx_rates", ["date": "2026-07-01", "currency": "GBP", "rate": "1.17"])
        // Cash on account is converted only as a balance, at the as-of date.
        try s.insert("payments", ["payment_id": "P1", "customer_id": "A", "payment_date": "2026-06-05",
                                  "amount": "10.00", "currency": "GBP"])
        #expect(throws: SQLRunError("no GBP rate on or before 2026-06-30: add one to fx_rates")) { try run(s, [.init(.ar)]) }
    }

    @Test func paymentsAllocatedToACreditNoteConsumeIt() throws {
        let s = try ledger()
        try invoice(s, "I1", amount: "100.00")
        try invoice(s, "CN1", amount: "30.00", type: "credit_note")
        try invoice(s, "CN2", amount: "20.00", type: "credit_note")
        // One remittance: 100.00 on I1 less the 30.00 note, so 70.00 of cash; CN2 half consumed.
        try s.insert("payments", ["payment_id": "P1", "customer_id": "A", "invoice_id": "I1", "payment_date": "2026-06-10",
                                  "amount": "100.00", "currency": "EUR"])
        try s.insert("payments", ["payment_id": "P1", "customer_id": "A", "invoice_id": "CN1", "payment_date": "2026-06-10",
                                  "amount": "30.00", "currency": "EUR"])
        try s.insert("payments", ["payment_id": "P2", "customer_id": "A", "invoice_id": "CN2", "payment_date": "2026-06-10",
                                  "amount": "5.00", "currency": "EUR"])
        // Zero items (I1, CN1) are not open items.
        #expect(try run(s, [.init(.ar), .init(.count)]) == [["-1500", "1"]])
    }

    @Test func unallocatedCashBelongsToTheNamedEntityElseTheCustomersMainOne() throws {
        let s = try ledger()
        try invoice(s, "I1", amount: "10.00", entity: "E2", customer: "A")
        try invoice(s, "I2", amount: "10.00", entity: "E1", customer: "B")
        try invoice(s, "I3", amount: "10.00", entity: "E2", customer: "B")   // B: one document each, tie → E1
        for (id, customer, entity) in [("P1", "A", ""), ("P2", "B", ""), ("P3", "A", "E1")] {
            try s.insert("payments", ["payment_id": id, "customer_id": customer, "invoice_id": "", "entity_id": entity,
                                      "payment_date": "2026-06-05", "amount": "1.00", "currency": "EUR"])
        }
        let rows = try run(s, [.init(.ar)], by: [.entity, .type])
        #expect(rows == [["E1", "invoice", "1000"], ["E1", "unallocated", "-200"],
                         ["E2", "invoice", "2000"], ["E2", "unallocated", "-100"]])
    }

    @Test func disputedAmountIsCappedAtTheOpenAmount() throws {
        let s = try ledger()
        try invoice(s, "I1", amount: "100.00")
        try invoice(s, "I2", amount: "100.00")
        try s.insert("payments", ["payment_id": "P1", "customer_id": "A", "invoice_id": "I1", "payment_date": "2026-06-10",
                                  "amount": "80.00", "currency": "EUR"])
        for (id, doc, amount) in [("D1", "I1", "15.00"), ("D2", "I1", "10.00"), ("D3", "I2", "15.00"), ("D4", "I2", "10.00")] {
            try s.insert("disputes", ["dispute_id": id, "invoice_id": doc, "opened_date": "2026-06-02", "amount": amount])
        }
        try s.insert("disputes", ["dispute_id": "D5", "invoice_id": "I2", "opened_date": "2026-06-02",
                                  "resolved_date": "2026-06-30", "amount": "50.00"])
        // I1: 25.00 disputed, capped at its 20.00 open; I2: 25.00 (D5 resolved on the as-of date).
        #expect(try run(s, [.init(.disputed), .init(.openDisputes)]) == [["4500", "4"]])
    }

    @Test func periodsInMonthsClampToTheMonthsLastDay() throws {
        let s = try ledger()
        try invoice(s, "I1", amount: "1.00", issue: "2024-02-29", due: "2024-03-31")
        try invoice(s, "I2", amount: "2.00", issue: "2024-03-01", due: "2024-03-31")
        try invoice(s, "I3", amount: "4.00", issue: "2024-03-31", due: "2024-04-30")
        let dates = [Day(iso: "2024-03-31")!, Day(iso: "2024-04-30")!]
        let rows = try SQLTestLedger.rows(s, MetricQuery(metrics: [.init(.sales)], dates: dates))
        // 2024-03-31 − 1 month = 2024-02-29 (excluded); 2024-04-30 − 1 month = 2024-03-30.
        #expect(rows == [["2024-03-31", "600"], ["2024-04-30", "400"]])
    }

    @Test func compileErrorsSayWhatWouldFixThem() throws {
        let s = try ledger()
        let context = try SQLSnapshotContext.read(from: s.url)
        #expect(throws: SQLCompileError("unknown column 'tier' in 'customers': the snapshot's customers table has no such column")) {
            try SQLCompiler.compile(MetricQuery(metrics: [.init(.ar)], dimensions: [.customerAttribute("tier")], dates: [asOf]),
                                    snapshot: context)
        }
        #expect(throws: SQLCompileError("date 2026-07-31 is after the snapshot's as_of 2026-06-30: ask for a date on or before it")) {
            try SQLCompiler.compile(MetricQuery(metrics: [.init(.ar)], dates: [asOf, Day(iso: "2026-07-31")!]), snapshot: context)
        }
    }

    @Test func promisePaymentsInAnotherCurrencyAreConvertedToThePromisesCurrency() throws {
        let s = try ledger()
        try s.insert("fx_rates", ["date": "2026-01-01", "currency": "USD", "rate": "0.9"])
        try invoice(s, "I1", amount: "100.00", customer: "A")
        try invoice(s, "I2", amount: "100.00", customer: "B")
        // 9.00 EUR is 10.00 USD exactly; 8.99 EUR is 9.988… → 9.99 USD.
        try s.insert("payments", ["payment_id": "P1", "customer_id": "A", "payment_date": "2026-06-05", "amount": "9.00", "currency": "EUR"])
        try s.insert("payments", ["payment_id": "P2", "customer_id": "B", "payment_date": "2026-06-05", "amount": "8.99", "currency": "EUR"])
        for (id, customer) in [("PA", "A"), ("PB", "B")] {
            try s.insert("promises", ["promise_id": id, "customer_id": customer, "made_date": "2026-06-01",
                                      "promised_date": "2026-06-10", "amount": "10.00", "currency": "USD"])
        }
        let rows = try run(s, [.init(.promiseKeptRate)], by: [.customer, .currency])
        #expect(rows == [["A", "USD", "1.0"], ["B", "USD", "0.0"]])
    }

    @Test func ukPenaltiesInAnotherReportingCurrencyRoundOneFractionPerInvoice() throws {
        let s = try ledger()
        try s.insert("fx_rates", ["date": "2026-01-01", "currency": "GBP", "rate": "1.17005"])
        try invoice(s, "G1", amount: "900.00", currency: "GBP", due: "2026-06-20")
        try invoice(s, "E1", amount: "2000.00", due: "2026-06-20")
        let rows = try run(s, [.init(.penalties, penalties: .uk)])
        // G1: open 105304.5 → 105305 EUR minor; 12.25 % × 10 days = 353.42; 900 GBP < 1,000 → 40 GBP = 4680.2 EUR:
        //     5033.62 → 5034 (rounding each part apart would give 5033).
        // E1: 2000 EUR = 1709.33 GBP → 70 GBP = 8190.35; interest 671.23: 8861.58 → 8862.
        #expect(rows == [["13896"]])
    }

    @Test func tablesMissingFromTheSnapshotReadAsEmpty() throws {
        let s = try ledger()
        try invoice(s, "I1", amount: "12.34")
        for table in ["promises", "disputes", "write_offs", "fx_rates"] { try s.execute("DROP TABLE \(table)") }
        let rows = try run(s, [.init(.ar), .init(.disputed), .init(.writeOffs), .init(.promiseKeptRate), .init(.sales)])
        #expect(rows == [["1234", "0", "0", nil, "1234"]])
    }

    @Test func anEmptyLedgerHasOneRowOfZerosAndMissingRatios() throws {
        let s = try ledger()
        let rows = try run(s, [.init(.ar), .init(.count), .init(.dso), .init(.dso, dsoMethod: .countback), .init(.cei),
                               .init(.penalties, penalties: .uk), .init(.promiseKeptRate), .init(.daysToPay)])
        #expect(rows == [["0", "0", nil, "0.0", nil, "0", nil, nil]])
        #expect(try run(s, [.init(.ar)], by: [.entity]) == [])
    }

    @Test func snapshotContextIsReadFromTheFile() throws {
        let s = try ledger()
        try s.insert("fx_rates", ["date": "2026-01-01", "currency": "JPY", "rate": "0.006"])
        let context = try SQLSnapshotContext.read(from: s.url)
        #expect(context.asOf == asOf)
        #expect(context.reportingCurrency == .eur)
        #expect(context.currencies.map(\.code) == ["EUR", "JPY"])
        #expect(context.has("payments", "entity_id"))
    }
}
