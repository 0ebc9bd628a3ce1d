import ARCore
import ARQuery

/// A result set seen as a chart sees it: an optional date column, key columns, value columns.
struct ResultShape {
    let result: ResultSet
    /// Index of the series date column, when the result is a series.
    let dateColumn: Int?
    /// The dimension (text) columns.
    let keyColumns: [Int]
    /// The numeric columns, in order.
    let valueColumns: [Int]

    init(_ result: ResultSet) {
        self.result = result
        dateColumn = result.columns.firstIndex { $0.type == .date }
        keyColumns = result.columns.indices.filter { result.columns[$0].type == .string }
        valueColumns = result.columns.indices.filter {
            ![ResultType.string, .date].contains(result.columns[$0].type)
        }
    }

    var isSeries: Bool { dateColumn != nil }

    /// A row's label: its keys joined, `(none)` for a missing one, `total` without keys.
    func label(ofRow row: Int) -> String {
        guard !keyColumns.isEmpty else { return "total" }
        return keyColumns.map { column -> String in
            if case let .string(text) = result.rows[row][column] { return text }
            return "(none)"
        }.joined(separator: " / ")
    }

    /// The value of a cell as a display number: money in major units, ratios as fractions.
    func number(row: Int, column: Int) -> Double? {
        switch result.rows[row][column] {
        case let .money(minor): Double(minor) / Double(result.currency.minorUnitsPerMajor)
        case let .number(x): x.isFinite ? x : nil
        case let .integer(n): Double(n)
        case .string, .date, .null: nil
        }
    }

    /// The date of a series row.
    func date(ofRow row: Int) -> Day? {
        guard let dateColumn, case let .date(day) = result.rows[row][dateColumn] else { return nil }
        return day
    }

    func name(ofColumn column: Int) -> String { result.columns[column].name }

    /// Whether the value columns are aging buckets (`not due`, `1-30`, …, `120+`).
    var looksLikeBuckets: Bool {
        valueColumns.count >= 3 && valueColumns.allSatisfy { column in
            let name = name(ofColumn: column)
            return result.columns[column].type == .money
                && (name == "not due" || name.hasSuffix("+") || name.contains(where: { $0 == "-" }) && name.first?.isNumber == true)
        }
    }
}
