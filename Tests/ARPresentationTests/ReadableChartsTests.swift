import ARCharts
import ARCore
import ARPresentation
import ARQuery
import Foundation
import Testing

/// The automatic choices of docs/charts.md on the bundled sample (as of 2026-10-31, EUR): what
/// each case of issue 14 becomes, with the figures it shows checked against the result.
struct ReadableChartsTests {
    let context = ReadableChartsGoldenTests.context

    func chart(_ query: String) throws -> Chart {
        try ChartOutput.chart(for: ReadableChartsGoldenTests.outcome(query), options: ChartOutputOptions(context: context))
    }

    func result(_ query: String) throws -> ResultSet {
        guard case let .table(result, _, _) = try ReadableChartsGoldenTests.outcome(query) else { throw ChartOutputError("no table") }
        return result
    }

    @Test func forecastIsWeeklyBarsByRuleWithACumulativeLineAndLaterAsANote() throws {
        let chart = try chart("forecast collections weekly next 13 weeks")
        #expect(chart.kind == .stackedBar && chart.title == "Expected collections, weekly")
        #expect(chart.subtitle == "as of 2026-10-31 · EUR")
        #expect(chart.series.map(\.name) == ["behaviour", "no history", "promise", "dispute"])
        #expect(chart.categories.count == 13 && chart.categories.first == "2026-10-26" && chart.categoriesAreDates)
        // The parts of each week add up to the result's total of that week.
        let result = try result("forecast collections weekly next 13 weeks")
        let totals = result.rows.prefix(13).map { row -> Double in
            guard case let .money(m) = row[5] else { return .nan }
            return Double(m) / 100
        }
        for (k, total) in totals.enumerated() {
            #expect(abs(chart.series.reduce(0) { $0 + ($1.values[k] ?? 0) } - total) < 0.005)
        }
        let cumulative = try #require(chart.overlay?.series.first?.values.last ?? nil)
        #expect(abs(cumulative - 80_794_743.27) < 0.005)   // 93,375,158.01 in all − 12,580,414.74 later
        #expect(chart.notes == ["Expected after 2027-01-24: EUR 12.6M, not drawn (EUR 93.4M in all)"])
    }

