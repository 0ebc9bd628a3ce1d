/// An exchange rate exactly as written in the ledger: a decimal mantissa and a scale.
///
/// `1.0873` is stored as mantissa 10873, scale 4. Rates are never rounded (metrics.md,
/// "Conversion"): a conversion multiplies exactly in 128-bit integers and rounds once.
public struct ExactRate: Hashable, Sendable, CustomStringConvertible {
    public let mantissa: Int64
    public let scale: Int

    public static let one = ExactRate(mantissa: 1, scale: 0)

    public init(mantissa: Int64, scale: Int) {
        precondition(scale >= 0 && scale <= 18, "rate scale out of range")
        self.mantissa = mantissa
        self.scale = scale
    }

    /// Parses a plain decimal such as `1.0873` or `0.00612`; `nil` for anything else
    /// (signs, exponents, separators, more than 18 digits after the point).
    public init?(_ text: some StringProtocol) {
        var mantissa: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (m2, o2) = m1.addingReportingOverflow(Int64(byte - 48))
            if o1 || o2 { return nil }
            mantissa = m2
            digits += 1
            if seenPoint { scale += 1 }
        }
        guard digits > 0, scale <= 18 else { return nil }
        self.init(mantissa: mantissa, scale: scale)
    }

    public var description: String {
        guard scale > 0 else { return String(mantissa) }
        var s = String(mantissa)
        if s.count <= scale { s = String(repeating: "0", count: scale - s.count + 1) + s }
        s.insert(".", at: s.index(s.endIndex, offsetBy: -scale))
        return s
    }

    /// The rate as a `Double`, for display only.
    public var approximateValue: Double { Double(mantissa) / pow10(scale) }

    /// Converts `minor` units of a currency with `sourceDigits` minor digits into minor units of a
    /// currency with `targetDigits`, rounding half away from zero once.
    ///
    /// - Returns: `nil` when the result does not fit in 64 bits.
    public func convert(_ minor: Int64, sourceDigits: Int, targetDigits: Int) -> Int64? {
        var numerator = Int128(minor) * Int128(mantissa)
        var denominator = Int128(1)
        for _ in 0..<scale { denominator *= 10 }
        if targetDigits >= sourceDigits {
            for _ in 0..<(targetDigits - sourceDigits) {
                let (n, overflow) = numerator.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                numerator = n
            }
        } else {
            for _ in 0..<(sourceDigits - targetDigits) { denominator *= 10 }
        }
        return ExactRate.divideRoundingHalfAwayFromZero(numerator, denominator)
    }

    /// `numerator / denominator` rounded half away from zero; `denominator` > 0.
    public static func divideRoundingHalfAwayFromZero(_ numerator: Int128, _ denominator: Int128) -> Int64? {
        var quotient = numerator / denominator
        let remainder = numerator % denominator
        let twice = (remainder < 0 ? -remainder : remainder) * 2
        if twice >= denominator { quotient += numerator < 0 ? -1 : 1 }
        guard quotient >= Int128(Int64.min), quotient <= Int128(Int64.max) else { return nil }
        return Int64(quotient)
    }
}

private func pow10(_ n: Int) -> Double {
    var value = 1.0
    for _ in 0..<n { value *= 10 }
    return value
}
