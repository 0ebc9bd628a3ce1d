import ARCharts
import ARCore
import ARPresentation
import ARQuery
import ARStore
import Foundation

// arlens-bench STORE PLAN.json [REPETITIONS] [RELOADS]
// arlens-bench pack STORE PACK.yaml [REPETITIONS]   (see PackBench.swift)
// Reloads the store's latest snapshot until query-ready (a QueryRunner built over it), then runs each
// query of the plan and draws each chart, and prints the timings and resident sizes as JSON.

HeapTuning.keepFreedMemory()  // as `arlens` does: the REPL and the bench run many queries in one process
let arguments = CommandLine.arguments
if arguments.count >= 4, arguments[1] == "pack" {
    // arlens-bench pack STORE PACK.yaml [REPETITIONS]: a report pack rendered from a loaded store.
    do {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        print(String(decoding: try encoder.encode(PackBench.run(arguments)), as: UTF8.self))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("arlens-bench pack: \(error)\n".utf8))
        exit(1)
    }
}
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: arlens-bench STORE PLAN.json [REPETITIONS] [RELOADS]\n".utf8))
    exit(2)
}
let repetitions = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 5) : 5
let reloads = arguments.count > 4 ? max(1, Int(arguments[4]) ?? 3) : 3

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("arlens-bench: \(message)\n".utf8))
    exit(1)
}

do {
    let plan = try JSONDecoder().decode(BenchPlan.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[2])))
    let store = try SnapshotStore(at: URL(fileURLWithPath: arguments[1]))
    let entry = try store.resolve(asOf: nil)

    // Each reload drops the previous runner first, so the resident size is that of one ledger.
    var runner: QueryRunner?
    var reloadMs: [Double] = [], runnerMs: [Double] = []
    for _ in 0..<reloads {
        runner = nil
        let (loadMs, ledger) = try BenchClock.time { try store.load(entry) }
        let (buildMs, loaded) = try BenchClock.time { QueryRunner(ledger: ledger) }
        reloadMs.append(loadMs + buildMs)
        runnerMs.append(buildMs)
        runner = loaded
    }
    guard let runner else { fail("no reload ran") }
    var report = BenchReport(reloadMs: reloadMs, reloadMedianMs: median(reloadMs),
                             rssAfterLoadKB: BenchClock.statusKB("VmRSS"))
    report.runnerMs = runnerMs

    for query in plan.queries {
        var times: [Double] = []
        var csv = ""
        for _ in 0..<repetitions {
            let (ms, outcomes) = try BenchClock.time { try runner.run(query.arql, parameters: query.params ?? [:]) }
            times.append(ms)
            csv = outcomes.map { $0.text(as: .csv) }.joined(separator: "\n")
        }
        report.queries.append(.init(id: query.id, ms: times, medianMs: median(times), csv: csv))
    }

    for chart in plan.charts {
        guard let outcome = try runner.run(chart.arql).last, case let .table(result, spec, _) = outcome else {
            fail("chart \(chart.id) gave no table")
        }
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<repetitions {
            // The chart model is built from the result and drawn, as `arlens chart` does after the query.
            let (ms, png) = try BenchClock.time {
                try ChartRenderer.render(ChartBuilder.chart(for: result, spec: spec), format: .png,
                                         size: ChartSize(width: chart.width, height: chart.height))
            }
            times.append(ms)
            bytes = png.count
        }
        report.charts.append(.init(id: chart.id, ms: times, medianMs: median(times), csv: outcome.text(as: .csv),
                                   pngBytes: bytes))
    }

    report.rssAfterQueriesKB = BenchClock.statusKB("VmRSS")
    report.peakResidentKB = BenchClock.statusKB("VmHWM")
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
} catch {
    fail("\(error)")
}
