import ARImport
import ARQuery
import ARRepl
import ARStore
import Foundation
import Testing

/// One question, one answer: the command line, the REPL's backend and the library give the same
/// result on a store of two snapshots from different ledgers (as of 2026-05-31 and 2026-10-31),
/// for single dates, series across both snapshots, items, forecasts and explain.
@Suite(.serialized)
struct FrontEndParityTests {
    /// The store, built once: a generated May ledger, then the sample as of October.
    static let store: (path: String, may: String) = {
        let folder = try! CLI.temporaryFolder()
        let may = folder.appendingPathComponent("may").path, store = folder.appendingPathComponent("store").path
        for arguments in [["generate", "--invoices", "3000", "--seed", "5", "--as-of", "2026-05-31", "--out", may],
                          ["import", may, "--into", store], ["import", "datasets/sample", "--into", store]] {
            let run = try! CLI.run(arguments)
            precondition(run.status == 0, run.stderr)
        }
        return (store, may)
    }()

    static let statements = [
        "ar as of 2026-05-31",
        "ar, overdue_rate by entity monthly from 2026-03-31 to 2026-07-31",
        "overdue, ar by region monthly from 2026-04-30 to 2026-10-31 order by overdue desc limit 2",
        "aging by entity as of 2026-05-31",
        "dso, cei by entity as of 2026-05-31",
        "items as of 2026-05-31 where dpd > 30 order by open desc limit 5",
        "forecast collections weekly next 4 weeks as of 2026-05-31",
        "explain ar by entity monthly from 2026-04-30 to 2026-06-30",
        "ar by entity",
    ]

    static let library = try! QueryRunner(source: OpenedData.open(path: store.path).source)

    @Test(arguments: statements)
    func theCommandLineTheREPLAndTheLibraryAgree(_ statement: String) throws {
        let cli = try CLI.run(["query", "--data", Self.store.path, "--format", "csv", statement])
        #expect(cli.status == 0, "\(cli.stderr)")
        let fromLibrary = try Self.library.run(statement).map { $0.text(as: .csv) }.joined()
        let repl = try EngineReplBackend(data: OpenedData.open(path: Self.store.path))
        let fromREPL = try repl.run(statement, parameters: [:], format: .csv, maxRows: nil, cancellation: .never).text
        #expect(cli.stdout == fromLibrary)
        #expect(fromREPL == fromLibrary)
        #expect(!fromLibrary.isEmpty)
    }

    /// The question of the issue: before, the REPL and series answered May 31 from the October
    /// snapshot (3,776,095.73 there) while `arlens query` used the May one.
    @Test func aDateIsAnsweredByTheSnapshotCoveringItInEveryFrontEnd() throws {
        let may = try CLI.run(["query", "--data", Self.store.may, "--format", "csv", "ar"]).stdout
        #expect(may.hasPrefix("ar\n"))
        let single = try CLI.run(["query", "--data", Self.store.path, "--format", "csv", "ar as of 2026-05-31"]).stdout
        #expect(single == may)
        let script = try CLI.run(["repl", "--data", Self.store.path], stdin: ".mode csv\nar as of 2026-05-31;\n")
        #expect(script.stdout.contains(may.split(separator: "\n")[1]))
        let series = try CLI.run(["query", "--data", Self.store.path, "--format", "csv", "ar monthly from 2026-04-30 to 2026-06-30"]).stdout
        let lines = series.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[2] == "2026-05-31," + may.split(separator: "\n")[1])
        let october = try CLI.run(["query", "--format", "csv", "ar as of 2026-06-30"]).stdout
        #expect(lines[3] == "2026-06-30," + october.split(separator: "\n")[1])
    }

    @Test func explainNamesTheSnapshotOfEachDate() throws {
        let plan = try CLI.run(["query", "--data", Self.store.path, "explain ar monthly from 2026-04-30 to 2026-06-30"]).stdout
        let ids = Self.library.source.snapshots.map(\.id)
        #expect(plan.contains("Merge 2 snapshot parts by date"))
        #expect(plan.contains("Scan snapshot \(ids[0]) (as of 2026-05-31) at 2 dates from 2026-04-30 to 2026-05-31"))
        #expect(plan.contains("Scan snapshot \(ids[1]) (as of 2026-10-31) as of 2026-06-30"))
    }

    @Test func aSeriesReadsEachSnapshotOnceNotOncePerDate() throws {
        let runner = try QueryRunner(source: OpenedData.open(path: Self.store.path).source, cacheCapacity: 8)
        let plan = try runner.plan(runner.compiler.compile("ar monthly from 2025-11-30 to 2026-10-31")[0])
        #expect(plan.scans.map(\.snapshot.id) == runner.source.snapshots.map(\.id))
        #expect(plan.scans.map(\.dates.count) == [7, 5])
    }
}
