import ARCore
import ArgumentParser

/// The `arlens` command line: every subcommand is a thin shell over the library modules.
@main
struct ARLensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arlens",
        abstract: "Receivables analytics: DSO, aging, overdue, disputes and cash forecasts from any ERP snapshot.",
        discussion: """
        With no --data, commands read the bundled sample in datasets/sample.
        Examples:
          arlens query "ar, overdue, overdue_rate by entity"
          arlens chart "aging by customer_group" --out aging.png
          arlens import exports/2026-10 --mapping erp.yaml --into store
          arlens pack render Reports/cfo-monthly.yaml --out out/packs
        """,
        subcommands: [
            ReplCommand.self, QueryCommand.self, ChartCommand.self, ImportCommand.self, InspectCommand.self,
            GenerateCommand.self, BacktestCommand.self, ServeCommand.self, PackCommand.self, ScoreCommand.self, AlertsCommand.self,
        ],
        defaultSubcommand: ReplCommand.self
    )

    // Async because `serve` is (an AsyncParsableCommand root runs sync and async subcommands alike).
    static func main() async {
        HeapTuning.keepFreedMemory()
        await main(nil)
    }
}
