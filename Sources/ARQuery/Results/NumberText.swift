import ARCore

/// Decimal text of numbers without Foundation: exact for money, rounded for ratios.
enum NumberText {
    /// `x` rounded half away from zero to `digits` decimals, trailing zeros dropped when `trim`.
    static func decimal(_ x: Double, digits: Int, trim: Bool) -> String {
        let scale = Double(Currency.powerOfTen(digits))
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled.magnitude < 9.0e15 else { return x.description }
        var text = MinorUnits.format(Int64(scaled), digits: digits)
        if trim, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// The shortest text that reads back as exactly `x`, without an exponent when `x` is not tiny or huge.
    static func roundTrip(_ x: Double) -> String {
        if x == x.rounded(), x.magnitude < 1e15 { return String(Int64(x)) }
        return x.description
    }

    /// Inserts `,` every three digits of the integer part: `-1234567.89` → `-1,234,567.89`.
    static func grouped(_ text: String) -> String {
        var integer = Substring(text)
        var rest = Substring("")
        if let point = text.firstIndex(of: ".") {
            integer = text[..<point]
            rest = text[point...]
        }
        let negative = integer.hasPrefix("-")
        if negative { integer = integer.dropFirst() }
        var groups: [Substring] = []
        while integer.count > 3 {
            groups.insert(integer.suffix(3), at: 0)
            integer = integer.dropLast(3)
        }
        groups.insert(integer, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",") + rest
    }
}

extension Currency {
    /// 10^n for small n.
    static func powerOfTen(_ n: Int) -> Int64 {
        var p: Int64 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }
}
