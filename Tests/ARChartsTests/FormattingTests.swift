import Testing
@testable import ARCharts

struct FormattingTests {
    @Test func groupsThousandsAndRoundsHalfAwayFromZero() {
        #expect(NumberText.grouped(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(NumberText.grouped(-1_234.5, decimals: 0) == "-1,235")
        #expect(NumberText.grouped(999.995, decimals: 2) == "1,000.00")
        #expect(NumberText.grouped(0.25, decimals: 1) == "0.3")
        #expect(NumberText.grouped(-0.004, decimals: 2) == "0.00")
        #expect(NumberText.grouped(100, decimals: 0) == "100")
        #expect(NumberText.grouped(.nan, decimals: 0) == "–")
    }

    @Test func abbreviatesWithKMAndB() {
        #expect(NumberText.abbreviated(2_285_000) == "2.29M")
        #expect(NumberText.abbreviated(1_200_000) == "1.2M")
        #expect(NumberText.abbreviated(64_000) == "64k")
        #expect(NumberText.abbreviated(412_300) == "412k")
        #expect(NumberText.abbreviated(96_250) == "96.3k")
        #expect(NumberText.abbreviated(9_800) == "9,800")
        #expect(NumberText.abbreviated(-3_500_000_000) == "-3.5B")
        #expect(NumberText.abbreviated(12.5) == "12.5")
    }

    @Test func labelsEachValueKind() {
        #expect(ValueFormat.money(currency: "EUR").label(1_850_000) == "EUR 1.85M")
        #expect(ValueFormat.money(currency: "JPY").compactLabel(64_000) == "64k")
        #expect(ValueFormat.count.label(12_345) == "12,345")
        #expect(ValueFormat.ratio.label(0.214) == "21.4%")
        #expect(ValueFormat.percent.label(87.5) == "87.5%")
        #expect(ValueFormat.days.label(46.74) == "46.7 d")
        #expect(ValueFormat.days.label(123.4) == "123 d")
        #expect(ValueFormat.number(decimals: 2).label(1234.5) == "1,234.50")
        #expect(ValueFormat.money(currency: "EUR").axisUnit == "EUR")
        #expect(ValueFormat.days.axisUnit == nil)
    }

    @Test func cellLabelsShareOneAbbreviation() {
        let money = ValueFormat.money(currency: "EUR")
        #expect(money.compactLabels([3_000, 56_000, 820_000]) == ["3k", "56k", "820k"])
        #expect(money.compactLabels([5_000, 1_250_000]) == ["5,000", "1.3M"])
        #expect(money.compactLabels([950, 9_800]) == ["950", "9,800"])
        #expect(ValueFormat.ratio.compactLabels([0.5]) == ["50.0%"])
    }

    @Test func tickLabelsShareOneAbbreviationAndPrecision() {
        let money = ValueFormat.money(currency: "EUR")
        #expect(money.tickLabels([0, 500_000, 1_000_000, 1_500_000], step: 500_000) == ["0", "0.5M", "1.0M", "1.5M"])
        #expect(money.tickLabels([0, 1_000_000, 2_000_000], step: 1_000_000) == ["0", "1M", "2M"])
        #expect(money.tickLabels([0, 20_000, 40_000], step: 20_000) == ["0", "20k", "40k"])
        #expect(ValueFormat.count.tickLabels([0, 2_000, 4_000], step: 2_000) == ["0", "2,000", "4,000"])
        #expect(ValueFormat.ratio.tickLabels([0, 0.05, 0.1], step: 0.05) == ["0%", "5%", "10%"])
        #expect(ValueFormat.ratio.tickLabels([0, 0.025, 0.05], step: 0.025) == ["0.0%", "2.5%", "5.0%"])
        #expect(ValueFormat.days.tickLabels([44, 46, 48], step: 2) == ["44 d", "46 d", "48 d"])
    }

    @Test func niceScaleFollowsHeckbert() {
        // 0…2.4M with about 6 ticks: raw step 480k rounds to the nice 500k, axis 0…2.5M.
        let money = NiceScale(minimum: 0, maximum: 2_400_000, targetTicks: 6)
        #expect(money.step == 500_000)
        #expect(money.lower == 0 && money.upper == 2_500_000)
        #expect(money.ticks == [0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000])
        let days = NiceScale(minimum: 44.9, maximum: 54.1, targetTicks: 6)
        #expect(days.step == 2 && days.lower == 44 && days.upper == 56)
        let fractions = NiceScale(minimum: 0, maximum: 0.3, targetTicks: 4)
        #expect(fractions.ticks == [0, 0.1, 0.2, 0.30000000000000004])
        #expect(NiceScale(minimum: -120, maximum: 380, targetTicks: 6).ticks == [-200, -100, 0, 100, 200, 300, 400])
        // A flat or empty range still gets an axis.
        #expect(NiceScale(minimum: 5, maximum: 5, targetTicks: 5).lower == 0)
        #expect(NiceScale(minimum: 0, maximum: 0, targetTicks: 5).upper == 1)
        #expect(NiceScale(minimum: .nan, maximum: .infinity, targetTicks: 5).upper == 1)
    }

    @Test func dateLabelsNameMonthsOrDays() {
        #expect(DateLabels.labels(for: ["2025-10-31", "2025-11-30", "2026-01-31"]) == ["Oct 25", "Nov 25", "Jan 26"])
        #expect(DateLabels.labels(for: ["2026-03-02", "2026-03-09", "2026-03-16"]) == ["2 Mar", "9 Mar", "16 Mar"])
        #expect(DateLabels.labels(for: ["2026-03-31", "Total"]) == ["Mar 26", "Total"])
        #expect(DateLabels.parse("2026-02-30x") != nil)
        #expect(DateLabels.parse("2026-13-01") == nil)
    }

    @Test func thinnedDateLabelsKeepTheLatest() {
        #expect(DateLabels.shownIndices(count: 12, fit: 4) == [2, 5, 8, 11])
        #expect(DateLabels.shownIndices(count: 5, fit: 10) == [0, 1, 2, 3, 4])
        #expect(DateLabels.shownIndices(count: 0, fit: 3) == [])
    }

    @Test func tableDetectsNumericColumns() {
        let table = TableContent(header: ["Customer", "Open", "DSO"],
                                 rows: [["Acme", "1,204.00", "61.2 d"], ["Bellamy", "", "EUR 1.2M"]])
        #expect(table.alignment(ofColumn: 0) == .leading)
        #expect(table.alignment(ofColumn: 1) == .trailing)
        #expect(table.alignment(ofColumn: 2) == .trailing)
        #expect(TableContent(header: ["A"], rows: [["x"]], alignments: [.center]).alignment(ofColumn: 0) == .center)
    }
}
