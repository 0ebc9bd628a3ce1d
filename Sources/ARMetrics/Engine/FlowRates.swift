import ARCore
import ARStore

/// Cross factors of every currency to one target, precomputed for each interval between rate
/// changes, so that a flow (a sale, a write-off) finds its own date's factor with one binary
/// search and no arithmetic.
struct FlowRates {
    private let ledger: Ledger
    /// Per currency: the days its factor changes, increasing, and the factor from that day on
    /// (`nil` where a rate is missing).
    private let days: [[Int32]]
    private let factors: [[CrossRate?]]

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
        self.factors = factors
        self.target = target
    }

    private let target: ConversionTarget

    /// Converts `minor` of currency index `c` at the factor valid on `day`.
    func convert(_ minor: Int64, currency c: Int32, on day: Int32) throws(MetricError) -> Int64 {
        let currency = ledger.currencies[Int(c)]
        if currency == target.currency { return minor }
        let changes = days[Int(c)]
        let k = firstIndex(in: changes, notBefore: day + 1) - 1
        if k < 0 {
            // Before any change: only the reporting currency to the reporting currency has a factor.
            throw MetricError.noRate(currency == ledger.snapshot.reportingCurrency ? target.currency.code : currency.code, on: day)
        }
        guard let factor = factors[Int(c)][k] else {
            let missing = ledger.fxRates.rate(currency: c, on: day) == nil && currency != ledger.snapshot.reportingCurrency
            throw MetricError.noRate(missing ? currency.code : target.currency.code, on: day)
        }
        return try factor.apply(minor)
    }
}
