import ARCharts
import ARCore
import ARQuery

extension ChartBuilder {
    /// Bars, lines and areas of one unit: dates on the category axis and one series per group
    /// (and metric) for a series; rows as categories and metrics as series otherwise.
    static func seriesChart(_ kind: ChartKind, _ shape: ResultShape) -> Chart {
        shape.isSeries ? timeSeriesChart(kind, shape) : categoryChart(kind, shape)
    }

    /// One series per group and metric over the dates; a projection's bounds become its band
    /// and its projected points are drawn dashed. Many series are reduced (``reduceSeries``).
    static func timeSeriesChart(_ kind: ChartKind, _ shape: ResultShape) -> Chart {
        let dates = shape.dates
        let position = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
        let groups = shape.groups
        let groupIndex = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
        let empty = [Double?](repeating: nil, count: dates.count)
        let columns = shape.valueColumns
        var values = [[Double?]](repeating: empty, count: groups.count * columns.count)
        var lower = values, upper = values
        for row in shape.result.rows.indices {
            guard let date = shape.date(ofRow: row), let k = position[date], let g = groupIndex[shape.label(ofRow: row)] else { continue }
            for (c, column) in columns.enumerated() {
                values[g * columns.count + c][k] = shape.number(row: row, column: column)
                if let band = shape.bandColumns[column] {
                    lower[g * columns.count + c][k] = shape.number(row: row, column: band.lower)
                    upper[g * columns.count + c][k] = shape.number(row: row, column: band.upper)
                }
            }
        }
        var series: [Series] = []
        for (g, group) in groups.enumerated() {
            for (c, column) in columns.enumerated() {
                let s = g * columns.count + c
                let metric = MetricNames.display(shape.name(ofColumn: column))
                let name = columns.count == 1 ? group : shape.keyColumns.isEmpty ? metric : "\(group) \(metric)"
                let projectedFrom = lower[s].indices.first { lower[s][$0] != nil || upper[s][$0] != nil }
                series.append(Series(name: name, values: values[s],
                                     band: projectedFrom == nil ? nil : SeriesBand(lower: lower[s], upper: upper[s]),
                                     projectedFrom: projectedFrom))
            }
        }
        var chart = Chart(kind: kind, categories: dates.map(\.iso), categoriesAreDates: true, series: series,
                          valueFormat: valueFormat(shape))
        if shape.isProjection { chart.notes.append("Dashed: projected by Holt's linear trend; shaded: its 80% interval") }
        return reduceSeries(chart, additive: isAdditive(shape), groups: groups.count)
    }

    /// Rows as categories (the largest ones when there are many), metrics as series; a single
    /// row without keys puts the metrics themselves on the axis.
    static func categoryChart(_ kind: ChartKind, _ shape: ResultShape) -> Chart {
        let format = valueFormat(shape)
        if shape.rowCount == 1 && shape.keyColumns.isEmpty {
            let values = shape.valueColumns.map { shape.number(row: 0, column: $0) }
            return Chart(kind: kind, categories: shape.valueColumns.map { MetricNames.display(shape.name(ofColumn: $0)) },
                         series: [Series(name: "total", values: values)], valueFormat: format)
        }
        let horizontal = kind == .horizontalBar || kind == .horizontalStackedBar
        let stacked = kind == .stackedBar || kind == .horizontalStackedBar
        let table = shape.valueColumns.map { column in shape.result.rows.indices.map { shape.number(row: $0, column: column) } }
        let ranked = Ranking(labels: shape.result.rows.indices.map(shape.label(ofRow:)), values: table,
                             byTotal: stacked, additive: isAdditive(shape))
        let kept = ranked.top(horizontal ? maxRows : maxColumns, sorted: horizontal)
        var chart = Chart(kind: kind, categories: kept.labels,
                          series: shape.valueColumns.enumerated().map { c, column in
                              Series(name: MetricNames.display(shape.name(ofColumn: column)), values: kept.values[c])
                          }, valueFormat: format)
        if let note = kept.note(of: ranked.labels.count, by: stacked ? "total" : shape.valueColumns.first.map(shape.name(ofColumn:))) {
            chart.notes.append(note)
        }
        return chart
    }

