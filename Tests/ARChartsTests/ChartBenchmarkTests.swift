import Foundation
import Testing
import ARCharts

/// Render timing, off by default. Run in a release build (see Benchmarks/charts/README.md):
///
///     ARLENS_CHART_BENCH=200 swift test -c release -Xswiftc -enable-testing --filter ChartBenchmarkTests
struct ChartBenchmarkTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["ARLENS_CHART_BENCH"] ?? "") ?? 0

    @Test(.enabled(if: iterations > 0, "set ARLENS_CHART_BENCH=N to time N renders per chart kind"))
    func timeEachKindToPNG() throws {
        let size = ChartSize(width: 800, height: 500)
        var lines: [String] = []
        for (name, chart) in SampleCharts.all {
            _ = try ChartRenderer.render(chart, format: .png, size: size)  // warm the font caches
            let clock = ContinuousClock()
            var bytes = 0
            let elapsed = try clock.measure {
                for _ in 0..<Self.iterations {
                    bytes &+= try ChartRenderer.render(chart, format: .png, size: size).count
                }
            }
            let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
            let perChart = ms / Double(Self.iterations)
            lines.append("\(name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", perChart)) ms/chart")
            #expect(bytes > 0)
        }
        print("ARCharts PNG 800x500, \(Self.iterations) renders each:\n" + lines.joined(separator: "\n"))
    }
}
