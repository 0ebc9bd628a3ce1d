import ARCore
import ARMetrics
import ARStore
import Foundation
import Testing
@testable import ARImport
@testable import ARQuery

/// Whole snapshots, mutated, through the importer, the summary and a few queries; and ARQL text,
/// generated and mutated, through the lexer, parser, binder and planner.
struct PipelineFuzzTests {
    /// The messy fixture (every kind of bad row) and the sample's first rows, per file name.
    static let snapshot: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for (name, bytes) in Fuzz.corpus("datasets/sample", suffix: ".csv", lines: 40) { files[name] = bytes }
        for (name, bytes) in Fuzz.corpus("Tests/ARImportTests/Fixtures/messy", suffix: ".csv") { files[name, default: []] += bytes }
        return files
    }()

    static let queries = ["ar, overdue, overdue_rate, dso by entity", "aging by customer", "items order by open desc limit 5",
                          "forecast collections weekly next 4 weeks", "cei, bad_debt_rate, days_to_pay by region"]

    /// A snapshot folder with one to three files mutated: refused with an import error, or loaded
    /// with a report that reconciles, every amount in range, every date supported; the summary and
    /// the queries then run without a crash (an engine error such as a missing rate is an answer).
    @Test func importPipeline() throws {
        var mutator = Mutator(target: "import")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = Self.snapshot.keys.sorted()
        let count = Fuzz.iterations(default: 400), start = ContinuousClock.now
        for k in 0..<count {
            var files = Self.snapshot
            for _ in 0..<mutator.int(1...3) {
                let name = mutator.pick(names)
                files[name] = mutator.mutate(files[name]!, splicing: Self.snapshot[mutator.pick(names)]!)
            }
            for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
            let result: ImportResult
            do { result = try SnapshotImporter.load(from: folder) } catch { continue }
            check(result, k)
            _ = LedgerSummary(result.ledger).renderedTable
            let runner = QueryRunner(ledger: result.ledger)
            for query in Self.queries { _ = try? runner.run(query).map { $0.text(as: .table) } }
        }
        Fuzz.report("import pipeline", executions: count, since: start)
    }

    private func check(_ result: ImportResult, _ k: Int) {
        #expect(result.report.isReconciled, "import \(k): not reconciled")
        #expect(result.report.rowsRejected == result.rejects.count, "import \(k)")
        let ledger = result.ledger
        let amounts = ledger.documents.amount + ledger.payments.amount + ledger.writeOffs.amount + ledger.promises.amount
        #expect(amounts.allSatisfy { $0 > 0 && MinorUnits.isRepresentable($0) }, "import \(k): amount out of range")
        let days = ledger.documents.issue + ledger.documents.due + ledger.payments.day + ledger.disputes.opened
        #expect(days.allSatisfy { Day(rawValue: $0).isSupported }, "import \(k): date out of range")
        #expect(result.rejects.allSatisfy { $0.line >= 1 && !$0.message.contains("\n") }, "import \(k)")
    }

    static let catalog = Catalog(asOf: Day(iso: "2026-10-31")!, reportingCurrency: .eur, documentAttributes: ["project"],
                                 customerAttributes: ["industry"])
    static let arqlCorpus = Fuzz.corpus("Queries", suffix: ".arql").map(\.bytes) + [
        "ar monthly from 9999-01-31 to 9999-12-31 project 6 months", "forecast collections monthly next 60 months as of 9999-06-30",
        "dso(period: 3 months) over last 1200 months as of 0001-03-31", "ar quarterly from 0001-01-31 to 9999-12-31",
        "items where dpd > 90 and not disputed order by predicted_pay_date desc limit 20 as of 2026-09-30",
        "aging(buckets: [30, 60, 90]) by customer where region = \"EMEA\" having overdue > 10000 order by overdue desc limit 10",
        "explain sql dso, dso(method: countback), bpdso, add by region | chart line title \"x\" width: 800",
    ].map { Array($0.utf8) }

    /// ARQL from the saved queries, mutated, and calendar-edge statements: compiled and planned, or
    /// diagnosed with a span inside the text; never an internal error.
    @Test func arqlFrontEnd() {
        var mutator = Mutator(target: "arql")
        let compiler = QueryCompiler(catalog: Self.catalog)
        let planner = Planner(catalog: Self.catalog)
        let parameters = ["entity": "FR01", "x": "9999-12-31", "n": "99999999999999999999"]
        let count = Fuzz.iterations(default: 40_000), start = ContinuousClock.now
        for k in 0..<count {
            let source = mutator.pick(Self.arqlCorpus)
            let text = String(decoding: mutator.chance(10) ? source : mutator.mutate(source, splicing: mutator.pick(Self.arqlCorpus)),
                              as: UTF8.self)
            do {
                for statement in try compiler.compileTyped(text, parameters: parameters) { _ = planner.plan(statement).explained }
            } catch {
                #expect(error.code != .internalError, "arql \(k): internal error for \(text)")
                #expect(error.span.start <= error.span.end && error.span.end <= text.utf8.count, "arql \(k): span out of range")
                _ = error.rendered(source: text)
            }
        }
        Fuzz.report("ARQL front end", executions: count, since: start)
    }
}
