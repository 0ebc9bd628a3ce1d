import ARCharts
import ARQuery

extension ChartBuilder {
    /// KPI tiles: one per metric. A series (KPIHistory's thirteen month steps) gives each tile
    /// its last value, the one before, and a dated sparkline; the change of a ratio reads in
    /// points, and its colour follows whether a rise is good news for that metric.
    static func kpi(_ shape: ResultShape) -> Chart {
        var tiles: [KPITile] = []
        let rows = Array(shape.result.rows.indices)
        for column in shape.valueColumns {
            let name = shape.name(ofColumn: column)
            let format = format(shape.type(ofColumn: column), shape.result.currency)
            let direction = MetricNames.direction(name)
            if shape.isSeries || rows.count > 1 && shape.keyColumns.isEmpty {
                let values = rows.map { shape.number(row: $0, column: column) }
                let dates = rows.compactMap { shape.date(ofRow: $0)?.iso }
                tiles.append(KPITile(label: MetricNames.display(name), value: values.last ?? nil,
                                     previous: values.count > 1 ? values[values.count - 2] : nil, format: format,
                                     sparkline: values, sparklineDates: dates.count == values.count ? dates : [],
                                     direction: direction))
            } else {
                for row in rows {
                    let label = shape.keyColumns.isEmpty ? MetricNames.display(name)
                        : "\(MetricNames.display(name)) · \(shape.label(ofRow: row))"
                    tiles.append(KPITile(label: label, value: shape.number(row: row, column: column), format: format,
                                         direction: direction))
                }
            }
        }
        return Chart.kpi(tiles: tiles)
    }

    /// The largest open items by open amount in the reporting currency, as horizontal bars
    /// named by id and customer: one line per item reads better than one line per item per date.
    static func items(_ shape: ResultShape) -> Chart {
        let columns = shape.result.columns
        guard let amount = columns.indices.last(where: { columns[$0].type == .money }) else { return table(shape) }
        let name = columns.firstIndex { $0.name == "customer_name" }, customer = columns.firstIndex { $0.name == "customer" }
        let labels = shape.result.rows.indices.map { row in
            let who = name.flatMap { shape.text(row: row, column: $0) } ?? customer.flatMap { shape.text(row: row, column: $0) }
            return (shape.text(row: row, column: 0) ?? "?") + (who.map { " · " + $0 } ?? "")
        }
        let values = shape.result.rows.indices.map { shape.number(row: $0, column: amount) }
        let kept = Ranking(labels: labels, values: [values], byTotal: false, additive: false).top(maxRows, sorted: true)
        let format = format(.money, shape.result.currency)
        var chart = Chart(kind: .horizontalBar, categories: kept.labels,
                          series: [Series(name: columns[amount].name, values: kept.values[0])], valueFormat: format)
        if kept.hidden > 0 {
            let rest = values.compactMap { $0 }.reduce(0, +) - kept.values[0].compactMap { $0 }.reduce(0, +)
            chart.notes.append("The \(kept.labels.count) largest of \(labels.count) items by open amount; "
                               + "the other \(kept.hidden) hold \(format.label(rest))")
        }
        return chart
    }
}
