import ARCore
import ARMetrics
import ARQuery

/// A result set seen as a chart sees it: an optional date column, key columns, value columns,
/// and what kind of result it is (a series, a projection, a forecast, open items).
struct ResultShape {
    let result: ResultSet
    /// Index of the series date column (the first column, when it holds dates).
    let dateColumn: Int?
    /// The dimension (text) columns; a forecast's period column is not one of them.
    let keyColumns: [Int]
    /// The numeric columns, in order, without the bounds of a projection's interval.
    let valueColumns: [Int]
    /// For a value column of a projection: its `<name>_lower` and `<name>_upper` columns.
    let bandColumns: [Int: (lower: Int, upper: Int)]
    /// A cash forecast (``ResultSet/init(_:)-forecast``): the period column is column 0.
    let isForecast: Bool

    init(_ result: ResultSet) {
        self.result = result
        let columns = result.columns
        dateColumn = columns.first?.type == .date ? 0 : nil
        let names = columns.map(\.name)
        let forecast = ["week", "month"].contains(names.first) && columns.first?.type == .string
            && (ForecastRule.allCases.map(\.name) + ["total"]).allSatisfy(names.contains)
        isForecast = forecast
        keyColumns = columns.indices.filter { columns[$0].type == .string && !(forecast && $0 == 0) }
        var bands: [Int: (Int, Int)] = [:]
        for (index, column) in columns.enumerated() {
            if let lower = names.firstIndex(of: column.name + "_lower"), let upper = names.firstIndex(of: column.name + "_upper") {
                bands[index] = (lower, upper)
            }
        }
        let bounds = Set(bands.values.flatMap { [$0.0, $0.1] })
        bandColumns = bands
        valueColumns = columns.indices.filter { ![ResultType.string, .date].contains(columns[$0].type) && !bounds.contains($0) }
    }

    var isSeries: Bool { dateColumn != nil }
    var isProjection: Bool { !bandColumns.isEmpty }
    var rowCount: Int { result.rows.count }

    /// Open items (`items …`): an `id` first and a due date.
    var isItems: Bool {
        result.columns.first?.name == "id" && result.columns.contains { $0.name == "due_date" }
    }

    /// A row's label: its keys joined, `(none)` for a missing one, `total` without keys.
    func label(ofRow row: Int) -> String {
        guard !keyColumns.isEmpty else { return "total" }
        return keyColumns.map { text(row: row, column: $0) ?? "(none)" }.joined(separator: " / ")
    }

    func text(row: Int, column: Int) -> String? {
        if case let .string(text) = result.rows[row][column] { return text }
        return nil
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

    /// The series dates in order, each once.
    var dates: [Day] {
        var seen = Set<Day>()
        return result.rows.indices.compactMap { date(ofRow: $0) }.filter { seen.insert($0).inserted }.sorted()
    }

    /// Row labels in order of first appearance, each once.
    var groups: [String] {
        var seen = Set<String>()
        return result.rows.indices.map(label(ofRow:)).filter { seen.insert($0).inserted }
    }

    func name(ofColumn column: Int) -> String { result.columns[column].name }
    func type(ofColumn column: Int) -> ResultType { result.columns[column].type }

    /// The value columns split by what they measure (money, ratios, days…), in order of first
    /// appearance: one chart panel each when there are several.
    var unitGroups: [[Int]] {
        var order: [ResultType] = []
        for column in valueColumns where !order.contains(type(ofColumn: column)) { order.append(type(ofColumn: column)) }
        return order.map { unit in valueColumns.filter { type(ofColumn: $0) == unit } }
    }

    /// Whether the value columns are aging buckets (`not due`, `1-30`, …, `120+`).
    var looksLikeBuckets: Bool {
        valueColumns.count >= 3 && valueColumns.allSatisfy { column in
            let name = name(ofColumn: column)
            return result.columns[column].type == .money
                && (name == "not due" || name.hasSuffix("+") || name.contains(where: { $0 == "-" }) && name.first?.isNumber == true)
        }
    }

    /// The same result with only `columns` among its values (keys and dates kept).
    func keeping(_ columns: [Int]) -> ResultShape {
        let kept = result.columns.indices.filter { index in
            [ResultType.string, .date].contains(type(ofColumn: index)) || columns.contains(index)
                || columns.contains { bandColumns[$0].map { $0.lower == index || $0.upper == index } ?? false }
        }
        let subset = ResultSet(columns: kept.map { result.columns[$0] }, rows: result.rows.map { row in kept.map { row[$0] } },
                               currency: result.currency)
        return ResultShape(subset)
    }
}
