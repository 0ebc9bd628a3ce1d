import ARCore
import ARStore
import Foundation
import Testing
@testable import ARImport

/// Issue 16, item 8: rows that contradict each other. The impossible are rejected; the suspicious
/// load and are flagged, with a count per kind, in the report and the rejects file.
struct ContradictoryRowsTests {
    static let files = [
        "entities.csv": "entity_id,name,currency,country\nFR01,France,EUR,FR\n",
        "customers.csv": "customer_id,name\nC1,One\nC2,Two\n",
        "invoices.csv": """
            invoice_id,entity_id,customer_id,type,issue_date,due_date,amount,currency
            I1,FR01,C1,invoice,2026-01-10,2026-02-10,100.00,EUR
            I2,FR01,C1,invoice,2026-01-10,2026-01-01,200.00,EUR
            I3,FR01,C1,invoice,2026-01-10,2026-02-10,300.00,EUR
            CN1,FR01,C1,credit_note,2026-01-15,,50.00,EUR
            I4,FR01,C2,invoice,2026-01-10,2026-02-10,400.00,EUR

            """,
        "payments.csv": """
            payment_id,customer_id,invoice_id,payment_date,amount,currency
            P1,C1,I1,2026-02-01,982000000.00,EUR
            P2,C1,I3,2026-01-05,300.00,EUR
            P3,C1,CN1,2026-01-20,50.00,EUR
            P4,C1,CN1,2026-01-25,50.00,EUR
            P5,C1,I4,2026-02-01,100.00,EUR

            """,
        "write_offs.csv": """
            invoice_id,write_off_date,amount,reason
            I2,2026-03-01,1000000.00,insolvency
            CN1,2026-03-01,10.00,uncollectible
            I3,2026-03-01,30.00,insolvency

            """,
        "disputes.csv": """
            dispute_id,invoice_id,opened_date,resolved_date,amount,reason
            D1,I2,2026-02-10,2026-02-01,,price

            """,
        "promises.csv": """
            promise_id,customer_id,invoice_id,made_date,promised_date,amount,currency
            PR1,C1,I2,2026-03-10,2026-03-01,200.00,EUR

            """,
        "snapshot.json": "{\"as_of\": \"2026-03-31\"}",
    ]

    let result: ImportResult

    init() throws {
        result = try SnapshotImporter.load(from: try TestSupport.folder(Self.files))
    }

    @Test func rejectsTheImpossible() {
        let rejects = result.rejects.map { "\($0.file):\($0.line) \($0.reason)" }
        #expect(rejects == [
            "payments.csv:5 credit_note_overconsumed",
            "disputes.csv:2 resolved_before_opened",
            "write_offs.csv:2 write_off_exceeds_amount",
        ])
        #expect(result.rejects[0].message == "credit note 'CN1' of 50.00 EUR would be consumed 100.00 EUR: a note is netted once, up to its amount")
        #expect(result.rejects[1].message == "dispute 'D1' is resolved on 2026-02-01, before it opened on 2026-02-10: check the two dates")
        #expect(result.report.isReconciled)
    }

    @Test func flagsTheSuspiciousWithACountPerKind() {
        let flags = result.flags.map { "\($0.file):\($0.line) \($0.kind)" }
        #expect(flags == [
            "invoices.csv:3 due_before_issue",
            "payments.csv:2 overpaid",
            "payments.csv:3 paid_before_issue",
            "payments.csv:6 paid_by_other_customer",
            "promises.csv:2 promise_made_after_date",
            "write_offs.csv:3 write_off_on_credit_note",
            "write_offs.csv:4 over_settled",
        ])
        #expect(result.report.flagCounts.map { "\($0.rows) \($0.kind)" } == ["1 due_before_issue", "1 paid_before_issue", "1 overpaid",
            "1 over_settled", "1 paid_by_other_customer", "1 promise_made_after_date", "1 write_off_on_credit_note"])
        #expect(result.flags[1].message == "payments allocated to invoice 'I1' reach 982,000,000.00 EUR, above its amount 100.00 EUR: "
            + "the excess makes its open amount negative")
        #expect(result.flags[6].message == "'I3' of 300.00 EUR is settled 330.00 EUR: 300.00 EUR paid and 30.00 EUR written off")
        // Flagged rows load: the figures they make are there to be looked at, not hidden.
        #expect(result.ledger.payments.count == 4 && result.ledger.promises.count == 1 && result.ledger.writeOffs.count == 2)
    }

    @Test func listsFlagsInTheReportTheRejectsFileAndTheStoredReport() throws {
        let rendered = result.report.rendered
        #expect(rendered.contains("7 rows loaded with warnings (1 due_before_issue, 1 paid_before_issue, 1 overpaid, 1 over_settled, "
            + "1 paid_by_other_customer, 1 promise_made_after_date, 1 write_off_on_credit_note): check them before trusting a figure\n"))
        #expect(rendered.contains("  payments.csv:6: paid_by_other_customer: payment 'P5' by customer 'C1' is allocated to 'I4' of customer 'C2'\n"))
        let csv = String(decoding: result.rejectsCSV, as: UTF8.self)
        #expect(csv.contains("\ninvoices.csv,3,warning,due_before_issue,\"invoice 'I2' is due 2026-01-01, before its issue date 2026-01-10\","))
        // The report round-trips through JSON (a store's report.json) with its flags; older reports without them still read.
        let decoded = try JSONDecoder().decode(ImportReport.self, from: JSONEncoder().encode(result.report))
        #expect(decoded == result.report)
        let old = #"{"files":[],"asOf":"2026-03-31","reportingCurrency":"EUR"}"#
        #expect(try JSONDecoder().decode(ImportReport.self, from: Data(old.utf8)).flags.isEmpty)
    }
}
