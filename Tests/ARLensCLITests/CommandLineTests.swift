import Foundation
import Testing

/// The `arlens` binary on the bundled sample, end to end.
@Suite(.serialized)
struct CommandLineTests {
    @Test func importsTheSampleOnceAndReconciles() throws {
        let store = try CLI.temporaryFolder().appendingPathComponent("store").path
        let first = try CLI.run(["import", "datasets/sample", "--into", store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("added snapshot 2026-10-31-"))
        #expect(!first.stdout.contains("rejected rows"))
        let again = try CLI.run(["import", "datasets/sample", "--into", store])
        #expect(again.status == 0)
        #expect(again.stdout.contains("is already in"))
        let inspect = try CLI.run(["inspect", store])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("invoices"))
        // The store answers exactly as the CSV folder it came from.
        let fromStore = try CLI.run(["query", "--data", store, "ar, overdue by entity", "--format", "csv"])
        let fromCSV = try CLI.run(["query", "ar, overdue by entity", "--format", "csv"])
        #expect(fromStore.status == 0 && fromCSV.status == 0)
        #expect(fromStore.stdout == fromCSV.stdout)
        #expect(fromStore.stdout.hasPrefix("entity,ar,overdue\n"))
    }

    @Test func printsJSONWithDimensionsFirst() throws {
        let out = try CLI.run(["query", "ar, overdue_rate by entity as of 2026-09-30", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let columns = (json?["columns"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(columns == ["entity", "ar", "overdue_rate"])
        let rows = json?["rows"] as? [[Any]]
        #expect((rows?.count ?? 0) >= 2)
    }

    @Test func bindsParametersWithoutSplicingThem() throws {
        let out = try CLI.run(["query", "ar by entity where entity = $entity", "--param", "entity=FR01", "--format", "csv"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("FR01,") == true)
        let hostile = try CLI.run(["query", "ar by entity where entity = $entity", "--param", "entity=FR01\" or 1=1 --", "--format", "csv"])
        #expect(hostile.status == 0)
        #expect(hostile.stdout == "entity,ar\n")
    }

    @Test func aTypoShowsTheQueryWithACaretAndAHelpLine() throws {
        let out = try CLI.run(["query", "ar by custmer_group"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("custmer_group"))
        #expect(out.stderr.contains("^^^^^^^^^^^^^"))
        #expect(out.stderr.contains("did you mean 'customer_group'?"))
    }

    @Test func drawsChartsInEveryFormat() throws {
        let folder = try CLI.temporaryFolder()
        let magic: [String: [UInt8]] = ["png": [0x89, 0x50, 0x4E, 0x47], "svg": Array("<?xml".utf8), "pdf": Array("%PDF".utf8)]
        for (ext, prefix) in magic {
            let path = folder.appendingPathComponent("aging.\(ext)").path
            let out = try CLI.run(["chart", "aging by customer_group", "--out", path])
            #expect(out.status == 0, "\(out.stderr)")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(Array(bytes.prefix(prefix.count)) == prefix, "\(ext)")
        }
        let bad = try CLI.run(["chart", "ar by entity", "--out", folder.appendingPathComponent("x.gif").path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains(".png, .svg or .pdf"))
    }

    @Test func runsAPipedScriptAndStopsAtTheFirstError() throws {
        let ok = try CLI.run(["repl"], stdin: "ar by entity;\n.mode csv\ncount;\n")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("FR01"))
        let failing = try CLI.run(["repl"], stdin: "ar by entity;\nar by entiy;\ncount;\n")
        #expect(failing.status != 0)
        #expect(failing.stderr.contains("did you mean 'entity'?"))
    }

    @Test func generatesADeterministicLedger() throws {
        let folder = try CLI.temporaryFolder()
        let a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
        #expect(try CLI.run(["generate", "--invoices", "500", "--seed", "9", "--as-of", "2026-06-30", "--out", a]).status == 0)
        #expect(try CLI.run(["generate", "--invoices", "500", "--seed", "9", "--as-of", "2026-06-30", "--out", b]).status == 0)
        let invoicesA = try Data(contentsOf: URL(fileURLWithPath: a + "/invoices.csv"))
        let invoicesB = try Data(contentsOf: URL(fileURLWithPath: b + "/invoices.csv"))
        #expect(invoicesA == invoicesB)
        let query = try CLI.run(["query", "--data", a, "count, customers"])
        #expect(query.status == 0, "\(query.stderr)")
    }

    @Test func backtestsTheSampleAndBeatsBothBaselines() throws {
        let out = try CLI.run(["backtest", "--cut-off", "2026-06-30", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let methods = (json?["methods"] as? [[String: Any]]) ?? []
        func figure(_ name: String, _ key: String) -> Double {
            methods.first { $0["name"] as? String == name }?[key] as? Double ?? .nan
        }
        for baseline in ["due_date", "due_date_plus_ledger_delay"] {
            #expect(figure("arlens", "wape") < figure(baseline, "wape"))
            #expect(figure("arlens", "maeDays") < figure(baseline, "maeDays"))
        }
        let bad = try CLI.run(["backtest", "--cut-off", "2030-01-01"])
        #expect(bad.status != 0)
    }

    @Test func projectsATrendAndListsPredictedPayDates() throws {
        let trend = try CLI.run(["query", "dso by entity monthly from 2025-10-31 to 2026-10-31 project 6 months", "--format", "csv"])
        #expect(trend.status == 0, "\(trend.stderr)")
        #expect(trend.stdout.hasPrefix("date,entity,dso,dso_lower,dso_upper\n"))
        #expect(trend.stdout.contains("2027-04-30,FR01,"))
        let items = try CLI.run(["query", "items where dpd > 30 order by open desc limit 5", "--format", "csv"])
        #expect(items.status == 0, "\(items.stderr)")
        #expect(items.stdout.split(separator: "\n").first?.contains("predicted_pay_date") == true)
        #expect(items.stdout.split(separator: "\n").count == 6)
    }

    @Test func explainSQLRunsInSQLiteAndGivesTheSameFigures() throws {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["generate", "--invoices", "800", "--seed", "5", "--as-of", "2026-06-30", "--out", folder.path,
                             "--format", "sqlite"]).status == 0)
        let file = folder.appendingPathComponent("ledger.sqlite").path
        let query = "ar, overdue, dso by entity"
        let sql = try CLI.run(["query", "--data", file, "explain sql \(query)"])
        #expect(sql.status == 0, "\(sql.stderr)")
        #expect(sql.stdout.hasPrefix("WITH RECURSIVE"))
        let engine = try CLI.run(["query", "--data", file, query, "--format", "csv"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-csv", file]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(sql.stdout.utf8))
        try input.fileHandleForWriting.close()
        let rows = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Money agrees to the cent: compare the entity and the two balances of each row.
        func money(_ text: String, minor: Bool) -> [String] {
            text.split(separator: "\n").map { line in
                let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let cents = f[1...2].map { String(Int64(minor ? $0 : $0.replacingOccurrences(of: ".", with: "")) ?? -1) }
                return ([f[0]] + cents).joined(separator: ",")
            }
        }
        #expect(money(rows, minor: true) == Array(money(engine.stdout, minor: false).dropFirst()))
    }

    @Test func aStoreAnswersAnEarlierDayFromTheSnapshotCoveringIt() throws {
        let folder = try CLI.temporaryFolder()
        let june = folder.appendingPathComponent("june").path, store = folder.appendingPathComponent("store").path
        #expect(try CLI.run(["generate", "--invoices", "1500", "--seed", "3", "--as-of", "2026-06-30", "--out", june]).status == 0)
        #expect(try CLI.run(["import", june, "--into", store]).status == 0)
        #expect(try CLI.run(["import", "datasets/sample", "--into", store]).status == 0)
        let fromStore = try CLI.run(["query", "--data", store, "ar, count as of 2026-05-31", "--format", "csv"])
        let fromJune = try CLI.run(["query", "--data", june, "ar, count as of 2026-05-31", "--format", "csv"])
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        #expect(fromStore.stdout == fromJune.stdout)
        let latest = try CLI.run(["query", "--data", store, "count", "--format", "csv"])
        let sample = try CLI.run(["query", "count", "--format", "csv"])
        #expect(latest.stdout == sample.stdout)
        let after = try CLI.run(["query", "--data", store, "count as of 2026-11-30"])
        #expect(after.status != 0)
        #expect(after.stderr.contains("2026-10-31"))
    }
}
