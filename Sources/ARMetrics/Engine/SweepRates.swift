import ARCore
import ARStore

/// The conversion factor of every (date, currency) pair of a sweep, laid out flat by date then
/// currency, with the common case — an identity or a factor whose terms fit in 64 bits — kept
/// as two `Int64`s so that the inner loop needs no 128-bit arithmetic.
struct SweepRates: Sendable {
    let currencyCount: Int
    /// `numerator == denominator` (both 1): identity. Otherwise `denominator > 0`: a 64-bit
    /// factor; `denominator == 0`: the exact 128-bit factor of ``exact``; `-1`: no rate.
    private let numerator: [Int64]
    private let denominator: [Int64]
    private let exact: [CrossRate]
    private let currencyCodes: [String]
    private let days: [Int32]
    /// Per currency: converted by 1 at every date (such items add a constant between events).
    let isConstant: [Bool]

    init(run: QueryRun, dates: [Int32]) throws(MetricError) {
        let currencies = run.ledger.currencies
        currencyCount = currencies.count
        currencyCodes = currencies.map(\.code)
        days = dates
        let size = dates.count * currencyCount
        var numerator = [Int64](repeating: 1, count: size), denominator = numerator
        var exact = [CrossRate](repeating: .identity, count: size)
        for (j, day) in dates.enumerated() {
            for (c, factor) in try run.book.factors(to: run.target, on: day).enumerated() {
                let at = j * currencyCount + c
                guard let factor else { denominator[at] = -1; continue }
                exact[at] = factor
                if factor.isIdentity { continue }
                if factor.denominator > 0, let n = Int64(exactly: factor.numerator), let d = Int64(exactly: factor.denominator) {
                    numerator[at] = n
                    denominator[at] = d
                } else {
                    denominator[at] = 0
                }
            }
        }
        let width = currencyCount, terms = (numerator, denominator)
        isConstant = (0..<width).map { c in
            dates.indices.allSatisfy { j in terms.0[j * width + c] == terms.1[j * width + c] }
        }
        self.numerator = numerator
        self.denominator = denominator
        self.exact = exact
    }

    /// `minor` converted at date `j` from currency `c`, rounded half away from zero.
    @inline(__always)
    func convert(_ minor: Int64, date j: Int, currency c: Int) throws(MetricError) -> Int64 {
        let at = j * currencyCount + c
        let n = numerator[at], d = denominator[at]
        if n == d { return minor }
        if d > 0 {
            let (product, overflow) = minor.multipliedReportingOverflow(by: n)
            if !overflow {
                // Truncating division, then half away from zero: as the 128-bit path rounds.
                let quotient = product / d, remainder = product % d
                if remainder.magnitude * 2 >= d.magnitude { return quotient + (product < 0 ? -1 : 1) }
                return quotient
            }
        } else if d < 0 {
            throw MetricError.noRate(currencyCodes[c], on: days[j])
        }
        return try exact[at].apply(minor)
    }
}
