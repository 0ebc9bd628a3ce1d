import ARCharts
import ARCore
import ARMetrics
import ARQuery

extension ChartBuilder {
    /// The rule parts in stacking order: the bulk (the customer's own behaviour) at the bottom.
    static let forecastStack: [ForecastRule] = [.behaviour, .noHistory, .promise, .dispute]

    /// A cash forecast: weekly (monthly) bars stacked by rule, or by group when grouped, a
    /// cumulative line against the right axis, and the `later` amount as a note.
    static func forecast(_ shape: ResultShape, kind asked: ChartKind?) -> Chart {
        if asked == .table { return table(shape) }
        let table = ForecastChartData(shape)
        guard table.whole != 0 else {
            var empty = Chart(kind: .stackedBar, categories: [], series: [], valueFormat: table.format)
            empty.notes = ["No positive open item matches: nothing is expected"]
            return empty
        }
        var notes: [String] = []
        var kind = asked ?? .stackedBar
        if [.kpi, .waterfall, .smallMultiples].contains(kind) {
            notes.append("A forecast has no single figure or bridge: drawn as stacked bars")
            kind = .stackedBar
        }
        var chart: Chart
        switch kind {
        case .donut:
            let totals = table.series.map { $0.values.compactMap { $0 }.reduce(0, +) }
            chart = Chart(kind: .donut, categories: table.series.map(\.name), series: [Series(name: "expected", values: totals)],
                          valueFormat: table.format)
            notes.append("Shares of the next \(table.periods.count) \(table.unit)s, without 'later'")
        case .heatmap:
            chart = Chart.heatmap(rows: table.series.map(\.name), columns: table.periods, columnsAreDates: true,
                                  values: table.series.map(\.values), valueFormat: table.format)
        case .line where !table.grouped:
            chart = Chart(kind: .line, categories: table.periods, categoriesAreDates: true,
                          series: [Series(name: "expected", values: table.totals)], valueFormat: table.format)
        default:
            chart = Chart(kind: kind, categories: table.periods, categoriesAreDates: true, series: table.series,
                          valueFormat: table.format)
            chart = reduceSeries(chart, additive: true, groups: table.series.count, byTotal: true)
            if kind == .stackedBar || kind == .groupedBar {
                chart.overlay = ChartOverlay(series: [Series(name: "cumulative (right axis)", values: table.cumulative)],
                                             valueFormat: table.format)
            }
        }
        chart.notes = notes + chart.notes + [table.laterNote]
        return chart
    }
}

/// A long forecast result read back into periods × series (rule parts, or groups' totals).
struct ForecastChartData {
    let periods: [String]
    let series: [Series]
    let totals: [Double?]
    let later: Double
    let grouped: Bool
    let unit: String
    let format: ValueFormat
    let lastPeriodEnd: Day?

    init(_ shape: ResultShape) {
        let result = shape.result
        unit = shape.name(ofColumn: 0)
        format = .money(currency: result.currency.code)
        grouped = !shape.keyColumns.isEmpty
        let column = Dictionary(uniqueKeysWithValues: result.columns.enumerated().map { ($1.name, $0) })
        var labels: [String] = []
        for row in result.rows.indices {
            if let label = shape.text(row: row, column: 0), label != ResultSet.forecastLaterLabel, labels.last != label {
                labels.append(label)
            }
        }
        // Months ("2026-10") as their first day, so the axis reads "Oct 26".
        let periods = labels.map { $0.count == 7 ? $0 + "-01" : $0 }
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let names = grouped ? shape.groups : ChartBuilder.forecastStack.map { $0.name.replacingUnderscores }
        let sourceColumns = grouped ? [column["total"]!] : ChartBuilder.forecastStack.map { column[$0.name]! }
        var values = [[Double?]](repeating: [Double?](repeating: 0, count: labels.count), count: names.count)
        var later = 0.0
        let groupIndex = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        for row in result.rows.indices {
            guard let label = shape.text(row: row, column: 0) else { continue }
            guard let k = position[label] else {
                later += shape.number(row: row, column: column["total"]!) ?? 0
                continue
            }
            if grouped, let g = groupIndex[shape.label(ofRow: row)] {
                values[g][k] = (values[g][k] ?? 0) + (shape.number(row: row, column: sourceColumns[0]) ?? 0)
            } else if !grouped {
                for (s, source) in sourceColumns.enumerated() { values[s][k] = (values[s][k] ?? 0) + (shape.number(row: row, column: source) ?? 0) }
            }
        }
        self.periods = periods
        self.later = later
        series = zip(names, values).map { Series(name: $0, values: $1) }
        totals = labels.indices.map { k in values.reduce(0) { $0 + ($1[k] ?? 0) } }
        lastPeriodEnd = periods.last.flatMap { Day(iso: $0) }.map { last in
            labels.last?.count == 7 ? last.adding(months: 1).adding(days: -1) : last.adding(days: 6)
        }
    }

    /// The running total over the periods.
    var cumulative: [Double?] {
        var running = 0.0
        return totals.map { total in
            running += total ?? 0
            return running
        }
    }

    /// "Expected after 2027-01-24: EUR 12.6M, not drawn (EUR 93.4M in all)".
    /// Everything expected: the periods and later.
    var whole: Double { totals.compactMap { $0 }.reduce(later, +) }

    var laterNote: String {
        let after = lastPeriodEnd.map { "after \($0.iso)" } ?? "later"
        return "Expected \(after): \(format.label(later)), not drawn (\(format.label(whole)) in all)"
    }
}

extension String {
    /// "no_history" → "no history": a column name as a legend reads it.
    var replacingUnderscores: String { split(separator: "_", omittingEmptySubsequences: false).joined(separator: " ") }
}
