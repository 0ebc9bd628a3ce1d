import ARCharts
import ARCore
import ARQuery

extension PackEvaluator {
    /// The statement's figures as of the pack's date beside their values a month, a quarter or a
    /// year before, with the change, through ARQL's own `compare previous …` (money, days and
    /// counts as a difference and a percent, ratios and CEI in percentage points).
    func comparison(_ query: PackQuery, against: [ComparisonDate], title: String?, recorder: inout UseRecorder,
                    notes: inout [String]) throws(PackRenderError) -> TableData {
        var results: [ResultSet] = []
        for date in against {
            let statement = try compile(query).last!
            if let span = statement.timeSpan {
                var error = failure(query, "expected a comparison without a date, found one", help: "the pack gives the dates; drop the time clause")
                error.location = query.locate(span.start)
                throw error
            }
            guard case var .metrics(s) = statement.bound, s.query.dimensions.isEmpty, s.comparison == nil else {
                throw failure(query, "expected figures without 'by' or 'compare' for a comparison block, found more",
                              help: "write the figures alone, e.g. 'ar, overdue, overdue_rate, dso'")
            }
            s.comparison = Comparison(unit: date.unit, previous: parameters.date(of: date))
            results.append(try run(CompiledStatement(bound: .metrics(s), span: statement.span), of: query, recorder: &recorder, notes: &notes))
        }
        guard let first = results.first else { throw failure(query, "expected at least one date to compare with, found none") }
        let metrics = first.columns.indices.filter { index in first.columns.contains { $0.name == first.columns[index].name + "_previous" } }
        var header = ["figure", parameters.asOf.iso]
        for date in against { header += [parameters.date(of: date).iso, "vs \(date.heading)"] }
        func rows(whole: Bool) -> [[String]] {
            metrics.map { index in
                let type = first.columns[index].type
                var cells = [first.columns[index].name, CellText.display(first.rows[0][index], type, first.currency, whole: whole)]
                for result in results {
                    cells.append(CellText.display(result.rows[0][index + 1], type, result.currency, whole: whole))
                    cells.append(Self.change(of: index, in: result, whole: whole))
                }
                return cells
            }
        }
        return TableData(title: title, subtitle: "as of \(parameters.asOf.iso) against " + against.map(\.phrase).joined(separator: " and ")
                         + " · money in \(first.currency.code)",
                         header: header, rows: rows(whole: false), alignments: [.leading] + Array(repeating: .trailing, count: header.count - 1),
                         money: "money in \(first.currency.code)", wholeUnitRows: rows(whole: true))
    }

    /// The change cell of the metric at `index`: `+1,234.50 (+4.2%)`, `+3.4 pp`, `+2.1`, or `-` when undefined.
    static func change(of index: Int, in result: ResultSet, whole: Bool) -> String {
        let row = result.rows[0]
        let changeColumn = result.columns[index + 2]
        let change = row[index + 2]
        guard change != .null else { return "-" }
        let positive: Bool = switch change {
        case let .money(m): m > 0
        case let .integer(n): n > 0
        case let .number(x): x > 0
        default: false
        }
        var text = CellText.display(change, changeColumn.type, result.currency, whole: whole)
        if changeColumn.type != .points, positive { text = "+" + text }
        if index + 3 < result.columns.count, result.columns[index + 3].name == result.columns[index].name + "_change_pct",
           case let .number(fraction) = row[index + 3] {
            text += " (" + (fraction > 0 ? "+" : "") + ResultFormatter.display(.number(fraction), .ratio, result.currency) + ")"
        }
        return text
    }
}
