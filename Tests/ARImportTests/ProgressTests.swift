import Foundation
import Synchronization
import Testing
@testable import ARImport

struct ProgressTests {
    @Test func reportsEvery65536RowsAndAtTheEndOfEachFile() throws {
        var invoices = "invoice_id,entity_id,customer_id,issue_date,due_date,amount,currency\n"
        for i in 0..<70_000 { invoices += "I\(i),FR01,C1,2026-01-01,2026-01-31,1.00,EUR\n" }
        let folder = try TestSupport.folder([
            "entities.csv": "entity_id,currency\nFR01,EUR\n",
            "customers.csv": "customer_id\nC1\n",
            "invoices.csv": invoices,
        ])
        let seen = Mutex<[String]>([])
        let result = try SnapshotImporter.load(from: folder) { p in
            seen.withLock { $0.append("\(p.file) \(p.rowsDone) \(p.bytesDone == p.bytesTotal)") }
        }
        #expect(seen.withLock { $0 } == ["entities.csv 1 true", "customers.csv 1 true", "invoices.csv 65536 false", "invoices.csv 70000 true"])
        #expect(result.ledger.documents.count == 70_000)
        #expect(result.report.files.first { $0.file == "invoices.csv" }?.amounts.first?.loaded == 7_000_000)
    }
}
