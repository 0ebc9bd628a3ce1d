import ARCore
import ARStore
import Foundation
import Testing
@testable import ARImport

/// Each mapping feature on a small hand-made export.
struct MappingFileTests {
    /// A German-style ERP export: semicolons, decimal comma, dotted thousands, dd.mm.yyyy dates,
    /// Windows-1252 text, credit notes as negative amounts, two invoice files, no customers file.
    static let exportA = "Beleg;Debitor;Name;Art;Belegdatum;Fällig;Betrag;Ausgeglichen;Strittig\n"
        + "R1;D1;M\u{fc}ller;RV;31.01.2026;02.03.2026;1.234,50;15.02.2026;Ja\n"
        + "G1;D1;M\u{fc}ller;GS;05.02.2026;;-100,00;;Nein\n"
        + "R2;D2;Schmidt;RV;31.02.2026;02.03.2026;10,00;;Nein\n"
    static let exportB = "Beleg;Debitor;Name;Art;Belegdatum;Fällig;Betrag;Ausgeglichen;Strittig\n"
        + "R3;D2;Schmidt;RV;01.03.2026;31.03.2026;500;;Vielleicht\n"

    static let mapping = """
    snapshot:
      as_of: 2026-03-31
      reporting_currency: EUR
      source: ERP export
    fx_rates:
      - {date: 2026-01-01, currency: CHF, rate: "1.0512"}
    defaults:
      separator: ";"
      encoding: windows-1252
      date_format: dd.mm.yyyy
      decimal: ","
      thousands: "."
      negative_amounts: credit_note
    tables:
      invoices:
        - file: export_a.csv
          columns: &columns
            invoice_id: Beleg
            customer_id: Debitor
            type: Art
            issue_date: Belegdatum
            due_date: Fällig
            amount: Betrag
          constants: {entity_id: DE01, currency: EUR}
          values:
            type: {RV: invoice, GS: invoice}
          ignore: [Name]
          derive: &derive
            entities: {}
            customers: {name: Name}
            payments: {date: Ausgeglichen}
            disputes:
              flag: Strittig
              values: {"Ja": true, "Nein": false}
              resolved: Ausgeglichen
        - file: export_b.csv
          columns: *columns
          constants: {entity_id: DE01, currency: EUR}
          values:
            type: {RV: invoice}
          ignore: [Name]
          derive: *derive
    """

    func load() throws -> ImportResult {
        let folder = try TestSupport.folder([:])
        try Data(Self.exportA.data(using: .windowsCP1252)!).write(to: folder.appendingPathComponent("export_a.csv"))
        try Data(Self.exportB.data(using: .windowsCP1252)!).write(to: folder.appendingPathComponent("export_b.csv"))
        let mapping = try MappingFile.parse(Self.mapping, name: "erp.yaml")
        return try SnapshotImporter.load(from: folder, mapping: mapping)
    }

    @Test func readsSeveralFilesIntoOneTableWithFormatsConstantsAndSigns() throws {
        let ledger = try load().ledger
        #expect(ledger.snapshot == SnapshotInfo(asOf: TestSupport.day("2026-03-31"), reportingCurrency: .eur, source: "ERP export"))
        #expect(ledger.documents.ids.strings == ["R1", "G1", "R3"])
        #expect(ledger.documents.amount == [123_450, 10_000, 50_000])
        #expect(ledger.documents.isCreditNote(1))
        #expect(!ledger.documents.isCreditNote(0))
        #expect(ledger.documents.issue[0] == TestSupport.day("2026-01-31").rawValue)
        #expect(ledger.documents.due[0] == TestSupport.day("2026-03-02").rawValue)
        #expect(ledger.entities.ids == ["DE01"])
        #expect(ledger.documents.extras.names == ["Ausgeglichen", "Strittig"])
        let chf = try #require(ledger.currencyIndex(of: "CHF"))
        #expect(ledger.fxRates.rate(currency: chf, on: TestSupport.day("2026-03-31").rawValue) == ExactRate("1.0512"))
    }

    @Test func derivesCustomersPaymentsAndDisputes() throws {
        let result = try load()
        let ledger = result.ledger
        #expect(ledger.customers.ids.strings == ["D1", "D2"])
        #expect(ledger.customers.names[0] == "Müller")
        #expect(ledger.payments.ids.strings == ["PAY-R1"])
        #expect(ledger.payments.amount == [123_450])
        #expect(ledger.payments.day == [TestSupport.day("2026-02-15").rawValue])
        #expect(ledger.disputes.ids.strings == ["DSP-R1"])
        #expect(ledger.disputes.opened[0] == TestSupport.day("2026-01-31").rawValue)
        #expect(ledger.disputes.resolved[0] == TestSupport.day("2026-02-15").rawValue)
    }

