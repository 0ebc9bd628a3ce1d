import ARCore
import ARStore

/// Cross factors of every currency to one target, precomputed for each interval between rate
/// changes, so that a flow (a sale, a write-off) finds its own date's factor with one binary
/// search and no arithmetic.
struct FlowRates {
    private let ledger: Ledger
    private let target: ConversionTarget
    /// Per currency: the days its factor changes, increasing, and the factor from that day on
    /// (`nil` where a rate is missing).
    private let days: [[Int32]]
    /// Per currency: a day table over `days` (a flow asks once per document).
    private let dayIndex: [DateIndex]
    private let factors: [[CrossRate?]]
    /// Whether each currency is the target (no conversion).
    private let isTarget: [Bool]

    init(book: RateBook, target: ConversionTarget) {
        ledger = book.ledger
        let fx = ledger.fxRates
        func rateDays(_ c: Int32) -> [Int32] {
            guard c >= 0, Int(c) + 1 < fx.start.count else { return [] }
            return Array(fx.day[Int(fx.start[Int(c)])..<Int(fx.start[Int(c) + 1])])
        }
        let targetDays = target.currency == ledger.snapshot.reportingCurrency ? [] : rateDays(target.index)
        var days: [[Int32]] = [], factors: [[CrossRate?]] = []
        for c in 0..<ledger.currencies.count {
            let changes = Array(Set(rateDays(Int32(c)) + targetDays)).sorted()
            days.append(changes)
            factors.append(changes.map { try? book.cross(from: Int32(c), to: target, on: $0) })
        }
        self.days = days
        dayIndex = days.map(DateIndex.init)
        self.factors = factors
        self.target = target
        isTarget = ledger.currencies.map { $0 == target.currency }
    }

    /// Converts `minor` of currency index `c` at the factor valid on `day`.
    func convert(_ minor: Int64, currency c: Int32, on day: Int32) throws(MetricError) -> Int64 {
        if isTarget[Int(c)] { return minor }
        let k = dayIndex[Int(c)].first(after: day) - 1
        if k >= 0, let factor = factors[Int(c)][k] { return try factor.apply(minor) }
        try failure(currency: c, on: day, beforeAnyChange: k < 0)
    }

    /// Names the currency whose rate is missing on `day`.
    private func failure(currency c: Int32, on day: Int32, beforeAnyChange: Bool) throws(MetricError) -> Never {
        let currency = ledger.currencies[Int(c)]
        if beforeAnyChange {
            // Before any change: only the reporting currency to the reporting currency has a factor.
            throw MetricError.noRate(currency == ledger.snapshot.reportingCurrency ? target.currency.code : currency.code, on: day)
        }
        let missing = ledger.fxRates.rate(currency: c, on: day) == nil && currency != ledger.snapshot.reportingCurrency
        throw MetricError.noRate(missing ? currency.code : target.currency.code, on: day)
    }
}
