import ARCore

extension ForecastTable {
    /// A plain-text table: one line per group, amounts in major units of ``currency``.
    ///
    /// ```
    /// region   w 2026-06-01   w 2026-06-08   later   total   disputed   no_history
    /// North          30.00         115.00    96.00   241.00      80.00       225.00
    /// ```
    public var rendered: String {
        let header = (dimensions.isEmpty ? [] : dimensions) + periodLabels + ["later", "total", "disputed", "no_history"]
        var lines: [[String]] = [header]
        for row in rows {
            let keys = row.keys.map { $0 ?? "(none)" }
            let money = (row.periods + [row.later, row.total, row.disputed, row.noHistory])
                .map { MinorUnits.format($0, digits: currency.minorDigits) }
            lines.append(keys + money)
        }
        let widths = header.indices.map { k in lines.map { $0[k].count }.max() ?? 0 }
        let keyCount = dimensions.count
        return lines.map { cells in
            cells.enumerated().map { k, cell in
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                return k < keyCount ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
