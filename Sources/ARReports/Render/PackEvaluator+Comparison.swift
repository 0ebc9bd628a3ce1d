import ARCharts
import ARCore
import ARQuery

extension PackEvaluator {
    /// The statement's figures as of the pack's date and as of each earlier date, with the change:
    /// money as a difference and a percentage, ratios and percentages in points, days as a difference.
    func comparison(_ query: PackQuery, against: [ComparisonDate], title: String?, recorder: inout UseRecorder,
                    notes: inout [String]) throws(PackRenderError) -> TableData {
        let dates = [parameters.asOf] + against.map(parameters.date(of:))
        var results: [ResultSet] = []
        for date in dates {
            let statement = try compile(query, asOf: date).last!
            if let span = statement.timeSpan {
                var error = failure(query, "expected a comparison without a date, found one", help: "the pack gives the dates; drop the time clause")
                error.location = query.locate(span.start)
                throw error
            }
            let result = try run(statement, of: query, recorder: &recorder, notes: &notes)
            guard result.rows.count == 1, !result.columns.contains(where: { $0.type == .string || $0.type == .date }) else {
                throw failure(query, "expected a comparison of figures without 'by' or a series, found \(result.rows.count) rows",
                              help: "compare totals, e.g. 'ar, overdue, overdue_rate, dso'")
            }
            results.append(result)
        }
        let now = results[0]
        var header = ["figure", dates[0].iso]
        for (k, date) in against.enumerated() { header += [dates[k + 1].iso, "vs \(date.heading)"] }
        func rows(whole: Bool) -> [[String]] {
            now.columns.indices.map { column -> [String] in
                let type = now.columns[column].type
                var cells = [now.columns[column].name, CellText.display(now.rows[0][column], type, now.currency, whole: whole)]
                for earlier in results.dropFirst() {
                    cells.append(CellText.display(earlier.rows[0][column], type, earlier.currency, whole: whole))
                    cells.append(Self.change(from: earlier.rows[0][column], to: now.rows[0][column], type: type,
                                             currency: now.currency, whole: whole))
                }
                return cells
            }
        }
        return TableData(title: title, subtitle: "as of \(dates[0].iso) against " + against.map(\.phrase).joined(separator: " and ")
                         + " · money in \(now.currency.code)",
                         header: header, rows: rows(whole: false), alignments: [.leading] + Array(repeating: .trailing, count: header.count - 1),
                         money: "money in \(now.currency.code)", wholeUnitRows: rows(whole: true))
    }

    /// `+1,234.50 (+4.2%)`, `+3.4 pts`, `+2.1 days`, `+12`; `–` when either value is missing.
    static func change(from old: ResultValue, to new: ResultValue, type: ResultType, currency: Currency, whole: Bool = false) -> String {
        switch (old, new) {
        case let (.money(a), .money(b)):
            let (difference, overflow) = b.subtractingReportingOverflow(a)
            guard !overflow else { return "–" }
            let percent = a != 0 ? " (" + signed(Double(difference) / Double(abs(a)) * 100, decimals: 1) + "%)" : ""
            return (difference > 0 ? "+" : "") + CellText.display(.money(difference), .money, currency, whole: whole) + percent
        case let (.integer(a), .integer(b)):
            return (b >= a ? "+" : "") + ResultFormatter.display(.integer(b - a), .count, currency)
        case let (.number(a), .number(b)):
            switch type {
            case .ratio: return signed((b - a) * 100, decimals: 1) + " pts"
            case .percent: return signed(b - a, decimals: 1) + " pts"
            case .days: return signed(b - a, decimals: 1) + " days"
            default: return signed(b - a, decimals: 1)
            }
        default:
            return "–"
        }
    }

    /// `+4.2`, `-0.3`, `0.0`.
    static func signed(_ value: Double, decimals: Int) -> String {
        let body = ValueFormat.number(decimals: decimals).label(value)
        return value > 0 && body.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "+" + body : body
    }
}
