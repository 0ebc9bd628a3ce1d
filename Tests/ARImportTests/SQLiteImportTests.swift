import ARCore
import ARStore
import CSQLite
import Foundation
import Testing
@testable import ARImport

/// A real SQLite file, written by the test, read through the same loaders as CSV.
struct SQLiteImportTests {
    func makeDatabase(_ sql: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString).sqlite")
        var db: OpaquePointer?
        #expect(sqlite3_open(url.path, &db) == SQLITE_OK)
        defer { sqlite3_close(db) }
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(db, sql, nil, nil, &error)
        if let error { Issue.record("SQL failed: \(String(cString: error))"); sqlite3_free(error) }
        #expect(code == SQLITE_OK)
        return url
    }

    static let schema = """
    CREATE TABLE snapshot (as_of TEXT, reporting_currency TEXT, source TEXT);
    INSERT INTO snapshot VALUES ('2026-03-31', 'EUR', 'erp db');
    CREATE TABLE entities (entity_id TEXT, name TEXT, currency TEXT, country TEXT);
    INSERT INTO entities VALUES ('FR01', 'France', 'EUR', 'FR');
    CREATE TABLE customers (customer_id TEXT, name TEXT, segment TEXT, payment_terms_days INTEGER, tier TEXT);
    INSERT INTO customers VALUES ('C1', 'Dupont', 'SMB', 30, 'gold'), ('C2', 'Martin', NULL, NULL, NULL);
    CREATE TABLE invoices (invoice_id TEXT, entity_id TEXT, customer_id TEXT, type TEXT, issue_date TEXT,
                           due_date TEXT, amount NUMERIC, currency TEXT);
    INSERT INTO invoices VALUES ('I1', 'FR01', 'C1', 'invoice', '2026-01-10', '2026-02-09', 1200.5, 'EUR');
    INSERT INTO invoices VALUES ('I2', 'FR01', 'C2', NULL, '2026-01-15', '2026-02-14', 300, 'EUR');
    INSERT INTO invoices VALUES ('I3', 'FR01', 'C2', NULL, '2026-13-01', '2026-02-14', 10, 'EUR');
    INSERT INTO invoices VALUES ('I4', 'FR01', 'C1', NULL, '2026-02-01', '2026-03-03', 7.125, 'EUR');
    CREATE TABLE payments (payment_id TEXT, customer_id TEXT, invoice_id TEXT, payment_date TEXT, amount REAL, currency TEXT);
    INSERT INTO payments VALUES ('P1', 'C1', 'I1', '2026-02-05', 1000.1, 'EUR');
    INSERT INTO payments VALUES ('P2', 'C1', 'I9', '2026-02-06', 5, 'EUR');
    """

    @Test func loadsTablesAndRejectsByRowid() throws {
        let url = try makeDatabase(Self.schema)
        let result = try SnapshotImporter.load(from: url)
        let ledger = result.ledger
        #expect(ledger.snapshot.asOf == TestSupport.day("2026-03-31"))
        #expect(ledger.snapshot.source == "erp db")
        #expect(ledger.customers.ids.strings == ["C1", "C2"])
        #expect(ledger.customers.paymentTermsDays[0] == 30)
        #expect(ledger.customers.extras.column(named: "tier")?[0] == "gold")
        #expect(ledger.documents.ids.strings == ["I1", "I2"])
        #expect(ledger.documents.amount == [120_050, 30_000])
        #expect(ledger.payments.amount == [100_010])
        let rejects = result.rejects.map { "\($0.file) \($0.line) \($0.reason)" }
        #expect(rejects == ["invoices 3 bad_date", "invoices 4 too_many_decimals", "payments 2 unknown_invoice"])
        #expect(result.rejects[0].raw == "I3,FR01,C2,,2026-13-01,2026-02-14,10,EUR")
        #expect(result.report.isReconciled)
        let invoices = try #require(result.report.files.first { $0.file == "invoices" })
        #expect(invoices.amounts == [ImportReport.CurrencyTotals(currency: "EUR", read: 151_050, loaded: 150_050, rejected: 1_000)])
        #expect(invoices.unreadAmountRows == 1)
    }

    @Test func aMissingInvoicesTableIsFatal() throws {
        let url = try makeDatabase("CREATE TABLE customers (customer_id TEXT);")
        #expect(throws: ImportError(file: url.lastPathComponent, message: "required table 'invoices' is missing: add it to the database")) {
            try SnapshotImporter.load(from: url)
        }
    }
}

extension SQLiteImportTests {
    @Test func readsOtherTableLayoutsThroughAMapping() throws {
        let url = try makeDatabase("""
        CREATE TABLE open_items (doc TEXT, debtor TEXT, doc_date TEXT, net_due TEXT, gross TEXT);
        INSERT INTO open_items VALUES ('A1', 'D1', '20260115', '20260214', '1.234,56'), ('A2', 'D2', '2026-01-15', '20260214', '5');
        """)
        let mapping = try MappingFile.parse("""
        snapshot: {as_of: 2026-03-31}
        defaults: {date_format: yyyymmdd, decimal: ",", thousands: "."}
        tables:
          invoices:
            - file: open_items
              columns: {invoice_id: doc, customer_id: debtor, issue_date: doc_date, due_date: net_due, amount: gross}
              constants: {entity_id: DE01, currency: EUR}
              derive: {entities: {}, customers: {}}
        """, name: "sap.yaml")
        let result = try SnapshotImporter.load(from: url, mapping: mapping)
        #expect(result.ledger.documents.ids.strings == ["A1"])
        #expect(result.ledger.documents.amount == [123_456])
        #expect(result.rejects.map { "\($0.file) \($0.line) \($0.reason)" } == ["open_items 2 bad_date"])
        #expect(result.report.isReconciled)
    }
}
