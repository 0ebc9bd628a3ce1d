import ARCore

extension LedgerSummary {
    /// The summary as plain text tables, for a terminal.
    public var renderedTable: String {
        var out = "snapshot as of \(asOf), reporting currency \(reportingCurrency)"
        if let source { out += ", source '\(DisplayText.escaped(source))'" }
        if openItemsOnly == true {
            out += "\nopen items only: no payment and no write-off, so dso, bpdso, add, cei, days_to_pay, days_late, "
                + "collections and the forecast by payment behaviour cannot be measured from this ledger"
        }
        out += "\n\n" + TextTable(header: ["table", "rows"], rightAligned: [1],
                                  rows: counts.map { [$0.table, grouped(String($0.rows))] }).rendered
        out += "\n\n" + TextTable(header: ["table", "column", "first", "last"], rightAligned: [],
                                  rows: dateRanges.map { [$0.table, $0.column, $0.first ?? "-", $0.last ?? "-"] }).rendered
        out += "\n\n" + TextTable(
            header: ["entity", "currency", "invoices", "credit notes", "invoiced", "credited", "open items", "open at \(asOf)"],
            rightAligned: [2, 3, 4, 5, 6, 7],
            rows: totals.map { t in
                [DisplayText.escaped(t.entity), t.currency, grouped(String(t.invoices)), grouped(String(t.creditNotes)),
                 grouped(MinorUnits.format(t.invoiced, digits: t.digits)), grouped(MinorUnits.format(t.credited, digits: t.digits)),
                 grouped(String(t.openItems)), grouped(MinorUnits.format(t.open, digits: t.digits))]
            }).rendered
        return out + "\n"
    }
}

/// `1234567.89` as `1,234,567.89`.
private func grouped(_ number: String) -> String {
    let negative = number.hasPrefix("-")
    let body = negative ? number.dropFirst() : Substring(number)
    let integer = body.prefix { $0 != "." }
    let rest = body.dropFirst(integer.count)
    var out = ""
    for (i, ch) in integer.enumerated() {
        if i > 0, (integer.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return (negative ? "-" : "") + out + rest
}

/// Columns padded to their widest cell, two spaces apart.
private struct TextTable {
    let header: [String]
    let rightAligned: Set<Int>
    let rows: [[String]]

    var rendered: String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - row[c].count)
                return rightAligned.contains(c) ? pad + row[c] : row[c] + (c == row.count - 1 ? "" : pad)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
