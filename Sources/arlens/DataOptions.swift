import ARCore
import ARImport
import ARQuery
import ARRisk
import ARStore
import ArgumentParser
import Foundation

/// `--data` and `--mapping`, shared by every command that reads a snapshot.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A CSV folder, a SQLite file or a store folder (default: datasets/sample).", valueName: "data"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("A YAML mapping file for a layout other than the interchange one.", valueName: "file"))
    var mapping: String?

    @Option(name: .customLong("perimeter"), help: ArgumentHelp(
        "Read only these rows, e.g. entity=FR01,UK01 or region=EMEA (repeat for several fields).", valueName: "field=values"))
    var perimeterFields: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "The scoring model behind 'score' and 'risk_class' (default: scoring/default.yaml when present).", valueName: "file"))
    var scoring: String?

    /// The perimeter the options name (everything when none).
    func perimeter() throws -> Perimeter {
        var allowed: [String: Set<String>] = [:]
        for field in perimeterFields {
            guard let eq = field.firstIndex(of: "="), eq != field.startIndex else {
                throw ValidationError("--perimeter takes field=value[,value…], found '\(field)'")
            }
            let values = field[field.index(after: eq)...].split(separator: ",").map { String($0) }
            allowed[String(field[..<eq]), default: []].formUnion(values)
        }
        return Perimeter(allowed)
    }

    /// The query options of the run: its perimeter.
    func queryOptions() throws -> QueryOptions {
        QueryOptions(perimeter: try perimeter())
    }

    /// The path asked for, else the bundled sample when run from the repository.
    func resolvedPath() throws -> String {
        if let data { return data }
        if let env = ProcessInfo.processInfo.environment["ARLENS_DATA"] { return env }
        let sample = "datasets/sample"
        guard FileManager.default.fileExists(atPath: sample) else {
            throw CommandFailure("no --data given and no datasets/sample here: pass --data FOLDER, FILE.sqlite or a store folder")
        }
        return sample
    }

    /// Opens the data: a store's history, or a CSV folder or SQLite file imported in memory.
    func open(quiet: Bool = false) throws -> OpenedData {
        let path = try resolvedPath()
        let data = try OpenedData.open(path: path, mapping: mapping, progress: quiet ? nil : ImportProgressView.report)
        Terminal.clearStatus()
        if !data.rejects.isEmpty && !quiet {
            Terminal.error("warning: \(data.rejects.count) rows of '\(path)' were rejected; run 'arlens import' to see them")
        }
        return data
    }

    /// The data opened and a query runner over it.
    func runner(quiet: Bool = false) throws -> QueryRunner {
        try Self.addingRisk(QueryRunner(source: open(quiet: quiet).source), scoring: scoring)
    }

    /// `runner` with the credit-risk metrics: exposure and limits, and scores when a model is found.
    static func addingRisk(_ runner: QueryRunner, scoring: String?) throws -> QueryRunner {
        let runner = runner.adding(providers: RiskMetrics.providers())
        guard let model = try scoringModel(path: scoring, catalog: runner.compiler.catalog) else { return runner }
        return runner.adding(providers: [ScoreProvider(model: model)])
    }

    /// The scoring model asked for, else the default one when run from the repository.
    func scoringModel(catalog: Catalog) throws -> ScoringModel? {
        try Self.scoringModel(path: scoring, catalog: catalog)
    }

    static func scoringModel(path scoring: String?, catalog: Catalog) throws -> ScoringModel? {
        let path = scoring ?? "scoring/default.yaml"
        guard scoring != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try ScoringModelLoader(catalog: catalog).load(path: path)
        } catch let error as ConfigError {
            throw CommandFailure("error: \(error)")
        }
    }
}

/// Shows import progress on a terminal, and nothing when standard error is piped.
enum ImportProgressView {
    static let report: @Sendable (ImportProgress) -> Void = { p in
        guard Terminal.stderrIsTerminal else { return }
        let percent = p.bytesTotal > 0 ? " \(p.bytesDone * 100 / p.bytesTotal)%" : ""
        Terminal.status("reading \(p.file): \(p.rowsDone) rows\(percent)")
    }
}
