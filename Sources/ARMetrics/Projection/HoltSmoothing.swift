import ARCore

/// Holt's linear exponential smoothing (additive trend, no seasonality):
///
///     level_t = α·y_t + (1 − α)·(level_{t−1} + trend_{t−1})
///     trend_t = β·(level_t − level_{t−1}) + (1 − β)·trend_{t−1}
///     ŷ_{t+h} = level_t + h·trend_t
///
/// started from `level_0 = y_0`, `trend_0 = y_1 − y_0`. α and β are chosen on the grid
/// 0.05, 0.10 … 0.95 (each) minimising the sum of squared one-step-ahead errors; ties keep the
/// smaller weights (the smoother fit). The 80 % interval of step `h` is
/// `± 1.2816·σ·sqrt(1 + Σ_{j=1}^{h−1} α²(1 + jβ)²)` with `σ² = SSE / (number of errors)`, the
/// variance of the ETS(A,A,N) model's h-step error.
enum HoltSmoothing {
    static let grid: [Double] = (1...19).map { Double($0) * 0.05 }
    static let z80 = 1.2816

    struct Fit {
        var alpha: Double, beta: Double, level: Double, trend: Double, sse: Double, errors: Int
    }

    static func project(series: [(Day, Double)], periods: Int) -> Projection {
        let values = series.map(\.1), days = series.map(\.0)
        let fit = best(values)
        let sigma = fit.errors > 0 ? (fit.sse / Double(fit.errors)).squareRoot() : 0
        let nextDates = futureDates(after: days, count: max(0, periods))
        var points: [Projection.Point] = []
        var spread = 0.0
        for (k, date) in nextDates.enumerated() {
            let h = Double(k + 1)
            if k > 0 { spread += fit.alpha * fit.alpha * (1 + Double(k) * fit.beta) * (1 + Double(k) * fit.beta) }
            let value = fit.level + h * fit.trend
            let half = z80 * sigma * (1 + spread).squareRoot()
            points.append(Projection.Point(date: date, value: value, lower: value - half, upper: value + half))
        }
        return Projection(alpha: fit.alpha, beta: fit.beta, level: fit.level, trend: fit.trend, sse: fit.sse,
                          residualStandardDeviation: sigma, confidence: 0.8, history: days, points: points)
    }

    /// The grid weights with the least one-step SSE (a flat or two-point series needs no search).
    static func best(_ y: [Double]) -> Fit {
        guard y.count >= 2 else { return Fit(alpha: 0, beta: 0, level: y.first ?? 0, trend: 0, sse: 0, errors: 0) }
        var best: Fit?
        for alpha in grid {
            for beta in grid {
                let fit = run(y, alpha: alpha, beta: beta)
                if best == nil || fit.sse < best!.sse { best = fit }
            }
        }
        return best!
    }

    /// Smooths `y` with the given weights; the first error (always 0 from this start) is not counted.
    static func run(_ y: [Double], alpha: Double, beta: Double) -> Fit {
        var level = y[0], trend = y[1] - y[0], sse = 0.0
        for t in 1..<y.count {
            let forecast = level + trend
            let error = y[t] - forecast
            if t >= 2 { sse += error * error }
            let previous = level
            level = alpha * y[t] + (1 - alpha) * forecast
            trend = beta * (level - previous) + (1 - beta) * trend
        }
        return Fit(alpha: alpha, beta: beta, level: level, trend: trend, sse: sse, errors: max(0, y.count - 2))
    }

    /// The dates of the next `count` periods: by months when every gap is one month (same day
    /// of month, or month ends), else by the last gap in days (one day for a single date).
    static func futureDates(after days: [Day], count: Int) -> [Day] {
        guard let last = days.last else { return [] }
        let monthEnds = days.allSatisfy { $0 == $0.endOfMonth }
        let monthly = days.count >= 2 && zip(days, days.dropFirst()).allSatisfy { a, b in
            b == a.adding(months: 1) || (monthEnds && b == a.adding(months: 1).endOfMonth)
        }
        if monthly {
            return (1...max(1, count)).prefix(count).map { k in monthEnds ? last.adding(months: k).endOfMonth : last.adding(months: k) }
        }
        let step = days.count >= 2 ? max(1, last.days(since: days[days.count - 2])) : 1
        return (1...max(1, count)).prefix(count).map { last.adding(days: step * $0) }
    }
}
