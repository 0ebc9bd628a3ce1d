import Foundation
import Testing

/// Issue 16 end to end: each input that crashed `arlens` or changed a figure silently, through
/// the real binary on real files.
@Suite(.serialized)
struct HardeningCLITests {
    /// A copy of the bundled sample in a fresh folder.
    private func sampleCopy() throws -> URL {
        let folder = try CLI.temporaryFolder().appendingPathComponent("sample")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("datasets/sample"), to: folder)
        return folder
    }

    private func append(_ lines: String, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines.utf8))
        try handle.close()
    }

    /// Item 1: amounts past 64-bit sums used to import, then crash every query and `inspect`.
    @Test func hugeAmountsAreRejectedAndEveryCommandStillRuns() throws {
        let sample = try sampleCopy()
        try append("""
            INV-X1,DE01,C000001,invoice,2026-01-01,2026-02-01,50000000000000000.00,EUR
            INV-X2,DE01,C000001,invoice,2026-01-01,2026-02-01,50000000000000000.00,EUR
            INV-X3,FR01,C000001,invoice,2026-01-01,2026-02-01,92233720368547758.07,EUR
            INV-X4,JP01,C000001,invoice,2026-01-01,2026-02-01,9223372036854775807,JPY

            """, to: sample.appendingPathComponent("invoices.csv"))
        let store = sample.deletingLastPathComponent().appendingPathComponent("store").path
        let imported = try CLI.run(["import", sample.path, "--into", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("reconciled, 4 of "))
        #expect(imported.stdout.contains("4 rejected rows and 0 warnings written to"))
        for command in [["query", "--data", store, "ar, overdue by entity"], ["inspect", store], ["query", "--data", store, "forecast collections weekly next 13 weeks"]] {
            let out = try CLI.run(command)
            #expect(out.status == 0, "\(command): \(out.stderr)")
        }
    }

    /// Item 2: a series, quarterly or projected, ending on 9999-12-31 used to trap in `endOfMonth`.
    @Test func datesAtTheEndOfTheCalendarNeverTrap() throws {
        for query in ["ar monthly from 9999-12-31 to 9999-12-31", "ar quarterly from 9999-11-30 to 9999-12-31"] {
            let out = try CLI.run(["query", query])
            #expect(out.status == 1, "\(query)")
            #expect(out.stderr.contains("is after the snapshot's as_of 2026-10-31"), "\(query): \(out.stderr)")
            #expect(!out.stderr.contains("Fatal error"))
        }
    }

    /// Item 6: a piped script in CSV or JSON mode gets every row, nothing else.
    @Test func aScriptedReplWritesEveryRowOfAMachineFormat() throws {
        let customers = try String(contentsOf: CLI.root.appendingPathComponent("datasets/sample/customers.csv"), encoding: .utf8)
            .split(separator: "\n").count - 1
        let csv = try CLI.run(["repl"], stdin: ".mode csv\nar by customer;\n")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(!csv.stdout.contains("more rows"))
        #expect(csv.stdout.split(separator: "\n").count > 41)
        #expect(csv.stdout.split(separator: "\n").count <= customers + 2)
        let json = try CLI.run(["repl"], stdin: ".mode json\nar by customer;\n")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["rows"] as? [Any])?.count == csv.stdout.split(separator: "\n").count - 1)
    }

    /// Item 7: an import that rejects every row adds nothing and says why.
    @Test func anImportThatRejectsEveryRowIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        let source = folder.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data("""
            invoice_id,entity_id,customer_id,type,issue_date,due_date,amount,currency
            I1,XX01,C1,invoice,2026-01-01,2026-02-01,10.00,EUR
            I2,XX01,C2,invoice,2026-01-01,2026-02-01,20.00,EUR

            """.utf8).write(to: source.appendingPathComponent("invoices.csv"))
        let store = folder.appendingPathComponent("store")
        let out = try CLI.run(["import", source.path, "--into", store.path])
        #expect(out.status != 0)
        #expect(out.stderr.contains("nothing to import from '\(source.path)': all 2 invoice rows were rejected (2 unknown_entity)"))
        #expect(out.stderr.contains("first: invoices.csv:2: unknown_entity: unknown entity 'XX01': add it to entities"))
        #expect(out.stderr.contains("help: no snapshot was added"))
        #expect(!FileManager.default.fileExists(atPath: store.path))
        #expect(!out.stdout.contains("1970"))
    }

    /// Item 8: flagged rows are shown by `inspect` on the store they were imported into.
    @Test func inspectOnAStoreListsTheFlaggedRows() throws {
        let folder = try CLI.temporaryFolder()
        let source = folder.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let files = [
            "entities.csv": "entity_id,currency\nFR01,EUR\n",
            "customers.csv": "customer_id\nC1\nC2\n",
            "invoices.csv": "invoice_id,entity_id,customer_id,issue_date,due_date,amount,currency\nI1,FR01,C1,2026-01-10,2026-01-01,100.00,EUR\n",
            "payments.csv": "payment_id,customer_id,invoice_id,payment_date,amount,currency\nP1,C2,I1,2026-01-05,982000000.00,EUR\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: source.appendingPathComponent(name)) }
        let store = folder.appendingPathComponent("store").path
        let imported = try CLI.run(["import", source.path, "--into", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("0 rejected rows and 4 warnings written to"))
        let inspect = try CLI.run(["inspect", store])
        #expect(inspect.stdout.contains("4 rows loaded with warnings (1 due_before_issue, 1 paid_before_issue, 1 overpaid, 1 paid_by_other_customer)"))
        #expect(inspect.stdout.contains("payments.csv:2: overpaid: payments allocated to invoice 'I1' reach 982,000,000.00 EUR"))
        let rejects = try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasPrefix("rejects-") }
        #expect(rejects.count == 1)
    }

    /// Item 9: a region named with terminal escapes is shown escaped; CSV keeps it exact.
    @Test func importedTextNeverDrivesTheTerminal() throws {
        let sample = try sampleCopy()
        let customers = sample.appendingPathComponent("customers.csv")
        var text = try String(contentsOf: customers, encoding: .utf8)
        text = text.replacingOccurrences(of: ",EMEA,", with: ",\"EVIL\u{1B}[2J\u{1B}]0;pwned\u{07}\",")
        try Data(text.utf8).write(to: customers)
        let table = try CLI.run(["query", "--data", sample.path, "ar by region"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("EVIL\\x1B[2J\\x1B]0;pwned\\x07"))
        #expect(!table.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let csv = try CLI.run(["query", "--data", sample.path, "ar by region", "--format", "csv"])
        #expect(csv.stdout.contains("EVIL\u{1B}[2J\u{1B}]0;pwned\u{07}"))
        let repl = try CLI.run(["repl", "--data", sample.path], stdin: "ar by region;\n")
        #expect(!repl.stdout.unicodeScalars.contains { $0.value == 0x1B })
    }

    /// Item 10: a store with a damaged manifest says so, instead of "invoices.csv is missing".
    @Test func aDamagedStoreSaysWhichFileIsWrong() throws {
        let folder = try CLI.temporaryFolder()
        let store = folder.appendingPathComponent("store")
        let imported = try CLI.run(["import", "datasets/sample", "--into", store.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let manifest = store.appendingPathComponent("arlens-store.json")
        let whole = try Data(contentsOf: manifest)
        try whole.prefix(whole.count / 2).write(to: manifest)
        let truncated = try CLI.run(["query", "--data", store.path, "ar"])
        #expect(truncated.stderr.contains("arlens-store.json (\(whole.count / 2) bytes) is not valid JSON: it was cut short or damaged"))
        try FileManager.default.removeItem(at: manifest)
        let missing = try CLI.run(["query", "--data", store.path, "ar"])
        #expect(missing.stderr.contains("has a snapshots folder but no arlens-store.json"))
        #expect(!missing.stderr.contains("invoices.csv"))
    }

    /// Item 13: `query -f` on a file that is not UTF-8 says where, not "check the path".
    @Test func aQueryFileThatIsNotUTF8SaysWhere() throws {
        let file = try CLI.temporaryFolder().appendingPathComponent("q.arql")
        try Data(Array("ar by entity\nwhere region = \"".utf8) + [0xC9] + Array("MEA\"\n".utf8)).write(to: file)
        let out = try CLI.run(["query", "-f", file.path])
        #expect(out.status != 0)
        #expect(out.stderr.contains("'\(file.path)' is not valid UTF-8: byte 0xC9 at line 2, column 17"))
        #expect(out.stderr.contains("help: save the file as UTF-8"))
        let missing = try CLI.run(["query", "-f", file.path + ".none"])
        #expect(missing.stderr.contains("no such file"))
    }
}
