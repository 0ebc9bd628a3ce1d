import ARCharts
import ARCore
import ARQuery

extension ChartBuilder {
    /// Bars, lines and areas. A series puts dates on the category axis and one line per group
    /// (and per metric); otherwise rows are categories and metrics are series, or, for a single
    /// row without keys, the metrics themselves are the categories.
    static func seriesChart(_ kind: ChartKind, _ shape: ResultShape) -> Chart {
        let format = valueFormat(shape)
        let rows = shape.result.rows.indices
        if shape.isSeries {
            var dates: [Day] = []
            for row in rows { if let d = shape.date(ofRow: row), !dates.contains(d) { dates.append(d) } }
            dates.sort()
            var groups: [String] = []
            for row in rows where !groups.contains(shape.label(ofRow: row)) { groups.append(shape.label(ofRow: row)) }
            var series: [Series] = []
            for group in groups {
                for column in shape.valueColumns {
                    var values = [Double?](repeating: nil, count: dates.count)
                    for row in rows where shape.label(ofRow: row) == group {
                        if let d = shape.date(ofRow: row), let k = dates.firstIndex(of: d) { values[k] = shape.number(row: row, column: column) }
                    }
                    let name = shape.valueColumns.count == 1 ? group
                        : (shape.keyColumns.isEmpty ? shape.name(ofColumn: column) : "\(group) \(shape.name(ofColumn: column))")
                    series.append(Series(name: name, values: values))
                }
            }
            return Chart(kind: kind, categories: dates.map(\.iso), categoriesAreDates: true, series: series, valueFormat: format)
        }
        if shape.result.rows.count == 1 && shape.keyColumns.isEmpty {
            let values = shape.valueColumns.map { shape.number(row: 0, column: $0) }
            return Chart(kind: kind, categories: shape.valueColumns.map(shape.name(ofColumn:)),
                         series: [Series(name: "total", values: values)], valueFormat: format)
        }
        let series = shape.valueColumns.map { column in
            Series(name: shape.name(ofColumn: column), values: rows.map { shape.number(row: $0, column: column) })
        }
        return Chart(kind: kind, categories: rows.map(shape.label(ofRow:)), series: series, valueFormat: format)
    }

    /// Shares of the first metric by row, or of the metrics of a single row (aging buckets).
    static func donut(_ shape: ResultShape) -> Chart {
        let format = valueFormat(shape)
        if shape.result.rows.count == 1, shape.valueColumns.count > 1 {
            return Chart(kind: .donut, categories: shape.valueColumns.map(shape.name(ofColumn:)),
                         series: [Series(name: shape.label(ofRow: 0), values: shape.valueColumns.map { shape.number(row: 0, column: $0) })],
                         valueFormat: format)
        }
        guard let column = shape.valueColumns.first else { return Chart(kind: .donut, categories: [], series: []) }
        let rows = shape.result.rows.indices
        return Chart(kind: .donut, categories: rows.map(shape.label(ofRow:)),
                     series: [Series(name: shape.name(ofColumn: column), values: rows.map { shape.number(row: $0, column: column) })],
                     valueFormat: format)
    }

    /// Rows × metric columns (groups × aging buckets), or groups × dates for a series.
    static func heatmap(_ shape: ResultShape) -> Chart {
        let format = valueFormat(shape)
        if shape.isSeries {
            let line = seriesChart(.line, shape)
            return Chart.heatmap(rows: line.series.map(\.name), columns: line.categories, columnsAreDates: true,
                                 values: line.series.map(\.values), valueFormat: format)
        }
        let rows = shape.result.rows.indices
        return Chart.heatmap(rows: rows.map(shape.label(ofRow:)), columns: shape.valueColumns.map(shape.name(ofColumn:)),
                             values: rows.map { row in shape.valueColumns.map { shape.number(row: row, column: $0) } },
                             valueFormat: format)
    }

    /// KPI tiles: one per metric; a series gives each tile its last value, the one before, and a sparkline.
    static func kpi(_ shape: ResultShape) -> Chart {
        var tiles: [KPITile] = []
        let rows = Array(shape.result.rows.indices)
        for column in shape.valueColumns {
            let format = tileFormat(shape.result.columns[column].type, shape.result.currency)
            let lowerIsBetter = ["dso", "overdue", "overdue_rate", "add", "disputed", "bad_debt_rate", "days_late", "days_to_pay"]
                .contains { shape.name(ofColumn: column).hasPrefix($0) }
            if shape.isSeries || rows.count > 1 && shape.keyColumns.isEmpty {
                let values = rows.map { shape.number(row: $0, column: column) }
                tiles.append(KPITile(label: shape.name(ofColumn: column), value: values.last ?? nil,
                                     previous: values.count > 1 ? values[values.count - 2] : nil, format: format,
                                     sparkline: values, higherIsBetter: !lowerIsBetter))
            } else {
                for row in rows {
                    let label = shape.keyColumns.isEmpty ? shape.name(ofColumn: column) : "\(shape.name(ofColumn: column)) · \(shape.label(ofRow: row))"
                    tiles.append(KPITile(label: label, value: shape.number(row: row, column: column), format: format,
                                         higherIsBetter: !lowerIsBetter))
                }
            }
        }
        return Chart.kpi(tiles: tiles)
    }

    /// A bridge from one row: the first figure is the opening level, the last the closing level,
    /// those between are movements (positive up, negative down).
    static func waterfall(_ shape: ResultShape) -> Chart {
        var steps: [WaterfallStep] = []
        let columns = shape.valueColumns
        if shape.result.rows.count == 1, columns.count >= 2 {
            for (k, column) in columns.enumerated() {
                let value = shape.number(row: 0, column: column)
                let name = shape.name(ofColumn: column)
                if k == 0 { steps.append(WaterfallStep(name, .start, value)) }
                else if k == columns.count - 1 { steps.append(WaterfallStep(name, .total, value)) }
                else { steps.append(WaterfallStep(name, (value ?? 0) < 0 ? .decrease : .increase, value.map(abs))) }
            }
        } else if let column = columns.first {
            for row in shape.result.rows.indices {
                let value = shape.number(row: row, column: column)
                steps.append(WaterfallStep(shape.label(ofRow: row), (value ?? 0) < 0 ? .decrease : .increase, value.map(abs)))
            }
            steps.append(WaterfallStep("total", .total, nil))
        }
        return Chart.waterfall(steps: steps, valueFormat: valueFormat(shape), increaseIsGood: false)
    }

    /// The result as a table, cells written as `arlens query` writes them.
    static func table(_ shape: ResultShape) -> Chart {
        let result = shape.result
        let rows = result.rows.map { row in
            row.indices.map { ResultFormatter.display(row[$0], result.columns[$0].type, result.currency) }
        }
        let alignments: [ColumnAlignment] = result.columns.map { $0.type == .string || $0.type == .date ? .leading : .trailing }
        return Chart.table(header: result.columns.map(\.name), rows: rows, alignments: alignments)
    }

    static func tileFormat(_ type: ResultType, _ currency: Currency) -> ValueFormat {
        switch type {
        case .money: .money(currency: currency.code)
        case .ratio: .ratio
        case .days: .days
        case .percent: .percent
        case .points: .number(decimals: 1)
        case .count: .count
        case .string, .date: .number(decimals: 0)
        }
    }
}
