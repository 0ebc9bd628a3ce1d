import ARCore
import ARMetrics

/// Extends a metric series by a trend projection (`… monthly from A to B project 6 months`).
///
/// Each metric of each group is projected on its own with ``MetricEngine/project(series:periods:)``
/// (Holt's linear smoothing, α and β grid-searched, 80 % interval) from the values the engine
/// computed at the series dates; dates where a value is undefined (a DSO without sales) are left
/// out of the fit. The result keeps the history rows and appends one row per projected date and
/// group; each metric column is followed by `<metric>_lower` and `<metric>_upper`, empty on the
/// history rows. Ratios are kept within 0…1 and DSO-like days and days to pay at 0 or more.
struct TrendProjector {
    let projection: TrendProjection
    let engine: MetricEngine

    /// - Parameter seriesDates: the dates the engine computed `table` at, in order.
    func result(_ table: MetricTable, seriesDates dates: [Day]) -> ResultSet {
        var columns = [ResultSet.Column(name: "date", type: .date)]
        columns += table.dimensions.map { ResultSet.Column(name: $0.name, type: .string) }
        for column in table.columns {
            let type = ResultType(column.kind)
            columns += [.init(name: column.name, type: type), .init(name: column.name + "_lower", type: type),
                        .init(name: column.name + "_upper", type: type)]
        }
        var rows = table.rows.map { row -> [ResultValue] in
            [.date(row.date)] + row.keys.map { $0.map(ResultValue.string) ?? .null }
                + row.values.flatMap { [ResultValue($0), .null, .null] }
        }
        for (keys, groupRows) in groups(table) {
            let projected = table.columns.indices.map { c in points(table, rows: groupRows, column: c, dates: dates) }
            for (k, date) in projection.dates.enumerated() {
                var cells: [ResultValue] = [.date(date)] + keys.map { $0.map(ResultValue.string) ?? .null }
                for (c, column) in table.columns.enumerated() {
                    guard let point = projected[c]?[k] else {
                        cells += [.null, .null, .null]
                        continue
                    }
                    let bounds = Self.bounds(of: column)
                    cells += [point.value, point.lower, point.upper].map { value(min(max($0, bounds.lowerBound), bounds.upperBound), column.kind) }
                }
                rows.append(cells)
            }
        }
        // Date first, then the groups in the engine's order, as a series is shown.
        let order = rows.indices.sorted { a, b in
            guard case let .date(x) = rows[a][0], case let .date(y) = rows[b][0], x != y else { return a < b }
            return x < y
        }
        return ResultSet(columns: columns, rows: order.map { rows[$0] }, currency: table.currency)
    }

    /// Row indexes per group, groups in order of first appearance.
    private func groups(_ table: MetricTable) -> [(keys: [String?], rows: [Int])] {
        var index: [[String?]: Int] = [:]
        var result: [(keys: [String?], rows: [Int])] = []
        for (r, row) in table.rows.enumerated() {
            if let g = index[row.keys] {
                result[g].rows.append(r)
            } else {
                index[row.keys] = result.count
                result.append((row.keys, [r]))
            }
        }
        return result
    }

    /// The projected points of one group's column at the projection dates; `nil` without any
    /// defined value. When the last defined value is before the series' last date, the trend is
    /// carried the extra steps so that every group's point `k` falls on projection date `k`.
    private func points(_ table: MetricTable, rows: [Int], column: Int, dates: [Day]) -> [Projection.Point]? {
        var series: [(Day, Double)] = []
        for r in rows {
            if let x = Self.number(table.rows[r].values[column]) { series.append((table.rows[r].date, x)) }
        }
        guard let lastDefined = series.last?.0, let position = dates.firstIndex(of: lastDefined) else { return nil }
        let extra = dates.count - 1 - position
        let all = engine.project(series: series, periods: extra + projection.dates.count).points
        return Array(all.suffix(projection.dates.count))
    }

    private static func number(_ value: MetricValue) -> Double? {
        switch value {
        case let .money(m): Double(m)
        case let .ratio(x), let .days(x), let .percent(x): x.isFinite ? x : nil
        case let .count(n): Double(n)
        case .missing: nil
        }
    }

    /// The values a projected figure can take: a ratio is a share, DSO-like days cannot be negative.
    private static func bounds(of column: MetricColumn) -> ClosedRange<Double> {
        if column.kind == .ratio { return 0...1 }
        let name = column.name.prefix { $0 != "(" }
        return ["dso", "bpdso", "days_to_pay"].contains(name) ? 0...Double.greatestFiniteMagnitude
            : -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    }

    /// A projected value as a cell: money rounded to whole minor units.
    private func value(_ x: Double, _ kind: MetricValueKind) -> ResultValue {
        guard x.isFinite else { return .null }
        switch kind {
        case .money, .count:
            let rounded = x.rounded(.toNearestOrAwayFromZero)
            guard abs(rounded) < 9.0e18 else { return .null }
            return kind == .money ? .money(Int64(rounded)) : .integer(Int64(rounded))
        case .ratio, .days, .percent: return .number(x)
        }
    }
}
