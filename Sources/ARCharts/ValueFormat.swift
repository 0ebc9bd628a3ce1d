/// How a value is written: on an axis, in a label or on a KPI tile.
///
/// Values are display figures (money already in major units); exactness is the caller's
/// business, the chart only rounds for the eye.
public enum ValueFormat: Sendable, Equatable {
    /// A plain number with a fixed number of decimals.
    case number(decimals: Int)
    /// A whole count.
    case count
    /// Money in major units of an ISO 4217 currency, abbreviated with k/M/B on axes and labels.
    case money(currency: String)
    /// A fraction shown as a percentage (0.25 is "25%").
    case ratio
    /// A value that already is a percentage (87.5 is "87.5%").
    case percent
    /// A number of days ("45 d").
    case days

    /// The unit to print once next to an axis (the currency code), or nil.
    public var axisUnit: String? {
        if case .money(let code) = self { return code }
        return nil
    }

    /// The full label for one value: "EUR 1.25M", "1,234", "25.0%", "45.3 d".
    public func label(_ value: Double) -> String {
        switch self {
        case .number(let decimals): return NumberText.grouped(value, decimals: decimals)
        case .count: return NumberText.grouped(value, decimals: 0)
        case .money(let code): return code + " " + NumberText.abbreviated(value)
        case .ratio: return NumberText.grouped(value * 100, decimals: 1) + "%"
        case .percent: return NumberText.grouped(value, decimals: 1) + "%"
        case .days: return NumberText.grouped(value, decimals: abs(value) < 100 ? 1 : 0) + " d"
        }
    }

    /// A label for tight spots (heatmap cells): money without its code, shown elsewhere once.
    public func compactLabel(_ value: Double) -> String {
        if case .money = self { return NumberText.abbreviated(value) }
        return label(value)
    }

    /// Labels for a set of values shown side by side (heatmap cells): one k/M abbreviation for
    /// all, picked by the largest, so 3k sits next to 56k rather than 3,000; money without its code.
    public func compactLabels(_ values: [Double]) -> [String] {
        switch self {
        case .money, .number, .count:
            let (divisor, suffix) = NumberText.abbreviation(for: values.map(abs).max() ?? 0)
            if divisor == 1 { return values.map(compactLabel) }
            return values.map { value in
                let scaled = value / divisor
                // Far below the shared unit ("0.0M"), a value keeps its own ("5,000", "64k").
                if value == 0 { return "0" }
                if abs(scaled) < 0.1 { return NumberText.abbreviated(value) }
                return NumberText.trimmingZeros(NumberText.grouped(scaled, decimals: abs(scaled) < 10 ? 1 : 0)) + suffix
            }
        default:
            return values.map(label)
        }
    }

    /// Tick labels for an axis whose ticks are `step` apart. Money drops the code (shown once as
    /// the axis unit) and shares one abbreviation across all ticks, so "0.5M, 1.0M, 1.5M" line up.
    public func tickLabels(_ ticks: [Double], step: Double) -> [String] {
        switch self {
        case .money, .number, .count:
            let largest = ticks.map(abs).max() ?? 0
            let (divisor, suffix) = NumberText.abbreviation(for: largest)
            let decimals = NumberText.decimals(forStep: step / divisor)
            return ticks.map { $0 == 0 ? "0" : NumberText.grouped($0 / divisor, decimals: decimals) + suffix }
        case .ratio:
            let decimals = NumberText.decimals(forStep: step * 100)
            return ticks.map { NumberText.grouped($0 * 100, decimals: decimals) + "%" }
        case .percent:
            return ticks.map { NumberText.grouped($0, decimals: NumberText.decimals(forStep: step)) + "%" }
        case .days:
            return ticks.map { NumberText.grouped($0, decimals: NumberText.decimals(forStep: step)) + " d" }
        }
    }
}

/// Number to text without Foundation's locale machinery: deterministic on every machine.
enum NumberText {
    /// "1,234,567.89": rounded half away from zero, thousands separated by commas.
    static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let places = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return value < 0 ? "-∞" : "∞" }
        let units = UInt64(scaled)
        let factor = UInt64(scale)
        let whole = units / factor, fraction = units % factor
        var digits = String(whole)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        out = digits + out
        if places > 0 {
            let fractionText = String(fraction)
            out += "." + String(repeating: "0", count: places - fractionText.count) + fractionText
        }
        return (value < 0 && units > 0 ? "-" : "") + out
    }

    /// The divisor and suffix that suit a magnitude: (1e6, "M") for 2,500,000.
    static func abbreviation(for magnitude: Double) -> (Double, String) {
        if magnitude >= 1e9 { return (1e9, "B") }
        if magnitude >= 1e6 { return (1e6, "M") }
        if magnitude >= 1e4 { return (1e3, "k") }
        return (1, "")
    }

    /// "1.25M", "350k", "9,800", "12.5": three significant figures at most once abbreviated.
    static func abbreviated(_ value: Double) -> String {
        let (divisor, suffix) = abbreviation(for: abs(value))
        let scaled = abs(value) / divisor
        let decimals = scaled < 10 ? 2 : scaled < 100 ? 1 : 0
        return trimmingZeros(grouped(value / divisor, decimals: decimals)) + suffix
    }

    /// "64.0" → "64", "1.20" → "1.2": trailing zeros after the point say nothing in a label.
    static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var copy = text
        while copy.last == "0" { copy.removeLast() }
        if copy.last == "." { copy.removeLast() }
        return copy
    }

    /// Decimals needed to tell ticks `step` apart: 0 for 5, 1 for 0.5, 2 for 0.25.
    static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        var decimals = 0
        var scaled = step
        while decimals < 6, abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }
}
