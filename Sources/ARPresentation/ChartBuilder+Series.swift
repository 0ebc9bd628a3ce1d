import ARCharts

extension ChartBuilder {
    /// Most lines a chart colours; more are reduced.
    static let maxColouredSeries = 8

    /// Many series made readable: a projection of several groups becomes one panel per group
    /// on a shared axis; beyond eight series, stacks of money keep the seven largest and sum the
    /// rest in "Other", and lines keep the seven largest in colour with the rest in grey.
    /// - Parameter byTotal: rank series by their sum over the categories (a forecast's weeks)
    ///   rather than by their value at the last date.
    static func reduceSeries(_ chart: Chart, additive: Bool, groups: Int, byTotal: Bool = false) -> Chart {
        if chart.series.contains(where: { $0.band != nil }) && groups > 3 && chart.series.count == groups {
            return projectionPanels(chart)
        }
        guard chart.series.count > maxColouredSeries else { return chart }
        let keep = maxColouredSeries - 1
        let latest: [Double] = chart.series.map(byTotal ? totalValue : latestValue)
        let measure = byTotal ? "in all" : "at the last date"
        let ranked = chart.series.indices.sorted { latest[$0] != latest[$1] ? latest[$0] > latest[$1] : $0 < $1 }
        let top = Set(ranked.prefix(keep))
        var reduced = chart
        if additive && chart.kind != .line {
            let rest = ranked.dropFirst(keep)
            let other = chart.categories.indices.map { k -> Double? in
                let present = rest.compactMap { chart.series[$0].values[k] }
                return present.isEmpty ? nil : present.reduce(0, +)
            }
            reduced.series = chart.series.indices.filter(top.contains).map { chart.series[$0] }
                + [Series(name: "Other (\(rest.count))", values: other, isMuted: true)]
            reduced.notes.append("The \(keep) largest of \(chart.series.count) \(measure); the other \(rest.count) summed in 'Other (\(rest.count))'")
        } else {
            reduced.series = chart.series.enumerated().map { index, series in
                guard !top.contains(index) else { return series }
                var muted = series
                muted.isMuted = true
                muted.band = nil
                return muted
            }
            reduced.notes.append("The \(keep) highest of \(chart.series.count) \(measure) in colour; the other \(chart.series.count - keep) in grey")
        }
        return reduced
    }

    /// A series' last value, to rank series at the last date.
    static func latestValue(_ series: Series) -> Double {
        for value in series.values.reversed() { if let value, value.isFinite { return value } }
        return -.infinity
    }

    static func totalValue(_ series: Series) -> Double {
        series.values.compactMap { $0 }.filter(\.isFinite).reduce(0, +)
    }

    /// One panel per group, each its line and band, all on the same value axis.
    static func projectionPanels(_ chart: Chart) -> Chart {
        let values = chart.series.flatMap { series in
            (series.values + (series.band?.lower ?? []) + (series.band?.upper ?? [])).compactMap { $0 }.filter(\.isFinite)
        }
        let range = values.isEmpty ? nil : values.min()!...values.max()!
        var panels = chart.series.map { series in
            var panel = Chart(kind: .line, title: series.name, categories: chart.categories,
                              categoriesAreDates: chart.categoriesAreDates, series: [series], valueFormat: chart.valueFormat,
                              legend: .hidden)
            panel.valueRange = range
            return panel
        }
        if panels.isEmpty { panels = [chart] }
        var multiples = Chart.smallMultiples(panels: panels)
        multiples.notes = chart.notes
        return multiples
    }
}
