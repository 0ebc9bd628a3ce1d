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
            var bytes = 0
            let wallStart = Self.milliseconds(CLOCK_MONOTONIC), cpuStart = Self.milliseconds(CLOCK_PROCESS_CPUTIME_ID)
            for _ in 0..<Self.iterations {
                bytes &+= try ChartRenderer.render(chart, format: .png, size: size).count
            }
            let wall = (Self.milliseconds(CLOCK_MONOTONIC) - wallStart) / Double(Self.iterations)
            let cpu = (Self.milliseconds(CLOCK_PROCESS_CPUTIME_ID) - cpuStart) / Double(Self.iterations)
            lines.append(name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "%8.3f ms wall %8.3f ms cpu per chart", wall, cpu))
            #expect(bytes > 0)
        }
        print("ARCharts PNG 800x500, \(Self.iterations) renders each:\n" + lines.joined(separator: "\n"))
    }

    /// A clock's reading in milliseconds (CPU time measures the work even on a loaded machine).
    static func milliseconds(_ clock: clockid_t) -> Double {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return Double(spec.tv_sec) * 1e3 + Double(spec.tv_nsec) / 1e6
    }
}
