import ARCore

/// How a source writes its amounts: the decimal mark and an optional thousands separator.
///
/// Accepts a leading `-` or `+`, a trailing `-` (`1234.50-`, common in ERP extracts) and
/// accounting parentheses (`(1234.50)`) as signs; spaces around the number are ignored.
struct AmountFormat: Sendable, Equatable {
    var decimalMark: UInt8 = UInt8(ascii: ".")
    /// `nil`: no grouping allowed.
    var thousandsSeparator: UInt8?

    static let plain = AmountFormat()

    /// ` (decimal ',', thousands '.')` for messages; empty for the plain format.
    var described: String {
        guard self != .plain else { return "" }
        let mark = String(UnicodeScalar(decimalMark))
        return " (decimal '\(mark)'" + (thousandsSeparator.map { ", thousands '\(String(UnicodeScalar($0)))'" } ?? "") + ")"
    }

    typealias Failure = MinorUnits.ParseError

    /// Minor units of a currency with `digits` minor digits. Trailing zeros beyond `digits` are
    /// accepted (`12.300` in EUR is 1230); other extra digits are an error, never rounded.
    func parse(_ field: ArraySlice<UInt8>, digits: Int) -> Result<Int64, Failure> {
        plainDecimal(field).flatMap { plain in
            MinorUnits.parse(plain.digits, digits: digits).map { plain.negative ? -$0 : $0 }
        }
    }

    /// The number written in `field` as a plain decimal (`1.234,50-` with a decimal comma and dot
    /// thousands gives `1234.50`, negative): grouping dropped, the decimal mark turned into a point.
    /// Every numeric column goes through it, so rates, limits, terms and levels follow the
    /// source's number format as amounts do.
    func plainDecimal(_ field: ArraySlice<UInt8>) -> Result<(digits: String, negative: Bool), Failure> {
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
        let count = end - i
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(count, 1)) { plain in
            var n = 0, seenMark = false
            var grouping = Grouping()
            for k in i..<end {
                var b = field[k]
                if b == decimalMark {
                    if seenMark || !grouping.endsWell { return .failure(grouping.endsWell ? .notANumber : .misplacedGrouping) }
                    seenMark = true
                    b = UInt8(ascii: ".")
                } else if let sep = thousandsSeparator, b == sep, !seenMark {
                    guard grouping.separator() else { return .failure(.misplacedGrouping) }
                    continue
                } else if b < 48 || b > 57 {
                    return .failure(.notANumber)
                } else if !seenMark {
                    grouping.digit()
                }
                plain[n] = b
                n += 1
            }
            guard seenMark || grouping.endsWell else { return .failure(.misplacedGrouping) }
            guard n > 0 else { return .failure(.notANumber) }
            return .success((String(decoding: UnsafeBufferPointer(rebasing: plain[..<n]), as: UTF8.self), negative))
        }
    }

    /// The digit groups of an integer part: with separators, the first group has one to three
    /// digits and every later one exactly three (`1.234.567`); without any, any digits.
    private struct Grouping {
        var digitsInGroup = 0
        var separators = 0

        mutating func digit() { digitsInGroup += 1 }

        /// A separator closes a group; false when that group has the wrong size.
        mutating func separator() -> Bool {
            let ok = separators == 0 ? (1...3).contains(digitsInGroup) : digitsInGroup == 3
            separators += 1
            digitsInGroup = 0
            return ok
        }

        /// Whether the integer part may end here.
        var endsWell: Bool { separators == 0 || digitsInGroup == 3 }
    }
}
