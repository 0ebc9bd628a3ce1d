import ARCharts

/// Charts that use what makes results readable: an overlay axis, notes, bands, muted series,
/// horizontal stacks, small multiples and a capped heatmap ramp (golden tests).
extension SampleCharts {
    static let weeks = ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30",
                        "2026-12-07", "2026-12-14"]

    static let forecast: Chart = {
        let behaviour: [Double] = [10_073_899, 3_914_046, 5_346_687, 5_470_369, 6_791_655, 6_744_917, 6_923_909, 7_903_045]
        let promise: [Double] = [86_361, 791_593, 551_537, 281_433, 0, 0, 0, 0]
        let dispute: [Double] = [0, 0, 0, 0, 8_963, 348, 20_130, 2_241]
        var cumulative: [Double?] = []
        var running = 0.0
        for k in weeks.indices {
            running += behaviour[k] + promise[k] + dispute[k]
            cumulative.append(running)
        }
        var chart = Chart(kind: .stackedBar, title: "Expected collections, weekly", subtitle: "as of 2026-10-31 · EUR",
                          categories: weeks, categoriesAreDates: true,
                          series: [Series(name: "behaviour", values: behaviour), Series(name: "no history", values: weeks.map { _ in 0 }),
                                   Series(name: "promise", values: promise), Series(name: "dispute", values: dispute)],
                          valueFormat: .money(currency: "EUR"))
        chart.overlay = ChartOverlay(series: [Series(name: "cumulative (right axis)", values: cumulative)],
                                     valueFormat: .money(currency: "EUR"))
        chart.notes = ["Later than 2026-12-20: EUR 29.5M, not drawn"]
        return chart
    }()

    static let projection: Chart = {
        let months = ["2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31",
                      "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31", "2027-01-31"]
        let history: [Double?] = [81.2, 83.0, 79.3, 91.3, 93.8, 93.3, 84.7, 89.6]
        let other: [Double?] = [70.1, 72.7, 71.1, 73.6, 75.3, 65.0, 74.2, 74.0]
        func series(_ name: String, _ values: [Double?], slope: Double) -> Series {
            let last = values.last!!
            let ahead = (1...3).map { last + slope * Double($0) }
            return Series(name: name, values: values + ahead.map { $0 },
                          band: SeriesBand(lower: values.map { _ in nil } + ahead.enumerated().map { $1 - 4 * Double($0 + 1) },
                                           upper: values.map { _ in nil } + ahead.enumerated().map { $1 + 4 * Double($0 + 1) }),
                          projectedFrom: values.count)
        }
        var chart = Chart(kind: .line, title: "DSO by entity, projected 3 months", subtitle: "shaded: 80% interval",
                          categories: months, categoriesAreDates: true,
                          series: [series("FR01", history, slope: 1.2), series("DE01", other, slope: -0.4)], valueFormat: .days)
        chart.notes = ["Projection: Holt's linear trend; dashed from Nov 26"]
        return chart
    }()

    static let smallMultiples: Chart = {
        let reasons = ["pricing", "quality", "delivery", "quantity", "(none)"]
        func panel(_ title: String, _ values: [Double], _ format: ValueFormat) -> Chart {
            Chart(kind: .groupedBar, title: title, categories: reasons, series: [Series(name: title, values: values)],
                  valueFormat: format)
        }
        return Chart.smallMultiples(title: "Disputes by reason", subtitle: "as of 2026-10-31 · EUR", panels: [
            panel("Disputed", [182_400, 120_300, 64_000, 31_200, 12_400], .money(currency: "EUR")),
            panel("Open disputes", [41, 28, 17, 9, 3], .count),
            panel("Dispute days", [38.2, 45.1, 21.7, 30.4, 12.0], .days),
        ])
    }()

    static let horizontalStacked: Chart = {
        let groups = ["(none)", "GRP-0009", "GRP-0023", "GRP-0010", "GRP-0004", "GRP-0001", "GRP-0007", "Other (21 groups)"]
        var chart = Chart(kind: .horizontalStackedBar, title: "Aging by customer group", subtitle: "as of 2026-10-31 · EUR",
                          categories: groups,
                          series: [Series(name: "not due", values: [49_308_174, 2_378_412, 1_804_652, 2_611_402, 1_934_512, 1_402_310, 1_100_230, 6_022_114]),
                                   Series(name: "1-30", values: [9_272_649, 522_315, 666_488, 410_204, 512_001, 388_123, 402_555, 2_447_095]),
                                   Series(name: "31-90", values: [3_919_094, 1_358_014, 1_017_800, 322_000, 180_000, 290_100, 255_000, 1_950_000]),
                                   Series(name: "90+", values: [1_643_499, -350, 73_346, 40_000, 0, 15_000, -120_000, 410_000])],
                          valueFormat: .money(currency: "EUR"))
        chart.notes = ["Top 7 groups by total; 21 smaller groups as Other"]
        return chart
    }()

    static let manyLines: Chart = {
        let months = Array(monthEnds)
        let names = (1...12).map { "GRP-\($0 < 10 ? "000" : "00")\($0)" }
        let series = names.enumerated().map { index, name in
            Series(name: name, values: months.indices.map { 0.1 + 0.02 * Double(index) + 0.01 * Double(($0 * (index + 3)) % 5) },
                   isMuted: index >= 5)
        }
        return Chart(kind: .line, title: "Overdue rate by customer group", subtitle: "5 highest highlighted",
                     categories: months, categoriesAreDates: true, series: series, valueFormat: .ratio)
    }()

    static let heatmapCapped = Chart.heatmap(
        title: "Aging by customer group", subtitle: "one group dwarfs the rest",
        rows: ["(none)", "GRP-0009", "GRP-0023", "GRP-0010", "GRP-0004"],
        columns: ["not due", "1-30", "31-60", "61-90", "120+"],
        values: [[49_308_174, 9_272_649, 1_766_138, 2_152_956, 326_653],
                 [2_378_412, 522_315, 539_834, 818_180, -350],
                 [1_804_652, 666_488, 766_524, 251_276, 73_346],
                 [2_611_402, 410_204, 122_000, 200_000, 40_000],
                 [1_934_512, 512_001, 80_000, 100_000, 0]],
        valueFormat: .money(currency: "EUR"))

    static let readable: [(String, Chart)] = [
        ("forecast", forecast), ("projection", projection), ("small-multiples", smallMultiples),
        ("horizontal-stacked-bar", horizontalStacked), ("many-lines", manyLines), ("heatmap-capped", heatmapCapped),
    ]
}
