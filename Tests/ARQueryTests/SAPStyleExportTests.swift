import ARCore
import ARQuery
import ARStore
import Foundation
import Testing
@testable import ARImport

/// Issue 15: the sample exported SAP-style (see ``SAPStyleExport``) and imported through one
/// multi-table mapping answers every question exactly as the clean sample does.
struct SAPStyleExportTests {
    static let clean = Result { try SnapshotImporter.load(from: SAPStyleExport.sample) }
    static let export = Result { try SAPStyleExport.write() }
    static let imported = Result {
        try SnapshotImporter.load(from: try export.get().folder, mapping: try MappingFile.parse(SAPStyleExport.mapping, name: "sap.yaml"))
    }

    static let questions = [
        "ar, overdue, disputed by entity", "ar, overdue_rate, dso, count by entity", "sales, write_offs by entity",
        "ar by customer_group", "ar by bucket", "count by payment_terms_days", "ar by credit_limit", "ar by insured_limit",
        "ar by customer top 10", "ar, overdue by customer_name top 5", "items order by open desc limit 5",
        "overdue, ar by entity monthly from 2026-07-31 to 2026-09-30",
    ]

    @Test func everyFigureEqualsTheCleanLedgers() throws {
        let cleanRunner = QueryRunner(ledger: try Self.clean.get().ledger)
        let sapRunner = QueryRunner(ledger: try Self.imported.get().ledger)
        for question in Self.questions {
            let expected = try #require(try cleanRunner.run(question)[0].result)
            let found = try #require(try sapRunner.run(question)[0].result)
            #expect(ResultFormatter.format(found, as: .csv) == ResultFormatter.format(expected, as: .csv), "\(question)")
        }
        let clean = try Self.clean.get().ledger, sap = try Self.imported.get().ledger
        #expect(sap.documents.count == clean.documents.count && sap.payments.count == clean.payments.count)
        #expect(sap.disputes.count == clean.disputes.count && sap.dunning.count == clean.dunning.count)
        #expect(sap.fxRates == clean.fxRates)
    }

    @Test func badRowsAreRejectedWithTheirLineAndEverythingReconciles() throws {
        let result = try Self.imported.get(), written = try Self.export.get()
        #expect(result.report.isReconciled)
        for file in result.report.files { #expect(file.rowsRead == file.rowsLoaded + file.rowsRejected, "\(file.file)") }
        let found = result.rejects.map { "\($0.file):\($0.line):\($0.reason)" }
        let lines = written.badLines
        #expect(found == [
            "KNA1.csv:\(lines["KNA1.csv"]![0]):bad_amount",
            "TCURR.csv:\(lines["TCURR.csv"]![0]):bad_value",
            "BSID.csv:\(lines["BSID.csv"]![0]):bad_date",
            "BSID.csv:\(lines["BSID.csv"]![1]):bad_amount",
        ])
        #expect(result.rejects[0].message == "'abc' in credit_limit is not a number in the source's number format (decimal ',', thousands '.')")
    }

    @Test func theAsOfDateComesFromTheExportsNoteAndIdsAreNormalised() throws {
        let result = try Self.imported.get()
        #expect(result.ledger.snapshot.asOf == Day(iso: "2026-10-31"))
        #expect(result.report.asOfOrigin == "note file 'export_info.txt'")
        #expect(result.report.notices.isEmpty)
        // Payments and dunning name customers in lower case: each such number is merged into its customer.
        let clean = try Self.clean.get().ledger
        var lower = Set<String>()
        for table in ["payments", "dunning"] {
            let rows = try SAPStyleExport.readCSV(SAPStyleExport.sample.appendingPathComponent(table + ".csv"))
            let c = rows[0].firstIndex(of: "customer_id")!
            for row in rows.dropFirst() where !row[c].isEmpty { lower.insert(row[c]) }
        }
        let merged = try #require(result.report.mergedIDs.first { $0.column == "customer_id" })
        #expect(merged.merged == lower.count)
        #expect(merged.distinctRead == clean.customers.count + 1 + lower.count)   // + the rejected C999999
        #expect(result.report.rendered.contains("customer_id: \(lower.count) of \(merged.distinctRead) distinct ids merged"))
    }

    @Test func unknownColumnsAreKeptAndTablesShowLineBreaksEscaped() throws {
        let runner = QueryRunner(ledger: try Self.imported.get().ledger)
        let byNote = try #require(try runner.run("ar, count by Bemerkung")[0].result)
        let table = ResultFormatter.format(byNote, as: .table)
        #expect(table.contains("Lieferung Straße 5\\nMünchen"))
        let lines = table.split(separator: "\n")
        #expect(lines.count == byNote.rows.count + 3)   // header, rule, rows, footer: one line each
        let disputed = try #require(try runner.run("ar, count by dispute_Notiz")[0].result)
        #expect(disputed.rows.contains { $0[0] == .string("Klärung läuft") })
    }
}
