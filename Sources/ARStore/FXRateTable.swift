import ARCore

/// Exchange rates to the reporting currency, sorted by currency then date (file order kept
/// within a date), so that "the currency's latest row on or before a day" is a binary search.
public struct FXRateTable: Sendable, Equatable {
    public var currency: [Int32] = []
    public var day: [Int32] = []
    public var mantissa: [Int64] = []
    public var scale: [UInt8] = []
    /// Rows of currency `c` are `start[c] ..< start[c + 1]`; `start.count == currencies.count + 1`.
    public var start: [Int32] = [0]

    public init() {}

    public var count: Int { currency.count }

    /// The rate of currency index `c` valid on `day`: its latest row on or before it (of two rows
    /// for one date, the later in the file). `nil` when there is none.
    public func rate(currency c: Int32, on day: Int32) -> ExactRate? {
        guard Int(c) + 1 < start.count else { return nil }
        var lo = Int(start[Int(c)]), hi = Int(start[Int(c) + 1])
        // First row whose day is after `day`.
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.day[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        let row = lo - 1
        guard row >= Int(start[Int(c)]) else { return nil }
        return ExactRate(mantissa: mantissa[row], scale: Int(scale[row]))
    }
}

/// Why an amount could not be converted to the reporting currency.
public struct ConversionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var currency: String
    public var day: Day
    public var overflow = false
    public var description: String {
        overflow ? "amount in \(currency) on \(day.iso) overflows when converted"
            : "no \(currency) rate on or before \(day.iso): add one to fx_rates"
    }
}

extension Ledger {
    /// Converts `minor` units of currency index `c` to reporting-currency minor units at the rate
    /// valid on `day`, rounding half away from zero (metrics.md, "Conversion").
    /// The reporting currency converts at exactly 1.
    public func toReporting(_ minor: Int64, currency c: Int32, on day: Int32) throws(ConversionError) -> Int64 {
        let source = currencies[Int(c)]
        let target = snapshot.reportingCurrency
        if source == target { return minor }
        guard let rate = fxRates.rate(currency: c, on: day) else {
            throw ConversionError(currency: source.code, day: Day(rawValue: day))
        }
        guard let converted = rate.convert(minor, sourceDigits: source.minorDigits, targetDigits: target.minorDigits) else {
            throw ConversionError(currency: source.code, day: Day(rawValue: day), overflow: true)
        }
        return converted
    }
}
