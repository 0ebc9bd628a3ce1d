import Foundation

/// Wall-clock timing and resident memory of this process, for the benchmark.
enum BenchClock {
    /// Milliseconds taken by `body`, with its result.
    static func time<T>(_ body: () throws -> T) rethrows -> (ms: Double, value: T) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, value)
    }

    /// A field of /proc/self/status in kB (`VmRSS`, `VmHWM`), or 0 where there is none (macOS).
    static func statusKB(_ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
            return Int(digits) ?? 0
        }
        return 0
    }
}

/// The median of some timings (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
