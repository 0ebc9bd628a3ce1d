/// How a source writes its amounts: the decimal mark, an optional thousands separator, and
/// whether negatives are allowed.
///
/// Accepts a leading `-` or `+`, a trailing `-` (`1234.50-`, common in ERP extracts) and
/// accounting parentheses (`(1234.50)`) as signs; spaces around the number are ignored.
struct AmountFormat: Sendable, Equatable {
    var decimalMark: UInt8 = UInt8(ascii: ".")
    /// `nil`: no grouping allowed. A space is also accepted when this is a space.
    var thousandsSeparator: UInt8?

    static let plain = AmountFormat()

    enum Failure: Error, Equatable {
        case notANumber
        case tooManyDecimals(found: Int, allowed: Int)
        case outOfRange
    }

    /// Minor units of a currency with `digits` minor digits. Trailing zeros beyond `digits` are
    /// accepted (`12.300` in EUR is 1230); other extra digits are an error, never rounded.
    func parse(_ field: ArraySlice<UInt8>, digits: Int) -> Result<Int64, Failure> {
        var i = field.startIndex, end = field.endIndex
        while i < end, field[i] == 0x20 { i += 1 }
        while end > i, field[end - 1] == 0x20 { end -= 1 }
        var negative = false
        if i < end, field[i] == UInt8(ascii: "("), field[end - 1] == UInt8(ascii: ")"), end - i >= 2 {
            negative = true; i += 1; end -= 1
        }
        if i < end, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") {
            negative = negative != (field[i] == UInt8(ascii: "-")); i += 1
        } else if end > i, field[end - 1] == UInt8(ascii: "-") {
            negative = !negative; end -= 1
        }
        var integer: Int64 = 0, fraction: Int64 = 0
        var fractionDigits = 0, extraNonZero = 0, digitCount = 0
        var seenMark = false
        while i < end {
            let b = field[i]
            i += 1
            if b == decimalMark {
                if seenMark { return .failure(.notANumber) }
                seenMark = true
                continue
            }
            if let sep = thousandsSeparator, b == sep, !seenMark, digitCount > 0 { continue }
            guard b >= 48, b <= 57 else { return .failure(.notANumber) }
            let d = Int64(b - 48)
            digitCount += 1
            if !seenMark {
                let (a, o1) = integer.multipliedReportingOverflow(by: 10)
                let (s, o2) = a.addingReportingOverflow(d)
                if o1 || o2 { return .failure(.outOfRange) }
                integer = s
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
        for _ in min(fractionDigits, digits)..<digits { fraction *= 10 }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let (scaled, o1) = integer.multipliedReportingOverflow(by: scale)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        if o1 || o2 { return .failure(.outOfRange) }
        return .success(negative ? -total : total)
    }
}