    @Test func groupedForecastStacksGroupsAndALineIsTheWeeklyTotal() throws {
        let byEntity = try chart("forecast collections weekly next 13 weeks by entity")
        #expect(byEntity.title == "Expected collections, weekly by entity")
        #expect(byEntity.series.map(\.name) == ["DE01", "FR01", "JP01", "UK01", "US01"] && byEntity.overlay != nil)
        let line = try chart("forecast collections weekly next 13 weeks | chart line")
        #expect(line.kind == .line && line.series.map(\.name) == ["expected"] && line.overlay == nil)
        let monthly = try chart("forecast collections monthly next 3 months")
        #expect(monthly.categories == ["2026-10-01", "2026-11-01", "2026-12-01"])
        #expect(monthly.notes.last?.hasPrefix("Expected after 2026-12-31: ") == true)
        let nothing = try chart(#"forecast collections weekly next 4 weeks where customer = "nobody""#)
        #expect(nothing.isEmpty && nothing.notes == ["No positive open item matches: nothing is expected"])
    }

    @Test func mixedUnitsBecomeTilesOrOnePanelPerUnit() throws {
        let tiles = try chart("ar, overdue, overdue_rate, dso, cei")
        #expect(tiles.kind == .kpi)
        #expect(tiles.tiles.map(\.label) == ["AR", "Overdue", "Overdue rate", "DSO", "CEI"])
        #expect(tiles.tiles.map(\.direction) == [.lowerIsBetter, .lowerIsBetter, .lowerIsBetter, .lowerIsBetter, .higherIsBetter])
        #expect(tiles.title == "AR, Overdue, Overdue rate, DSO, CEI" && tiles.subtitle == "as of 2026-10-31 · EUR")
        let panels = try chart("disputed, open_disputes, dispute_days by dispute_reason")
        #expect(panels.kind == .smallMultiples)
        #expect(panels.panels.map(\.title) == ["Disputed", "Open disputes", "Dispute days"])
        #expect(panels.panels.map(\.valueFormat) == [.money(currency: "EUR"), .count, .days])
        let series = try chart("dso, overdue_rate by entity monthly from 2025-10-31 to 2026-10-31")
        #expect(series.kind == .smallMultiples && series.panels.map(\.kind) == [.line, .line])
        #expect(series.panels[1].series.map(\.name) == ["DE01", "FR01", "JP01", "UK01", "US01"])
    }

    @Test func ratioChangesReadInPoints() throws {
        let tile = try #require(try chart("overdue_rate").tiles.first)
        let result = try result("overdue_rate monthly from 2026-09-30 to 2026-10-31")
        guard case let .number(before) = result.rows[0][1], case let .number(now) = result.rows[1][1] else {
            Issue.record("expected two ratios")
            return
        }
        #expect(tile.value == now && tile.previous == before)
        #expect(tile.changeLabel == String(format: "%.1f pts", abs(now - before) * 100))
    }

    @Test func manyCategoriesAreSortedBarsOfTheLargestAndOther() throws {
        let aging = try chart("aging by customer_group")
        #expect(aging.kind == .horizontalStackedBar && aging.title == "Aging by customer group")
        #expect(aging.categories.count == 16 && aging.categories.first == "(none)" && aging.categories.last == "Other (13)")
        #expect(aging.notes == ["The 15 largest of 28 by total; the other 13 summed in 'Other (13)'"])
        let rates = try chart("overdue_rate by customer")
        #expect(rates.kind == .horizontalBar && rates.categories.count == 15)
        #expect(rates.notes.first?.hasSuffix("by overdue_rate; the other 335 not shown") == true)
    }

    @Test func negativePartsAreNotADonut() throws {
        let chart = try chart("ar by bucket | chart donut")
        #expect(chart.kind == .horizontalBar && chart.categories.last == "120+")
        #expect(chart.notes == ["A donut cannot show negative parts (120+: EUR -581k): drawn as bars"])
        #expect(try self.chart("ar by entity | chart donut").kind == .donut)
    }

    @Test func manySeriesAreHighlightedSummedOrSplit() throws {
        let rates = try chart("overdue_rate by customer_group monthly from 2025-10-31 to 2026-10-31")
        #expect(rates.series.count == 28 && rates.series.filter(\.isMuted).count == 21)
        let money = try chart("ar by customer_group monthly from 2025-10-31 to 2026-10-31 | chart area")
        #expect(money.series.count == 8 && money.series.last?.name == "Other (21)" && money.series.last?.isMuted == true)
        let projection = try chart("dso by entity monthly from 2025-10-31 to 2026-10-31 project 6 months")
        #expect(projection.kind == .smallMultiples && projection.panels.count == 5)
        #expect(projection.panels.allSatisfy { $0.series.count == 1 && $0.series[0].band != nil && $0.series[0].projectedFrom == 13 })
        #expect(Set(projection.panels.map(\.valueRange)).count == 1)
    }

    @Test func itemsAreTheLargestAsBars() throws {
        let chart = try chart("items where dpd > 30")
        #expect(chart.kind == .horizontalBar && chart.categories.count == 15 && chart.title == "Largest open items")
        let values = chart.series[0].values.compactMap { $0 }
        #expect(values == values.sorted(by: >))
        #expect(chart.categories[0].hasPrefix("INV-") && chart.categories[0].contains(" · "))
    }

    @Test func filesSayWhatTheyAreOfAndWhenTheyWereMade() throws {
        let outcome = try ReadableChartsGoldenTests.outcome("aging by region")
        let pdf = try ChartOutput.render(outcome, format: .pdf, options: ChartOutputOptions(context: context))
        let text = String(decoding: pdf, as: UTF8.self)
        // Cairo writes a title with "·" in UTF-16 hex.
        let title = "FEFF" + "Aging by region · as of 2026-10-31 · EUR".utf16.map { String(format: "%04X", $0) }.joined()
        #expect(text.contains("/Title <\(title)>"))
        #expect(text.contains("/Subject (ARLens chart: snapshot sample-2026-10-31, as of 2026-10-31, reporting currency EUR)"))
        #expect(text.contains("/CreationDate (20261031000000Z)") || text.contains("/CreationDate (D:20261031000000"))
        #expect(text.contains("/Keywords (ARLens, snapshot sample-2026-10-31)"))
        var drawn = context
        drawn.renderedAt = Date(timeIntervalSince1970: 1_800_000_000)   // 2027-01-15T08:00:00Z
        let stamped = String(decoding: try ChartOutput.render(outcome, format: .pdf, options: ChartOutputOptions(context: drawn)),
                             as: UTF8.self)
        #expect(stamped.contains("/CreationDate (20270115080000Z)") || stamped.contains("/CreationDate (D:20270115080000"))
        // `render` gives exactly the bytes `write` puts in the file.
        let path = FileManager.default.temporaryDirectory.appending(path: "arlens-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ChartOutput.write(outcome, to: path, options: ChartOutputOptions(context: context))
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            == (try ChartOutput.render(outcome, format: .svg, options: ChartOutputOptions(context: context))))
    }

    @Test func aMetricTableDatesTheChartWithoutAContext() throws {
        let outcome = try ReadableChartsGoldenTests.outcome("ar by entity as of 2026-09-30")
        let chart = try ChartOutput.chart(for: outcome, options: ChartOutputOptions())
        #expect(chart.subtitle == "as of 2026-09-30 · EUR")
        #expect(chart.metadata.creationDate == "2026-09-30T00:00:00Z")
    }
}