    @Test func rejectsAndReconcilesDerivedRowsOnTheirOwnLines() throws {
        let result = try load()
        #expect(result.rejects.map { "\($0.file):\($0.line) \($0.table) \($0.reason)" } == [
            "export_a.csv:4 invoices bad_date", "export_b.csv:2 disputes bad_value",
        ])
        #expect(result.rejects[1].message == "'Vielleicht' in Strittig is not a known disputed flag: list it under 'values:'")
        #expect(result.report.isReconciled)
        let lines = result.report.files.map { "\($0.file) \($0.table) \($0.rowsRead)/\($0.rowsLoaded)/\($0.rowsRejected)" }
        #expect(lines == [
            "erp.yaml fx_rates (inline) 1/1/0",
            "export_a.csv invoices 3/2/1", "export_a.csv entities (derived) 1/1/0", "export_a.csv customers (derived) 1/1/0",
            "export_a.csv payments (derived) 1/1/0", "export_a.csv disputes (derived) 1/1/0",
            "export_b.csv invoices 1/1/0", "export_b.csv entities (derived) 0/0/0", "export_b.csv customers (derived) 1/1/0",
            "export_b.csv payments (derived) 0/0/0", "export_b.csv disputes (derived) 1/0/1",
        ])
        // The credit note counts as written in the file: −100.00.
        #expect(result.report.files[1].amounts == [ImportReport.CurrencyTotals(currency: "EUR", read: 114_450, loaded: 123_450 - 10_000, rejected: 1_000)])
    }

    @Test func readsExcelSerialsTabsAndStripsSuffixes() throws {
        let folder = try TestSupport.folder([
            "open_items.txt": "doc\tcust\tissued\tdue\tamt\tccy\nA1.0\tC1\t46023\t46053\t99.5\tUSD\n",
        ])
        let mapping = try MappingFile.parse("""
        snapshot: {reporting_currency: USD}
        tables:
          invoices:
            file: open_items.txt
            separator: tab
            date_format: excel
            columns: {invoice_id: doc, customer_id: cust, issue_date: issued, due_date: due, amount: amt, currency: ccy}
            constants: {entity_id: US01}
            strip_suffix: {invoice_id: ".0", customer_id: ".0"}
            derive: {entities: {}, customers: {}}
        """, name: "m.yaml")
        let ledger = try SnapshotImporter.load(from: folder, mapping: mapping).ledger
        #expect(ledger.documents.ids.strings == ["A1"])
        #expect(ledger.customers.ids.strings == ["C1"])
        #expect(ledger.documents.issue == [TestSupport.day("2026-01-01").rawValue])
        #expect(ledger.documents.due == [TestSupport.day("2026-01-31").rawValue])
        #expect(ledger.documents.amount == [9_950])
        // No date given: the latest transaction (the issue date), never the due date (issue 15).
        #expect(ledger.snapshot.asOf == TestSupport.day("2026-01-01"))
    }

    @Test func appliesDefaultsToTheInterchangeFiles() throws {
        let folder = try TestSupport.folder([
            "entities.csv": "entity_id;currency\nFR01;EUR\n",
            "customers.csv": "customer_id;name\nC1;'Dupont; l''aîné'\n",
            "invoices.csv": "invoice_id;entity_id;customer_id;issue_date;due_date;amount;currency\nI1;FR01;C1;15/01/2026;14/02/2026;1 250,5;EUR\n",
        ])
        let mapping = try MappingFile.parse("defaults: {separator: ';', quote: \"'\", date_format: dd/mm/yyyy, decimal: ',', thousands: ' '}", name: "fr.yaml")
        let ledger = try SnapshotImporter.load(from: folder, mapping: mapping).ledger
        #expect(ledger.customers.names[0] == "Dupont; l'aîné")
        #expect(ledger.documents.amount == [125_050])
        #expect(ledger.documents.issue == [TestSupport.day("2026-01-15").rawValue])
    }

    @Test func readsEveryFileMatchingAPattern() throws {
        let header = "invoice_id,entity_id,customer_id,issue_date,due_date,amount,currency\n"
        let folder = try TestSupport.folder([
            "entities.csv": "entity_id,currency\nFR01,EUR\n",
            "customers.csv": "customer_id\nC1\n",
            "items_2026-02.csv": header + "B1,FR01,C1,2026-02-01,2026-03-03,2.00,EUR\n",
            "items_2026-01.csv": header + "A1,FR01,C1,2026-01-01,2026-01-31,1.00,EUR\n",
            "items_old.txt": header + "Z1,FR01,C1,2025-01-01,2025-01-31,9.00,EUR\n",
        ])
        let mapping = try MappingFile.parse("tables:\n  invoices:\n    - file: items_2026-??.csv\n", name: "m.yaml")
        let result = try SnapshotImporter.load(from: folder, mapping: mapping)
        #expect(result.ledger.documents.ids.strings == ["A1", "B1"])
        #expect(result.report.files.filter { $0.table == "invoices" }.map(\.file) == ["items_2026-01.csv", "items_2026-02.csv"])
        let none = try MappingFile.parse("tables:\n  invoices:\n    - file: nothing_*.csv\n", name: "m.yaml")
        #expect(throws: ImportError(file: "nothing_*.csv", message: "no file matches the pattern: check the name in the mapping")) {
            try SnapshotImporter.load(from: folder, mapping: none)
        }
    }

    @Test func matchesWildcards() {
        func match(_ p: String, _ n: String) -> Bool { wildcardMatch(Array(p), Array(n)) }
        #expect(match("*.csv", "a.csv"))
        #expect(match("a*b*c", "aXXbYYc"))
        #expect(match("a?c", "abc"))
        #expect(!match("a?c", "ac"))
        #expect(!match("*.csv", "a.csv.bak"))
        #expect(match("*", ""))
    }
}
