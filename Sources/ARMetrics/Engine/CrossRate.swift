import ARCore
import ARStore

/// An exact factor from minor units of one currency to minor units of another:
/// `minor × numerator / denominator`, rounded half away from zero once.
struct CrossRate: Sendable {
    let numerator: Int128
    let denominator: Int128

    static let identity = CrossRate(numerator: 1, denominator: 1)

    var isIdentity: Bool { numerator == denominator }

    @inline(__always)
    func apply(_ minor: Int64) throws(MetricError) -> Int64 {
        if numerator == denominator { return minor }
        // Terms and product within 64 bits (the usual case): one 64-bit multiply and divide
        // instead of a 128-bit division, with the same result.
        if denominator > 0, let n = Int64(exactly: numerator), let d = Int64(exactly: denominator) {
            let (product, overflow) = minor.multipliedReportingOverflow(by: n)
            if !overflow {
                // Truncating division, then half away from zero: as the 128-bit path rounds.
                let quotient = product / d, remainder = product % d
                if remainder.magnitude * 2 >= d.magnitude { return quotient + (product < 0 ? -1 : 1) }
                return quotient
            }
        }
        let (product, overflow) = Int128(minor).multipliedReportingOverflow(by: numerator)
        guard !overflow, let value = ExactRate.divideRoundingHalfAwayFromZero(product, denominator) else {
            throw MetricError.overflow("a converted amount")
        }
        return value
    }
}

/// A currency figures are converted to: the reporting currency, or another one through the
/// cross rate of the two reporting-currency rates.
struct ConversionTarget: Sendable {
    let currency: Currency
    /// Index in the ledger's currencies, `-1` when no row uses it.
    let index: Int32
}

/// Looks up exact rates (metrics.md, "Conversion"): the latest row on or before the day, the
/// reporting currency at exactly 1, a cross rate `rate_src / rate_target` rounded once.
struct RateBook: Sendable {
    let ledger: Ledger

    var reporting: Currency { ledger.snapshot.reportingCurrency }

    func target(_ currency: Currency) -> ConversionTarget {
        ConversionTarget(currency: currency, index: ledger.currencyIndex(of: currency.code) ?? -1)
    }

    /// The rate to the reporting currency of `currency` (index `c`, `-1` when unknown) on `day`.
    private func reportingRate(_ currency: Currency, index c: Int32, on day: Int32) throws(MetricError) -> ExactRate {
        if currency == reporting { return .one }
        guard c >= 0, let rate = ledger.fxRates.rate(currency: c, on: day) else {
            throw MetricError.noRate(currency.code, on: day)
        }
        return rate
    }

    /// The factor converting currency index `c` to `target` on `day`.
    func cross(from c: Int32, to target: ConversionTarget, on day: Int32) throws(MetricError) -> CrossRate {
        let source = ledger.currencies[Int(c)]
        return try cross(from: source, index: c, to: target, on: day)
    }

    func cross(from source: Currency, index c: Int32, to target: ConversionTarget, on day: Int32) throws(MetricError) -> CrossRate {
        if source == target.currency { return .identity }
        let s = try reportingRate(source, index: c, on: day)
        let t = try reportingRate(target.currency, index: target.index, on: day)
        guard t.mantissa != 0 else { throw MetricError.noRate(target.currency.code, on: day) }
        let up = t.scale + target.currency.minorDigits, down = s.scale + source.minorDigits
        let common = min(up, down)
        let (numerator, o1) = Int128(s.mantissa).multipliedReportingOverflow(by: power10(up - common))
        let (denominator, o2) = Int128(t.mantissa).multipliedReportingOverflow(by: power10(down - common))
        guard !o1, !o2 else { throw MetricError.overflow("the \(source.code) to \(target.currency.code) rate on \(Day(rawValue: day).iso)") }
        return CrossRate(numerator: numerator, denominator: denominator)
    }

    /// The factor of every ledger currency to `target` on `day`; `nil` where a source rate is
    /// missing (an error only if an amount in that currency must be converted).
    /// - Throws: when the target itself has no rate on `day`.
    func factors(to target: ConversionTarget, on day: Int32) throws(MetricError) -> [CrossRate?] {
        _ = try reportingRate(target.currency, index: target.index, on: day)
        return (0..<ledger.currencies.count).map { c in try? cross(from: Int32(c), to: target, on: day) }
    }
}

/// 10^n for the scales of rates and currencies (n ≤ 18 + 4, far below 10^38).
func power10(_ n: Int) -> Int128 {
    var value: Int128 = 1
    for _ in 0..<n { value *= 10 }
    return value
}

extension [CrossRate?] {
    /// Converts `minor` of currency index `c` with the factor looked up for `day`.
    @inline(__always)
    func convert(_ minor: Int64, currency c: Int32, currencies: [Currency], day: Int32) throws(MetricError) -> Int64 {
        guard let rate = self[Int(c)] else { throw MetricError.noRate(currencies[Int(c)].code, on: day) }
        return try rate.apply(minor)
    }
}
