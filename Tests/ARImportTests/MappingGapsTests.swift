import ARCore
import ARStore
import Foundation
import Testing
@testable import ARImport

/// Issue 15: the gaps a real SAP-style export hit, one test per point.
struct MappingGapsTests {
    static let parties = [
        "entities.csv": "entity_id,name,currency,country\nDE01,Germany,EUR,DE\nUS01,USA,USD,US\n",
        "customers.csv": "customer_id,name\nC1,One\nC2,Two\n",
    ]
    static let header = "invoice_id,entity_id,customer_id,type,issue_date,due_date,amount,currency\n"

    static func load(_ files: [String: String], mapping: String? = nil, options: ImportOptions = ImportOptions()) throws -> ImportResult {
        let folder = try TestSupport.folder(files)
        return try SnapshotImporter.load(from: folder, mapping: try mapping.map { try MappingFile.parse($0, name: "m.yaml") }, options: options)
    }

    static let germanNumbers = "defaults: {separator: ';', decimal: ',', thousands: '.'}\n"

    /// 1. Rates, terms and levels follow the source's decimal and thousands marks.
    @Test func everyNumericColumnFollowsTheNumberFormat() throws {
        let files = [
            "entities.csv": "entity_id;name;currency;country\nDE01;Germany;EUR;DE\nUS01;USA;USD;US\n",
            "customers.csv": "customer_id;name;payment_terms_days\nC1;One;1.000\nC2;Two;30,0\nC3;Three;12,5\n",
            "fx_rates.csv": "date;currency;rate\n2026-01-01;USD;0,910016\n2026-02-01;USD;1.234,5\n2026-03-01;USD;0.91\n",
            "invoices.csv": "invoice_id;entity_id;customer_id;type;issue_date;due_date;amount;currency\n"
                + "I1;US01;C1;invoice;2026-01-05;2026-02-05;1.000,00;USD\n",
            "dunning.csv": "action_id;customer_id;invoice_id;action_date;level;channel\nD1;C1;I1;2026-02-10;2;mail\nD2;C1;I1;2026-02-11;2,5;mail\n",
        ]
        let result = try Self.load(files, mapping: Self.germanNumbers)
        #expect(result.ledger.fxRates.count == 2)
        #expect(result.ledger.documents.count == 1)
        #expect(result.ledger.customers.paymentTermsDays[0] == 1000 && result.ledger.customers.paymentTermsDays[1] == 30)
        #expect(result.rejects.map { "\($0.file):\($0.line):\($0.reason)" } == [
            "customers.csv:4:bad_value", "fx_rates.csv:4:bad_value", "dunning.csv:3:bad_value",
        ])
        #expect(result.rejects[1].message == "'0.91' in rate is not a positive decimal such as 1.0873 in the source's number format "
            + "(decimal ',', thousands '.')")
        #expect(result.report.isReconciled)
    }

    /// 2. Limits are read like amounts: bad ones reject the customer with their line.
    @Test func creditLimitsAreParsedAndChecked() throws {
        var files = Self.parties
        files["customers.csv"] = "customer_id;name;credit_limit;insured_limit\nC1;One;45.000,00;27.000\nC2;Two;abc;\nC3;Three;-5,00;\n"
            + "C4;Four;1.000,12345;\nC5;Five;12.34,5;\n"
        files["invoices.csv"] = Self.header.replacingOccurrences(of: ",", with: ";") + "I1;DE01;C1;invoice;2026-01-05;2026-02-05;10,00;EUR\n"
        files["entities.csv"] = files["entities.csv"]!.replacingOccurrences(of: ",", with: ";")
        let result = try Self.load(files, mapping: Self.germanNumbers)
        #expect(result.ledger.customers.creditLimit[0] == "45000.00")
        #expect(result.ledger.customers.insuredLimit[0] == "27000")
        #expect(result.rejects.map { "\($0.line):\($0.reason)" } == ["3:bad_amount", "4:bad_amount", "5:too_many_decimals", "6:bad_amount"])
        #expect(result.rejects[0].message == "'abc' in credit_limit is not a number in the source's number format (decimal ',', thousands '.')")
        #expect(result.rejects[1].message == "'-5,00' in credit_limit is negative: a limit is zero or more")
    }

    /// 3. Without a date, the as-of is the latest transaction date, never a due date, and it is said.
    @Test func anInferredAsOfDateIsTheLatestTransactionAndIsSaid() throws {
        var files = Self.parties
        files["invoices.csv"] = Self.header + "I1,DE01,C1,invoice,2026-01-05,2027-01-29,10.00,EUR\n"
        files["payments.csv"] = "payment_id,customer_id,invoice_id,entity_id,payment_date,amount,currency\nP1,C1,I1,,2026-03-02,4.00,EUR\n"
        files["promises.csv"] = "promise_id,customer_id,invoice_id,made_date,promised_date,amount,currency\nT1,C1,I1,2026-02-01,2026-12-01,1.00,EUR\n"
        let inferred = try Self.load(files)
        #expect(inferred.ledger.snapshot.asOf == TestSupport.day("2026-03-02"))
        #expect(inferred.report.asOfOrigin == "inferred" && inferred.report.asOfIsInferred)
        #expect(inferred.report.notices.count == 1)
        #expect(inferred.report.rendered.contains("warning: as-of date NOT GIVEN: inferred as 2026-03-02, the latest transaction date"))
        #expect(inferred.report.rendered.contains("help: give the extraction date with --as-of"))
        // The command line wins over snapshot.json, which wins over nothing.
        files["snapshot.json"] = #"{"as_of": "2026-03-31", "reporting_currency": "EUR"}"#
        let given = try Self.load(files, options: ImportOptions(asOf: TestSupport.day("2026-04-30"), reportingCurrency: Currency(code: "USD")))
        #expect(given.ledger.snapshot.asOf == TestSupport.day("2026-04-30") && given.report.asOfOrigin == "--as-of")
        #expect(given.ledger.snapshot.reportingCurrency.code == "USD" && given.report.notices.isEmpty)
        #expect(try Self.load(files).report.asOfOrigin == "snapshot.json")
    }

    /// 3. The export's own note gives the date: key=value or JSON, with its own date format.
    @Test func theAsOfDateIsReadFromTheExportsNote() throws {
        var files = Self.parties
        files["invoices.csv"] = Self.header + "I1,DE01,C1,invoice,2026-01-05,2027-01-29,10.00,EUR\n"
        files["info.txt"] = "# extraction\nMandant = 100\nStichtag = \"31.03.2026\"\n"
        files["info.json"] = #"{"run": 7, "extracted": "03/30/2026"}"#
        let keyValue = "snapshot: {as_of_from: {file: info.txt, key: Stichtag, date_format: dd.mm.yyyy}}\n"
        let fromText = try Self.load(files, mapping: keyValue)
        #expect(fromText.ledger.snapshot.asOf == TestSupport.day("2026-03-31"))
        #expect(fromText.report.asOfOrigin == "note file 'info.txt'" && fromText.report.notices.isEmpty)
        let json = "snapshot: {as_of_from: {file: info.json, key: extracted, date_format: mm/dd/yyyy}}\n"
        #expect(try Self.load(files, mapping: json).ledger.snapshot.asOf == TestSupport.day("2026-03-30"))
        let wrongKey = try #require(throwing(try Self.load(files, mapping: keyValue.replacingOccurrences(of: "key: Stichtag", with: "key: Stichtg"))))
        #expect(wrongKey.description == "info.txt: the note has no key 'Stichtg': did you mean 'Stichtag'?: "
            + "name the key holding the extraction date under 'as_of_from.key'")
        let wrongFormat = try #require(throwing(try Self.load(files, mapping: keyValue.replacingOccurrences(of: "dd.mm.yyyy", with: "iso"))))
        #expect(wrongFormat.description == "info.txt: 'Stichtag' is '31.03.2026', not a date in the format yyyy-mm-dd: set 'as_of_from.date_format'")
    }

    /// 5. Unknown columns of payments, disputes … stay on the document (or customer) they name.
    @Test func unknownColumnsOfEveryTableAreKept() throws {
        var files = Self.parties
        files["invoices.csv"] = Self.header + "I1,DE01,C1,invoice,2026-01-05,2026-02-05,10.00,EUR\nI2,DE01,C2,invoice,2026-01-05,2026-02-05,10.00,EUR\n"
        files["payments.csv"] = "payment_id,customer_id,invoice_id,entity_id,payment_date,amount,currency,bank_ref\n"
            + "P1,C1,I1,,2026-03-02,4.00,EUR,SEPA-1\nP2,C1,I1,,2026-03-03,4.00,EUR,SEPA-2\nP3,C2,,DE01,2026-03-03,1.00,EUR,CHK-9\n"
        files["disputes.csv"] = "dispute_id,invoice_id,opened_date,resolved_date,amount,reason,note\nD1,I2,2026-02-01,,,price,\"call back\nMonday\"\n"
        let ledger = try Self.load(files).ledger
        let bankRef = try #require(ledger.documents.extras.column(named: "payment_bank_ref"))
        #expect(bankRef[0] == "SEPA-1 | SEPA-2" && bankRef[1] == nil)
        #expect(ledger.documents.extras.column(named: "dispute_note")?[1] == "call back\nMonday")
        #expect(ledger.customers.extras.column(named: "payment_bank_ref")?[1] == "CHK-9")
    }

    /// 6. Identifiers normalised the same way wherever they appear, with the merges counted.
    @Test func identifiersAreNormalisedEverywhere() throws {
        let files = [
            "entities.csv": "entity_id,name,currency,country\nDE01,Germany,EUR,DE\n",
            "customers.csv": "customer_id,name\n0140104409,One\nc2,Two\n",
            "invoices.csv": Self.header + "inv-1,DE01,140104409,invoice,2026-01-05,2026-02-05,10.00,EUR\nINV1,DE01, C2 ,invoice,2026-01-05,2026-02-05,5.00,EUR\n",
            "payments.csv": "payment_id,customer_id,invoice_id,entity_id,payment_date,amount,currency\nP1,00140104409,Inv-1,,2026-03-02,4.00,EUR\n",
        ]
        let mapping = """
            normalize:
              customer_id: [trim, strip_leading_zeros, upper]
              invoice_id: [upper, {replace: '^INV-?', with: 'INV-'}]
            """
        let result = try Self.load(files, mapping: mapping)
        #expect(result.rejects.map(\.reason) == ["duplicate_id"])   // INV1 and inv-1 are one invoice
        #expect(result.ledger.customers.ids.strings == ["140104409", "C2"])
        #expect(result.ledger.documents.ids.strings == ["INV-1"])
        #expect(result.ledger.payments.count == 1)
        #expect(result.report.mergedIDs == [
            ImportReport.MergedIDs(column: "customer_id", distinctRead: 5, merged: 3),
            ImportReport.MergedIDs(column: "invoice_id", distinctRead: 3, merged: 2),
        ])
        let bad = try #require(throwing(try MappingFile.parse("normalize:\n  customer_id: [strip_zeros]\n", name: "m.yaml")))
        #expect(bad.description.contains("unknown step 'strip_zeros'"))
        let column = try #require(throwing(try MappingFile.parse("normalize:\n  name: [trim]\n", name: "m.yaml")))
        #expect(column.description.contains("'name'"))
    }
}
