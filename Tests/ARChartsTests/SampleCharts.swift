import ARCharts

/// One realistic chart per kind, shared by the golden tests.
enum SampleCharts {
    static let monthEnds = ["2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31"]

    static let stackedBar = Chart(
        kind: .stackedBar, title: "Receivables by aging bucket", subtitle: "Month-end, all entities",
        categories: monthEnds, categoriesAreDates: true,
        series: [
            Series(name: "Not due", values: [1_250_000, 1_310_000, 1_190_000, 1_420_000, 1_380_000, 1_450_000]),
            Series(name: "1–30", values: [420_000, 380_000, 510_000, 460_000, 390_000, 410_000]),
            Series(name: "31–60", values: [160_000, 210_000, 180_000, 240_000, 205_000, 170_000]),
            Series(name: "61–90", values: [90_000, 85_000, 120_000, 95_000, 110_000, 80_000]),
            Series(name: "90+", values: [140_000, 150_000, 155_000, 170_000, 160_000, 175_000]),
        ],
        valueFormat: .money(currency: "EUR"))

    static let groupedBar = Chart(
        kind: .groupedBar, title: "Sales and collections", subtitle: "EUR, by quarter",
        categories: ["Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025"],
        series: [
            Series(name: "Sales", values: [2_400_000, 2_650_000, 2_310_000, 2_980_000]),
            Series(name: "Collections", values: [2_250_000, 2_580_000, 2_460_000, 2_700_000]),
        ],
        valueFormat: .money(currency: "EUR"))

    static let horizontalBar = Chart(
        kind: .horizontalBar, title: "Top overdue customers",
        categories: ["Nordwind Logistik GmbH & Co. KG", "Acme Industrial Supplies Ltd", "Bellamy Foods",
                     "Castellano Construcciones S.A.", "Delta Pharma", "Evergreen Retail Group plc"],
        series: [Series(name: "Overdue", values: [412_300, 305_120, 188_400, 150_000, 96_250, 41_800])],
        valueFormat: .money(currency: "EUR"))

    static let line = Chart(
        kind: .line, title: "DSO trend", subtitle: "Count-back vs. simple",
        categories: ["2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30",
                     "2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31"],
        categoriesAreDates: true,
        series: [
            Series(name: "DSO (count-back)", values: [48.2, 47.5, 51.3, 49.8, 46.1, 44.9, 45.6, nil, 47.2, 49.9, 48.3, 46.7]),
            Series(name: "DSO (simple)", values: [52.0, 51.1, 53.8, 52.4, 50.2, 49.7, 50.5, 51.0, 52.6, 54.1, 52.9, 51.2]),
        ],
        valueFormat: .days)

    static let area = Chart(
        kind: .area, title: "Overdue by bucket", categories: monthEnds, categoriesAreDates: true,
        series: [
            Series(name: "1–30", values: [420_000, 380_000, 510_000, 460_000, 390_000, 410_000]),
            Series(name: "31–90", values: [250_000, 295_000, 300_000, 335_000, 315_000, 250_000]),
            Series(name: "90+", values: [140_000, 150_000, 155_000, 170_000, 160_000, 175_000]),
        ],
        valueFormat: .money(currency: "EUR"), legend: .bottom)

    static let donut = Chart(
        kind: .donut, title: "Open receivables by entity",
        categories: ["ACME DE", "ACME FR", "ACME UK", "ACME US", "ACME NL"],
        series: [Series(name: "Open", values: [1_850_000, 920_000, 640_000, 410_000, 95_000])],
        valueFormat: .money(currency: "EUR"))

    static let waterfall = Chart.waterfall(
        title: "AR bridge", subtitle: "March 2026",
        steps: [
            WaterfallStep("Opening AR", .start, 2_285_000),
            WaterfallStep("Sales", .increase, 1_120_000),
            WaterfallStep("Collections", .decrease, 980_000),
            WaterfallStep("Credit notes", .decrease, 64_000),
            WaterfallStep("Write-offs", .decrease, 21_000),
            WaterfallStep("Closing AR", .total, nil),
        ],
        valueFormat: .money(currency: "EUR"), increaseIsGood: false)

    static let heatmap = Chart.heatmap(
        title: "Overdue by bucket and customer group",
        rows: ["Key accounts", "Mid-market", "Small business", "Public sector"],
        columns: ["Not due", "1–30", "31–60", "61–90", "90+"],
        values: [[820_000, 210_000, 64_000, 12_000, 5_000],
                 [410_000, 130_000, 72_000, 41_000, 38_000],
                 [150_000, 88_000, 51_000, 39_000, 96_000],
                 [230_000, 25_000, nil, 4_000, 61_000]],
        valueFormat: .money(currency: "EUR"))

    static let kpi = Chart.kpi(title: "Credit management overview", tiles: [
        KPITile(label: "Open AR", value: 3_320_000, previous: 3_180_000, format: .money(currency: "EUR"),
                sparkline: [2.9, 3.0, 3.1, 3.05, 3.18, 3.32], direction: .lowerIsBetter),
        KPITile(label: "DSO", value: 46.7, previous: 48.3, format: .days,
                sparkline: [48.2, 47.5, 51.3, 49.8, 48.3, 46.7], direction: .lowerIsBetter),
        KPITile(label: "Overdue rate", value: 0.214, previous: 0.198, format: .ratio,
                sparkline: [0.18, 0.19, 0.2, 0.21, 0.198, 0.214], direction: .lowerIsBetter),
        KPITile(label: "CEI", value: 87.5, previous: 85.1, format: .percent,
                sparkline: [82, 84, 83.5, 86, 85.1, 87.5]),
    ])

    static let table = Chart.table(
        title: "Top overdue customers",
        header: ["Customer", "Group", "Open", "Overdue", "DSO"],
        rows: [
            ["Nordwind Logistik GmbH & Co. KG", "Key accounts", "1,204,330.00", "412,300.00", "61.2"],
            ["Acme Industrial Supplies Ltd", "Mid-market", "880,100.50", "305,120.00", "55.0"],
            ["Bellamy Foods", "Small business", "240,000.00", "188,400.00", "92.4"],
            ["Castellano Construcciones S.A.", "Mid-market", "610,900.00", "150,000.00", "47.9"],
            ["Delta Pharma", "Key accounts", "1,990,000.00", "96,250.00", "38.1"],
        ])

    static let all: [(String, Chart)] = [
        ("stacked-bar", stackedBar), ("grouped-bar", groupedBar), ("horizontal-bar", horizontalBar),
        ("line", line), ("area", area), ("donut", donut), ("waterfall", waterfall),
        ("heatmap", heatmap), ("kpi", kpi), ("table", table),
    ]
}
