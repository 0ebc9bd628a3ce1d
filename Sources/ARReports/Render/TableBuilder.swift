import ARCharts
import ARCore
import ARQuery

/// A result as the cells of a table block: the columns the block shows, under their headings,
/// figures written as `arlens query` writes them (money with the currency's digits).
enum TableBuilder {
    static func table(_ result: ResultSet, columns: [TableColumn], title: String?,
                      query: PackQuery) throws(PackRenderError) -> TableData {
        let names = result.columns.map(\.name)
        var picked: [(index: Int, heading: String)] = []
        if columns.isEmpty {
            picked = names.enumerated().map { ($0.offset, $0.element) }
        } else {
            for column in columns {
                guard let index = names.firstIndex(of: column.name) else {
                    var error = PackRenderError(pack: "", message: "expected a column of the query's result, found '\(column.name)'",
                                                help: EditDistance.closest(to: column.name, among: names).map { "did you mean '\($0)'?" }
                                                    ?? "the result has \(PackNode.quotedList(names))")
                    error.query = query.text
                    error.location = column.location
                    throw error
                }
                picked.append((index, column.heading))
            }
        }
        func cells(whole: Bool) -> [[String]] {
            result.rows.map { row in
                picked.map { CellText.display(row[$0.index], result.columns[$0.index].type, result.currency, whole: whole) }
            }
        }
        let alignments: [ColumnAlignment] = picked.map { pick in
            [.string, .date].contains(result.columns[pick.index].type) ? .leading : .trailing
        }
        let money = picked.contains { result.columns[$0.index].type == .money }
        let count = result.rows.count
        let subtitle = "\(count) row\(count == 1 ? "" : "s")" + (money ? " · money in \(result.currency.code)" : "")
        return TableData(title: title, subtitle: subtitle, header: picked.map(\.heading), rows: cells(whole: false), alignments: alignments,
                         money: money ? "money in \(result.currency.code)" : nil, wholeUnitRows: money ? cells(whole: true) : nil)
    }
}

/// Cells as `arlens query` writes them, or with money in whole units when a table is too wide.
enum CellText {
    static func display(_ value: ResultValue, _ type: ResultType, _ currency: Currency, whole: Bool) -> String {
        guard whole, case let .money(minor) = value else { return ResultFormatter.display(value, type, currency) }
        return ResultFormatter.display(.integer(wholeUnits(minor, currency)), .count, currency)
    }

    /// Minor units rounded half away from zero to whole major units.
    static func wholeUnits(_ minor: Int64, _ currency: Currency) -> Int64 {
        let per = currency.minorUnitsPerMajor
        let (quotient, remainder) = minor.quotientAndRemainder(dividingBy: per)
        return abs(remainder) * 2 >= per ? quotient + (minor < 0 ? -1 : 1) : quotient
    }
}
