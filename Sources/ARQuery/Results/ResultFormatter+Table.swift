import ARCore

extension ResultFormatter {
    /// An aligned text table: text left-aligned, numbers right-aligned, money with thousands
    /// separators and the currency's digits, ratios as percentages.
    ///
    /// ```
    /// entity  ar            overdue_rate
    /// ------  ------------  ------------
    /// FR01    1,234,567.89         25.0%
    /// ```
    static func table(_ result: ResultSet) -> String {
        let header = result.columns.map(\.name)
        let cells = result.rows.map { row in row.indices.map { display(row[$0], result.columns[$0].type, result.currency) } }
        var widths = header.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        let rightAligned = result.columns.map { $0.type != .string && $0.type != .date }
        func line(_ fields: [String]) -> String {
            var parts: [String] = []
            for (i, field) in fields.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - field.count)
                parts.append(rightAligned[i] ? pad + field : field + pad)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [line(header), line(widths.map { String(repeating: "-", count: $0) })]
        lines += cells.map(line)
        let count = result.rows.count
        lines.append("(\(count) row\(count == 1 ? "" : "s"), money in \(result.currency.code))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// How a value reads in a table.
    public static func display(_ value: ResultValue, _ type: ResultType, _ currency: Currency) -> String {
        switch value {
        case .null: type == .string ? "(none)" : "-"
        case let .string(s): s
        case let .date(d): d.iso
        case let .money(m): NumberText.grouped(MinorUnits.format(m, digits: currency.minorDigits))
        case let .integer(n): NumberText.grouped(String(n))
        case let .number(x):
            switch type {
            case .ratio: NumberText.grouped(NumberText.decimal(x * 100, digits: 1, trim: false)) + "%"
            case .points: (x > 0 ? "+" : "") + NumberText.grouped(NumberText.decimal(x, digits: 1, trim: false)) + " pp"
            default: NumberText.grouped(NumberText.decimal(x, digits: 1, trim: false))
            }
        }
    }
}
