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

    /// A non-negative whole number (payment terms, dunning level).
    func integer(_ c: Int) throws(RowFailure) -> Int32? {
        guard let text = text(c) else { return nil }
        guard let value = Int32(text), value >= 0 else {
            throw RowFailure("bad_value", "\(quoted(text)) in \(columns[c]) is not a whole number")
        }
        return value
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
