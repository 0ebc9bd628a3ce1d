import ARCore

extension ForecastTable {
    /// A plain-text table, one line per period (then `later`) and group, with the rule parts and
    /// their total; amounts in major units of ``currency``.
    ///
    /// ```
    /// week        region  promise  behaviour  dispute  no_history  total
    /// 2026-06-01  North      0.00       0.00     0.00       30.00  30.00
    /// ```
    public var rendered: String {
        let header = [granularity == .weekly ? "week" : "month"] + dimensions
            + ForecastRule.allCases.map(\.name) + ["total"]
        var lines: [[String]] = [header]
        for (label, k) in zip(periodLabels + ["later"], 0...periodStarts.count) {
            for row in rows {
                let amounts = k < row.periods.count ? row.periods[k] : row.later
                let money = (ForecastRule.allCases.map { amounts[$0] } + [amounts.total])
                    .map { MinorUnits.format($0, digits: currency.minorDigits) }
                lines.append([label] + row.keys.map { $0 ?? "(none)" } + money)
            }
        }
        let widths = header.indices.map { k in lines.map { $0[k].count }.max() ?? 0 }
        let textColumns = 1 + dimensions.count
        return lines.map { cells in
            cells.enumerated().map { k, cell in
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                return k < textColumns ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