    /// Money and counts add up across groups (an "Other" can sum them); ratios and days do not.
    static func isAdditive(_ shape: ResultShape) -> Bool {
        shape.valueColumns.allSatisfy { [.money, .count].contains(shape.type(ofColumn: $0)) }
    }

    /// Shares of the first metric by row, or of the metrics of a single row (aging buckets). A
    /// donut cannot show negative parts (credits in `120+`): such a result is drawn as bars,
    /// with a note that says why.
    static func donut(_ shape: ResultShape) -> Chart {
        let format = valueFormat(shape)
        var chart: Chart
        if shape.rowCount == 1, shape.valueColumns.count > 1 {
            chart = Chart(kind: .donut, categories: shape.valueColumns.map(shape.name(ofColumn:)),
                          series: [Series(name: shape.label(ofRow: 0), values: shape.valueColumns.map { shape.number(row: 0, column: $0) })],
                          valueFormat: format)
        } else if let column = shape.valueColumns.first {
            let rows = shape.result.rows.indices
            chart = Chart(kind: .donut, categories: rows.map(shape.label(ofRow:)),
                          series: [Series(name: shape.name(ofColumn: column), values: rows.map { shape.number(row: $0, column: column) })],
                          valueFormat: format)
        } else {
            return Chart(kind: .donut, categories: [], series: [])
        }
        let values = chart.series[0].values
        let negative = chart.categories.indices.filter { (values[$0] ?? 0) < 0 }
        guard !negative.isEmpty else { return chart }
        chart.kind = .horizontalBar
        let parts = negative.map { "\(chart.categories[$0]): \(format.label(values[$0] ?? 0))" }.joined(separator: ", ")
        chart.notes.append("A donut cannot show negative parts (\(parts)): drawn as bars")
        return chart
    }

    /// Rows × metric columns (groups × aging buckets), or groups × dates for a series; past
    /// ``maxRows`` rows, the largest by total and "Other" when the values add up.
    static func heatmap(_ shape: ResultShape) -> Chart {
        let format = valueFormat(shape)
        let names: [String], columns: [String], cells: [[Double?]]
        if shape.isSeries {
            let line = timeSeriesChart(.line, shape.keeping(Array(shape.valueColumns.prefix(1))))
            let full = line.kind == .smallMultiples ? line.panels.flatMap(\.series) : line.series
            (names, columns, cells) = (full.map(\.name), line.kind == .smallMultiples ? line.panels.first?.categories ?? [] : line.categories,
                                       full.map(\.values))
        } else {
            let rows = shape.result.rows.indices
            (names, columns) = (rows.map(shape.label(ofRow:)), shape.valueColumns.map(shape.name(ofColumn:)))
            cells = rows.map { row in shape.valueColumns.map { shape.number(row: row, column: $0) } }
        }
        // Ranking reads values[series][row]: here a column is a series.
        let byColumn = columns.indices.map { c in cells.map { c < $0.count ? $0[c] : nil } }
        let kept = Ranking(labels: names, values: byColumn, byTotal: true, additive: isAdditive(shape)).top(maxRows, sorted: false)
        var chart = Chart.heatmap(rows: kept.labels, columns: columns, columnsAreDates: shape.isSeries,
                                  values: kept.labels.indices.map { r in kept.values.map { $0[r] } }, valueFormat: format)
        if let note = kept.note(of: names.count, by: "total") { chart.notes.append(note) }
        return chart
    }

    /// A bridge from one row: the first figure is the opening level, the last the closing level,
    /// those between are movements (positive up, negative down).
    static func waterfall(_ shape: ResultShape) -> Chart {
        var steps: [WaterfallStep] = []
        let columns = shape.valueColumns
        if shape.rowCount == 1, columns.count >= 2 {
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
}
