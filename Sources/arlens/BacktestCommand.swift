import ARCore
import ARImport
import ARMetrics
import ARStore
import ArgumentParser
import Foundation

/// `arlens backtest`: how well the cash forecast of one date matched what was collected after it.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Measure the cash forecast against the collections recorded after its date.",
        discussion: """
        Either forecast from --data at its as-of date and compare with a later snapshot (--actuals),
        replay one snapshot at an earlier --cut-off date, or replay it at every cut-off of a range
        and summarise (--cut-offs FROM:TO, a rolling forecasting origin: every 7 days from FROM,
        every day with --every day, every month end with --every month). ARLens's forecast is
        scored with the two baselines (due date, due date plus the ledger's mean delay): WAPE over
        the weeks and amount-weighted MAE in days. See docs/forecasting.md.
        Examples:
          arlens backtest --data exports/2026-03 --actuals exports/2026-06
          arlens backtest --data datasets/sample --cut-off 2026-06-30 --weeks 13 --format json
          arlens backtest --data datasets/sample --cut-offs 2025-11-01:2026-08-02 --every day
        """
    )

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: ArgumentHelp("A later snapshot of the same ledger, read with the same --mapping.", valueName: "data"))
    var actuals: String?

    @Option(name: .customLong("cut-off"), help: ArgumentHelp("Replay --data as of this date (YYYY-MM-DD).", valueName: "date"))
    var cutOff: String?

    @Option(name: .customLong("cut-offs"), help: ArgumentHelp(
        "Replay --data at every cut-off from FROM to TO (YYYY-MM-DD:YYYY-MM-DD) and summarise.", valueName: "from:to"))
    var cutOffs: String?

    @Option(name: .long, help: "With --cut-offs: day, week (every 7 days from FROM, so FROM's weekday) or month (each month end).")
    var every: RollingBacktest.Step?

    @Option(name: .long, help: "Number of weeks compared (1 to 260).")
    var weeks: Int = 13

    @Option(name: .long, help: "Output format: table or json.")
    var format: BacktestFormat = .table

    enum BacktestFormat: String, ExpressibleByArgument { case table, json }

    func validate() throws {
        guard [actuals, cutOff, cutOffs].count(where: { $0 != nil }) == 1 else {
            throw ValidationError("give one of --actuals LATER_SNAPSHOT, --cut-off YYYY-MM-DD or --cut-offs FROM:TO")
        }
        if every != nil, cutOffs == nil {
            throw ValidationError("--every applies to a range of cut-offs: add --cut-offs FROM:TO")
        }
        if let cutOffs { _ = try Self.range(cutOffs) }
        guard (1...260).contains(weeks) else {
            throw ValidationError("--weeks must be between 1 and 260, found \(weeks)")
        }
        if let cutOff, Day(iso: cutOff) == nil {
            throw ValidationError("--cut-off '\(cutOff)' is not a real YYYY-MM-DD day")
        }
    }

    func run() throws {
        let snapshot = try data.open(quiet: true).latestLedger()
        if let cutOffs {
            return try runRolling(snapshot, range: Self.range(cutOffs))
        }
        let report: BacktestReport
        do {
            if let actuals {
                let later = try OpenedData.open(path: actuals, mapping: data.mapping).latestLedger()
                if later.snapshot.asOf == snapshot.snapshot.asOf {
                    throw CommandFailure("--actuals is as of \(later.snapshot.asOf.iso), like --data: nothing was collected after it; "
                        + "give a later snapshot, or replay --data with --cut-off")
                }
                report = try Backtest.run(snapshot: snapshot, actuals: later, weeks: weeks)
            } else {
                let day = Day(iso: cutOff!)!
                try Self.check(day, option: "--cut-off", in: snapshot)
                report = try Backtest.run(ledger: snapshot, cutOff: day, weeks: weeks)
            }
        } catch let error as MetricError {
            throw CommandFailure(error.message)
        }
        try printReport(report, rendered: report.rendered)
    }

    /// Prints `report` as `rendered` text or as JSON, as `--format` asks.
    func printReport(_ report: some Encodable, rendered: String) throws {
        switch format {
        case .table:
            print(rendered)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
    }

    /// A replay needs a cut-off inside the ledger's history: after the first issue date (else
    /// nothing is open) and before its as-of date (else nothing is collected after it).
    static func check(_ cutOff: Day, option: String, in ledger: Ledger) throws {
        let asOf = ledger.snapshot.asOf
        guard let first = ledger.documents.issue.min().map(Day.init(rawValue:)) else {
            throw CommandFailure("the snapshot has no documents: nothing to forecast")
        }
        guard cutOff >= first, cutOff < asOf else {
            throw CommandFailure("\(option) \(cutOff.iso) is outside the data, which runs from \(first.iso) to \(asOf.iso): "
                + "give a date on or after \(first.iso) and before \(asOf.iso)")
        }
    }
}
