import ARCore
import Foundation

/// Writes synthetic, realistic receivables ledgers in the interchange layout (interchange.md).
///
/// Five entities in EUR, GBP, USD and JPY, monthly FX rates to EUR, customers with groups,
/// segments, regions, countries, sales reps and terms, and per-customer payment behaviour
/// (prompt, late, chronic, defaulting), with credit notes, partial and split payments, cash on
/// account, disputes, promises kept and broken, dunning and write-offs, over `historyMonths`.
///
/// ```swift
/// let config = GeneratorConfig(invoices: 20_000, seed: 7, asOf: Day(iso: "2026-10-31")!)
/// let summary = try LedgerGenerator.write(config, to: folder, format: .csv)
/// ```
///
/// Customers are simulated one at a time and their rows streamed to the files, so memory stays
/// bounded by the largest customer whatever the ledger's size. The same config gives the same
/// bytes.
public enum LedgerGenerator {
    /// Generates the ledger described by `config` into `directory` (created if needed).
    /// - Parameter progress: called every 10,000 documents, and once at the end.
    /// - Throws: ``GeneratorError`` when a file cannot be written or the config is invalid.
    @discardableResult
    public static func write(_ config: GeneratorConfig, to directory: URL, format: OutputFormat,
                             progress: GeneratorProgress? = nil) throws -> GeneratorSummary {
        guard config.invoices >= 1 else { throw GeneratorError(message: "invoices must be at least 1, got \(config.invoices)") }
        guard (1...120).contains(config.historyMonths) else {
            throw GeneratorError(message: "history months must be between 1 and 120, got \(config.historyMonths)")
        }
        let output = try SnapshotOutput(directory: directory, format: format, snapshot: [
            ("as_of", config.asOf.iso), ("reporting_currency", "EUR"), ("source", config.source),
        ])
        try writeReferenceTables(config, to: output)
        let volumes = (0..<config.customerCount).map { index in
            var random = CustomerProfile.randomSource(seed: config.seed, index: index)
            return CustomerProfile(index: index, random: &random).volume
        }
        let totalVolume = volumes.reduce(0, +)
        var ids = IDCounters()
        var cumulative = 0
        var reported = 0
        for (index, volume) in volumes.enumerated() {
            // Documents are shared out in proportion to volume, so that they add up exactly.
            let before = config.invoices * cumulative / totalVolume
            cumulative += volume
            let count = config.invoices * cumulative / totalVolume - before
            var random = CustomerProfile.randomSource(seed: config.seed, index: index)
            let profile = CustomerProfile(index: index, random: &random)
            var history = CustomerHistory(profile: profile, random: random, config: config)
            history.simulate(documentCount: count, ids: &ids)
            try history.write(to: output, ids: &ids)
            if let progress, ids.document - reported >= 10_000 {
                reported = ids.document
                progress(reported, config.invoices)
            }
        }
        try output.finish()
        progress?(config.invoices, config.invoices)
        let rows = Dictionary(uniqueKeysWithValues: InterchangeTable.allCases.map { ($0.rawValue, output.rowCount($0)) })
        return GeneratorSummary(rows: rows, files: output.files, asOf: config.asOf.iso, seed: config.seed)
    }

    private static func writeReferenceTables(_ config: GeneratorConfig, to output: SnapshotOutput) throws {
        for e in GeneratorCatalog.entities { try output.write(.entities, [e.id, e.name, e.currency.code, e.country]) }
        // One rate per currency on the first of each month, from the month history starts.
        var random = RandomSource(seed: config.seed, stream: 0)
        var rates = GeneratorCatalog.fxSeries.map(\.start)
        var month = config.historyStart.startOfMonth
        while month <= config.asOf {
            for (k, series) in GeneratorCatalog.fxSeries.enumerated() {
                rates[k] += Int64(random.int(-series.step...series.step))
                try output.write(.fxRates, [month.iso, series.currency, ExactRate(mantissa: rates[k], scale: series.scale).description])
            }
            month = month.adding(months: 1)
        }
    }
}
