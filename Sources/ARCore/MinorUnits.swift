/// Parsing and formatting of money amounts as integer minor units.
public enum MinorUnits {
    /// The largest magnitude an amount may have, in minor units of any currency: 10^15 − 1
    /// (9,999,999,999,999.99 EUR, 999,999,999,999,999 JPY, 999,999,999,999.999 KWD).
    ///
    /// Every amount then converts to a `Double` exactly (10^15 < 2^53), an amount times an
    /// 18-digit rate mantissa fits in 128 bits with room to spare, and 9,000 amounts sum in 64
    /// bits; docs/import.md says why this bound and not 64 bits.
    public static let maximumMagnitude: Int64 = 999_999_999_999_999

    /// Whether `minor` is within ±``maximumMagnitude``.
    @inlinable
    public static func isRepresentable(_ minor: Int64) -> Bool {
        minor >= -maximumMagnitude && minor <= maximumMagnitude
    }

    /// Why a decimal amount could not be read.
    public enum ParseError: Error, Equatable, Sendable {
        /// Not a plain decimal number.
        case notANumber
        /// More digits after the point than the currency has (`12.345` in EUR).
        case tooManyDecimals(found: Int, allowed: Int)
        /// Beyond ±``MinorUnits/maximumMagnitude`` minor units.
        case outOfRange
        /// A thousands separator that does not sit every three digits of the integer part
        /// (`12.34` or `1.2.3` with `.` as the separator): most likely a decimal mark read as one.
        case misplacedGrouping
    }

    /// Parses `-1234.5` (point separator, optional leading sign, no grouping) into minor units of a
    /// currency with `digits` minor digits: `"1234.5"` with 2 digits is 123450. Trailing zeros beyond
    /// the currency's digits are accepted (`12.300` in EUR is 1230). Amounts beyond
    /// ``maximumMagnitude`` minor units are ``ParseError/outOfRange``.
    public static func parse(_ text: some StringProtocol, digits: Int) -> Result<Int64, ParseError> {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var integer: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var extraNonZero = 0
        var seenPoint = false
        var digitCount = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return .failure(.notANumber) }
                seenPoint = true
                continue
            }
            guard byte >= 48, byte <= 57 else { return .failure(.notANumber) }
            let d = Int64(byte - 48)
            digitCount += 1
            if !seenPoint {
                let (a, o1) = integer.multipliedReportingOverflow(by: 10)
                let (b, o2) = a.addingReportingOverflow(d)
                if o1 || o2 { return .failure(.outOfRange) }
                integer = b
            } else if fractionDigits < digits {
                fraction = fraction * 10 + d
                fractionDigits += 1
            } else {
                fractionDigits += 1
                if d != 0 { extraNonZero = fractionDigits }
            }
        }
        guard digitCount > 0 else { return .failure(.notANumber) }
        if extraNonZero > 0 { return .failure(.tooManyDecimals(found: extraNonZero, allowed: digits)) }
        let kept = min(fractionDigits, digits)
        for _ in kept..<digits { fraction *= 10 }
        let scale = Currency.powersOfTen[digits]
        let (scaled, o1) = integer.multipliedReportingOverflow(by: scale)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        if o1 || o2 || total > maximumMagnitude { return .failure(.outOfRange) }
        return .success(negative ? -total : total)
    }

    /// Formats minor units as a plain decimal: 123450 with 2 digits is `1234.50`. Takes 64-bit
    /// amounts and 128-bit sums alike.
    public static func format<T: BinaryInteger>(_ minor: T, digits: Int) -> String {
        let negative = minor < 0
        let magnitude = minor.magnitude
        guard digits > 0 else { return (negative ? "-" : "") + String(magnitude) }
        let scale = T.Magnitude(Currency.powersOfTen[digits])
        var fraction = String(magnitude % scale)
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        return (negative ? "-" : "") + String(magnitude / scale) + "." + fraction
    }

    /// Formats minor units with `,` between thousands: 123456789 with 2 digits is `1,234,567.89`.
    public static func formatGrouped<T: BinaryInteger>(_ minor: T, digits: Int) -> String {
        let plain = format(minor, digits: digits)
        let negative = plain.hasPrefix("-")
        var integer = Substring(negative ? plain.dropFirst() : plain[...])
        var fraction = Substring("")
        if let point = integer.firstIndex(of: ".") {
            fraction = integer[point...]
            integer = integer[..<point]
        }
        var groups: [Substring] = []
        while integer.count > 3 {
            groups.insert(integer.suffix(3), at: 0)
            integer = integer.dropLast(3)
        }
        groups.insert(integer, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",") + fraction
    }
}
