import Foundation

/// Axis ticks at "nice" numbers (1, 2, 5 × 10ⁿ), after Paul Heckbert, "Nice Numbers for Graph
/// Labels", Graphics Gems (1990), loose labelling: the axis extends to the ticks around the data.
struct NiceScale: Equatable {
    var lower: Double
    var upper: Double
    var step: Double

    /// A scale covering `minimum...maximum` with about `targetTicks` ticks.
    init(minimum: Double, maximum: Double, targetTicks: Int) {
        var low = minimum, high = maximum
        if !(low.isFinite && high.isFinite) { low = 0; high = 1 }
        if low == high {
            // A flat series still needs an axis: open it around the value (or 0...1).
            if low == 0 { high = 1 } else if low > 0 { low = 0 } else { high = 0 }
        }
        let ticks = max(2, targetTicks)
        // Heckbert first rounds the range up to a nice number, which can halve the tick count
        // (0…2.4M gives 0, 1M, 2M, 3M); rounding the raw step keeps the density asked for.
        step = NiceScale.niceNumber((high - low) / Double(ticks - 1), round: true)
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
        // A sliver below zero (a −350 credit among millions) would cost a whole step of axis:
        // the axis then ends just below zero, between ticks.
        if low < 0, high > 0, -low < step * 0.05 { lower = low }
    }

    /// The tick values from `lower` to `upper` (multiples of `step`), snapped so that
    /// 0.30000000000000004 prints as 0.3.
    var ticks: [Double] {
        let first = (lower / step - 1e-9).rounded(.up)
        let count = Int(((upper / step) - first + 1e-9).rounded(.down)) + 1
        return (0..<max(0, count)).map { index in
            let value = (first + Double(index)) * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
    }

    /// Heckbert's nice number near `x`: rounded (for the step) or the next at or above (for the range).
    static func niceNumber(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = (log10(x)).rounded(.down)
        let power = pow(10, exponent)
        let fraction = x / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }
}
