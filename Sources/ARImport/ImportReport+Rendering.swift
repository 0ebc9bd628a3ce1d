import ARCore

extension ImportReport {
    /// A plain-text table: one line per file and currency, then a verdict.
    public var rendered: String {
        var notes: [Int: String] = [:]   // after row index: a line outside the columns
        var rows: [[String]] = [["file", "table", "read", "loaded", "rejected", "currency", "amount read", "loaded", "rejected"]]
        for f in files {
            let counts = [DisplayText.escaped(f.file), f.table, String(f.rowsRead), String(f.rowsLoaded), String(f.rowsRejected)]
            if f.amounts.isEmpty { rows.append(counts + ["", "", "", ""]) }
            for (k, a) in f.amounts.enumerated() {
                let digits = Currency(code: a.currency)?.minorDigits ?? 2
                let money = [a.read, a.loaded, a.rejected].map { MinorUnits.format($0, digits: digits) }
                rows.append((k == 0 ? counts : ["", "", "", "", ""]) + [a.currency] + money)
            }
            if f.unreadAmountRows > 0 { notes[rows.count - 1] = "\(f.unreadAmountRows) rows with an unreadable amount" }
        }
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var text = ""
        for (r, row) in rows.enumerated() {
            let cells = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c >= 2 && c != 5 ? pad + cell : cell + pad
            }
            text += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            if r == 0 { text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
            if let note = notes[r] { text += String(repeating: " ", count: widths[0] + 2) + "(" + note + ")\n" }
        }
        text += "as of \(asOf)" + (asOfOrigin.map { " (\($0))" } ?? "") + ", reporting currency \(reportingCurrency): "
        text += isReconciled ? "reconciled, \(rowsRejected) of \(rowsRead) rows rejected\n" : "NOT reconciled\n"
        for ids in mergedIDs where ids.merged > 0 {
            text += "\(ids.column): \(ids.merged) of \(ids.distinctRead) distinct ids merged into another by the mapping's normalisation\n"
        }
        for notice in notices { text += "warning: \(notice)\n" }
        return text + renderedFlags()
    }

    /// Flagged rows shown under the report; the rest are in the rejects file.
    public static let flagsShown = 20

    /// The warnings: a count per kind, then the first flagged rows with file and line.
    public func renderedFlags(limit: Int = flagsShown) -> String {
        guard rowsFlagged > 0 else { return "" }
        let kinds = flagCounts.map { "\($0.rows) \($0.kind)" }.joined(separator: ", ")
        var text = "\(rowsFlagged) row\(rowsFlagged == 1 ? "" : "s") loaded with warnings (\(kinds)): check them before trusting a figure\n"
        for flag in flags.prefix(limit) {
            text += "  \(DisplayText.escaped(flag.file)):\(flag.line): \(flag.kind): \(DisplayText.escaped(flag.message))\n"
        }
        if rowsFlagged > min(limit, flags.count) {
            text += "  … \(rowsFlagged - min(limit, flags.count)) more: every flagged row is in the rejects file as a warning\n"
        }
        return text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

