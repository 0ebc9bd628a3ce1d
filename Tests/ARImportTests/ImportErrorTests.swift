import Foundation
import Testing
@testable import ARImport

/// Problems that stop the load name the file and say what to fix.
struct ImportErrorTests {
    func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as ImportError { return error.description } catch { return "\(error)" }
        return nil
    }

    @Test func aMissingInvoicesFileIsFatal() throws {
        let folder = try TestSupport.folder(["customers.csv": "customer_id\nC1\n"])
        #expect(message { _ = try SnapshotImporter.load(from: folder) }
            == "invoices.csv: required file is missing from \(folder.path): a snapshot needs its invoices")
    }

    @Test func aMissingRequiredColumnIsFatal() throws {
        let folder = try TestSupport.folder(["invoices.csv": "invoice_id,entity_id,customer_id,issue_date,due_date,currency\n"])
        #expect(message { _ = try SnapshotImporter.load(from: folder) }
            == "invoices.csv: missing required column 'amount' for invoices: add the column, or map another column to it in a mapping file")
    }

    @Test func anUnknownMappingKeySuggestsTheClosest() {
        #expect(message { _ = try MappingFile.parse("tables:\n  invoices:\n    - file: a.csv\n      colums: {}\n", name: "m.yaml") }
            == "m.yaml: line 4: 'tables.invoices[0]': unknown key 'colums': did you mean 'columns'?")
        #expect(message { _ = try MappingFile.parse("tables:\n  invoice: []\n", name: "m.yaml") }
            == "m.yaml: line 2: 'tables': unknown key 'invoice': did you mean 'invoices'?")
    }

    @Test func invalidYAMLIsFatalOnOneLine() {
        #expect(message { _ = try MappingFile.parse("tables:\n  invoices: [\n   - a: b\n  x", name: "m.yaml") }
            == "m.yaml: not valid YAML: 3:4: error: parser: while parsing a flow node in line 3, column 4 did not find expected node content:")
    }

    @Test func badMappingValuesAreFatal() {
        #expect(message { _ = try MappingFile.parse("defaults:\n  date_format: dd-qq-yyyy\n", name: "m.yaml") }
            == "m.yaml: line 2: 'defaults.date_format': unknown date format 'dd-qq-yyyy': use iso, dd/mm/yyyy, m/d/yyyy, yyyymmdd, excel or a similar pattern")
        #expect(message { _ = try MappingFile.parse("snapshot:\n  reporting_currency: EURO\n", name: "m.yaml") }
            == "m.yaml: line 2: 'snapshot.reporting_currency': 'EURO' is not an ISO 4217 currency")
    }

    @Test func aMappedColumnMissingFromTheHeaderIsFatal() throws {
        let folder = try TestSupport.folder(["x.csv": "Doc,Cust\n"])
        let mapping = try MappingFile.parse("tables:\n  invoices:\n    - file: x.csv\n      columns: {invoice_id: DocNo}\n", name: "m.yaml")
        #expect(message { _ = try SnapshotImporter.load(from: folder, mapping: mapping) }
            == "x.csv: mapped column 'DocNo' (for invoice_id) is not in the header: did you mean 'Doc'?")
    }

    @Test func aBadSnapshotJSONIsFatal() throws {
        let folder = try TestSupport.folder(["snapshot.json": "{\"as_of\": \"31/03/2026\"}", "invoices.csv": ""])
        #expect(message { _ = try SnapshotImporter.load(from: folder) }
            == "snapshot.json: as_of '31/03/2026' is not a YYYY-MM-DD date: write it as 2026-03-31")
    }
}

extension ImportErrorTests {
    @Test func aFileThatIsNotASnapshotIsFatal() throws {
        let folder = try TestSupport.folder(["x.db": "not a database at all, just text\n", "x.csv": "a\n"])
        #expect(message { _ = try SnapshotImporter.load(from: folder.appendingPathComponent("x.db")) }
            == "x.db: is not a readable SQLite database: give a SQLite snapshot or a CSV folder")
        #expect(message { _ = try SnapshotImporter.load(from: folder.appendingPathComponent("x.csv")) }
            == "x.csv: not a snapshot: give the folder holding the CSV files, or a .sqlite/.db file")
    }

    @Test func anEmptyFileIsFatal() throws {
        let folder = try TestSupport.folder(["invoices.csv": ""])
        #expect(message { _ = try SnapshotImporter.load(from: folder) }
            == "invoices.csv: the file is empty: it needs a header line naming its columns")
    }
}
