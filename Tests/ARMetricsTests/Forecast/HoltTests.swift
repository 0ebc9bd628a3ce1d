import ARCore
import ARStore
import Testing
@testable import ARMetrics

struct HoltTests {
    let engine = MetricEngine(ledger: LedgerBuilder().finish(asOf: d("2026-06-30")))

    /// A straight line is followed exactly, with no residual and so no interval width, and month
    /// ends step to month ends.
    @Test func linearSeriesContinuesExactly() {
        let days = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"].map(d)
        let series = days.enumerated().map { ($1, 10.0 + 2.0 * Double($0)) }
        let p = engine.project(series: series, periods: 3)
        #expect(p.points.map(\.date) == [d("2026-07-31"), d("2026-08-31"), d("2026-09-30")])
        #expect(p.points.map(\.value).map { ($0 * 1e9).rounded() / 1e9 } == [22, 24, 26])
        #expect(p.sse < 1e-18)
        #expect(p.points.allSatisfy { abs($0.upper - $0.lower) < 1e-9 })
    }

    /// A noisy line: the trend is still about +2 a step, and the interval widens with the horizon.
    @Test func noisySeriesIntervalWidens() {
        let noise = [0.5, -0.4, 0.3, -0.6, 0.2, 0.4, -0.3, 0.1, -0.2, 0.5]
        let series = noise.enumerated().map { (d("2026-01-01").adding(days: 7 * $0), 100 + 2 * Double($0) + $1) }
        let p = engine.project(series: series, periods: 4)
        #expect(p.points.map(\.date) == [d("2026-03-12"), d("2026-03-19"), d("2026-03-26"), d("2026-04-02")])
        #expect(abs(p.trend - 2) < 0.5)
        #expect(p.residualStandardDeviation > 0)
        let widths = p.points.map { $0.upper - $0.lower }
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 < $1 })
        #expect(p.points.allSatisfy { $0.lower < $0.value && $0.value < $0.upper })
        #expect(p.confidence == 0.8)
    }

    @Test func shortSeries() {
        #expect(engine.project(series: [], periods: 3).points.isEmpty)
        let one = engine.project(series: [(d("2026-01-31"), 5)], periods: 2)
        #expect(one.points.map(\.value) == [5, 5])
        #expect(one.points.map(\.date) == [d("2026-02-01"), d("2026-02-02")])
    }

    /// AR at four month ends grows by 100.00 a month; the projection continues it.
    @Test func projectsAMetricSeries() throws {
        var f = try LedgerFixture()
        for (k, month) in ["2026-01-15", "2026-02-15", "2026-03-15", "2026-04-15"].enumerated() {
            try f.invoice("I\(k)", issue: month, due: month, amount: 10_000)
        }
        let e = f.engine(asOf: "2026-04-30")
        let dates = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"].map(d)
        let p = try e.projectMetric(MetricRequest(.ar), dates: dates, periods: 2)
        #expect(p.points.map(\.date) == [d("2026-05-31"), d("2026-06-30")])
        #expect(p.points.map { $0.value.rounded() } == [50_000, 60_000])
    }
}
