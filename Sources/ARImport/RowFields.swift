import ARCore

/// One row seen through its binding: typed reads of interchange columns by index, each failing
/// with the reject reason and a message that names the column and the value.
struct RowFields {
    let row: RowBuffer
    let field: [Int]
    let format: SourceFormat
    let columns: [String]
    let currencies: CurrencyCache

    /// Whether column `c` is bound and not blank.
    @inline(__always)
    func isPresent(_ c: Int) -> Bool {
        let f = field[c]
        return f >= 0 && !row.trimmed(f).isEmpty
    }

    /// Whether column `c` holds `word` (ASCII letters in any case), without building a string.
    func equals(_ c: Int, _ word: [UInt8]) -> Bool {
        guard field[c] >= 0 else { return false }
        let bytes = row.trimmed(field[c])
        guard bytes.count == word.count else { return false }
        return zip(bytes, word).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    func text(_ c: Int) -> String? {
        isPresent(c) ? row.string(field[c]) : nil
    }

    func required(_ c: Int) throws(RowFailure) -> String {
        guard let value = text(c) else { throw missing(c) }
        return value
    }

    func missing(_ c: Int) -> RowFailure {
        RowFailure("missing_field", "\(columns[c]) is empty: it is required")
    }

    func day(_ c: Int) throws(RowFailure) -> Day? {
        guard isPresent(c) else { return nil }
        let bytes = row.trimmed(field[c])
        guard let day = format.dates.parse(bytes) else {
            throw RowFailure("bad_date", "\(quoted(String(decoding: bytes, as: UTF8.self))) in \(columns[c]) is not a date in the format \(format.dates.text)")
        }
        return day
    }

    func requiredDay(_ c: Int) throws(RowFailure) -> Day {
        guard let day = try day(c) else { throw missing(c) }
        return day
    }

    func currency(_ c: Int) throws(RowFailure) -> Currency? {
        guard isPresent(c) else { return nil }
        let bytes = row.trimmed(field[c])
        guard let currency = currencies.lookup(bytes) else {
            throw RowFailure("unknown_currency", "\(quoted(String(decoding: bytes, as: UTF8.self))) in \(columns[c]) is not an ISO 4217 currency code")
        }
        return currency
    }

    func requiredCurrency(_ c: Int) throws(RowFailure) -> Currency {
        guard let currency = try currency(c) else { throw missing(c) }
        return currency
    }

    /// The amount in minor units of `currency`, as signed in the source; `nil` when blank.
    func amount(_ c: Int, in currency: Currency) throws(RowFailure) -> Int64? {
        guard isPresent(c) else { return nil }
        let bytes = row.trimmed(field[c])
        switch format.amounts.parse(bytes, digits: currency.minorDigits) {
        case let .success(value): return value
        case let .failure(failure):
            let text = String(decoding: bytes, as: UTF8.self)
            switch failure {
            case .notANumber: throw RowFailure("bad_amount", "\(quoted(text)) in \(columns[c]) is not a number")
            case .outOfRange:
                throw RowFailure("bad_amount", "\(quoted(text)) in \(columns[c]) is out of range: amounts are limited to "
                    + MinorUnits.formatGrouped(MinorUnits.maximumMagnitude, digits: currency.minorDigits) + " \(currency.code) (10^15 minor units)")
            case .misplacedGrouping:
                throw RowFailure("bad_amount", "\(quoted(text)) in \(columns[c]) has thousands separators that are not every three digits: "
                    + "check 'decimal' and 'thousands' in the mapping")
            case let .tooManyDecimals(found, allowed):
                throw RowFailure("too_many_decimals", "\(quoted(text)) in \(columns[c]) has \(found) decimals; \(currency.code) allows \(allowed)")
            }
        }
    }

    /// A non-negative whole number (payment terms, dunning level), in the source's number format
    /// (`1.000` with dot thousands; `30,0` with a decimal comma).
    func integer(_ c: Int) throws(RowFailure) -> Int32? {
        guard isPresent(c) else { return nil }
        let bytes = row.trimmed(field[c])
        if case let .success(plain) = format.amounts.plainDecimal(bytes), !plain.negative,
           case let .success(value) = MinorUnits.parse(plain.digits, digits: 0), let whole = Int32(exactly: value) {
            return whole
        }
        throw RowFailure("bad_value", "\(quoted(String(decoding: bytes, as: UTF8.self))) in \(columns[c]) is not a whole number "
            + "in the source's number format\(format.amounts.described)")
    }

    /// A positive exchange rate in the source's number format (`0,910016` with a decimal comma).
    func rate(_ c: Int) throws(RowFailure) -> ExactRate {
        guard isPresent(c) else { throw missing(c) }
        let bytes = row.trimmed(field[c])
        if case let .success(plain) = format.amounts.plainDecimal(bytes), !plain.negative,
           let rate = ExactRate(plain.digits), rate.mantissa > 0 {
            return rate
        }
        throw RowFailure("bad_value", "\(quoted(String(decoding: bytes, as: UTF8.self))) in \(columns[c]) is not a positive decimal "
            + "such as 1.0873 in the source's number format\(format.amounts.described)")
    }

    /// A credit or insured limit: a non-negative amount of the customer's home currency in the
    /// source's number format, at most 4 decimals (the most any currency has) and below 10^15 minor
    /// units. Returned as a plain decimal as written (`45.000,00` gives `45000.00`), so that
    /// `by credit_limit` shows the figure the customer file has.
    func limit(_ c: Int) throws(RowFailure) -> String? {
        guard isPresent(c) else { return nil }
        let bytes = row.trimmed(field[c])
        let text = String(decoding: bytes, as: UTF8.self)
        switch format.amounts.plainDecimal(bytes).flatMap({ plain in MinorUnits.parse(plain.digits, digits: 4).map { (plain, $0) } }) {
        case let .success((plain, _)) where !plain.negative: return plain.digits
        case .success: throw RowFailure("bad_amount", "\(quoted(text)) in \(columns[c]) is negative: a limit is zero or more")
        case .failure(.misplacedGrouping):
            throw RowFailure("bad_amount", "\(quoted(text)) in \(columns[c]) has thousands separators that are not every three digits: "
                + "check 'decimal' and 'thousands' in the mapping")
        case .failure(.outOfRange): throw RowFailure("bad_amount", "\(quoted(text)) in \(columns[c]) is out of range: limits are below 10^15 minor units")
        case .failure(.tooManyDecimals): throw RowFailure("too_many_decimals", "\(quoted(text)) in \(columns[c]) has more than 4 decimals")
        case .failure(.notANumber):
            throw RowFailure("bad_amount", "\(quoted(text)) in \(columns[c]) is not a number in the source's number format\(format.amounts.described)")
        }
    }
}

/// Currency codes already seen, looked up by their three bytes without building a string.
final class CurrencyCache {
    private var keys: [UInt32] = []
    private var values: [Currency] = []

    func lookup(_ bytes: ArraySlice<UInt8>) -> Currency? {
        guard bytes.count == 3 else { return Currency(code: String(decoding: bytes, as: UTF8.self)) }
        var key: UInt32 = 0
        for b in bytes { key = key << 8 | UInt32(b) }
        if let k = keys.firstIndex(of: key) { return values[k] }
        guard let currency = Currency(code: String(decoding: bytes, as: UTF8.self)) else { return nil }
        keys.append(key)
        values.append(currency)
        return currency
    }
}
