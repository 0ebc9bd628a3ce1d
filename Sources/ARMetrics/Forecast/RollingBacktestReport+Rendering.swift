import ARCore

extension RollingBacktestReport {
    /// A plain-text table: one line per scored cut-off (collections, settled invoices, then
    /// `WAPE / MAE` per method), the skipped cut-offs, then the summary per method.
    public var rendered: String {
        let names = methods.map(\.name)
        let digits = Currency(code: currency)?.minorDigits ?? 2
        let step = switch every { case .day: "daily"; case .week: "weekly"; case .month: "month-end" }
        var lines = ["rolling backtest: \(cutOffs.count) \(step) cut-offs scored from \(from) to \(to), "
            + "\(skipped.count) skipped; \(weeks) weeks each, amounts in \(currency), WAPE / MAE in days"]
        lines.append(row(["cut-off", "actual", "settled"] + names))
        for cut in cutOffs {
            lines.append(row([cut.asOf, MinorUnits.formatGrouped(cut.actual, digits: digits), String(cut.settledInvoices)]
                + cut.methods.map { percentText($0.wape) + " / " + daysText($0.maeDays) }))
        }
        for skip in skipped {
            let why = skip.reason == .actualsIncomplete ? "the ledger ends before the last week" : "nothing collected within the weeks"
            lines.append("skipped \(skip.asOf): \(why)")
        }
        lines.append(row(["", "", ""] + names))
        lines.append(row(["mean WAPE", "", ""] + methods.map { percentText($0.meanWAPE) }))
        lines.append(row(["pooled WAPE", "", ""] + methods.map { percentText($0.pooledWAPE) }))
        for w in 0..<weeks {
            lines.append(row(["  week \(w + 1)", "", ""] + methods.map { percentText($0.pooledWAPEByWeek[w]) }))
        }
        lines.append(row(["mean MAE days", "", ""] + methods.map { daysText($0.meanMAEDays) }))
        lines.append(row(["pooled MAE days", "", ""] + methods.map { daysText($0.pooledMAEDays) }))
        lines.append(row(["best WAPE", "", ""] + methods.map { "\($0.bestWAPE) of \(cutOffs.count)" }))
        lines.append(row(["best MAE", "", ""] + methods.map { "\($0.bestMAE) of \(cutOffsWithMAE)" }))
        lines.append("best: lower than both other methods; cut-offs with a shared lowest: \(tiedWAPE) on WAPE, \(tiedMAE) on MAE")
        return lines.joined(separator: "\n")
    }

    private func row(_ cells: [String]) -> String {
        cells.enumerated().map { k, cell in
            let width = k < 3 ? [15, 16, 8][k] : 28
            let pad = String(repeating: " ", count: max(0, width - cell.count))
            return k == 0 ? cell + pad : pad + cell
        }.joined(separator: " ")
    }
}
