import ARCore
import ARStore

/// A bound on every amount the engine can form from a ledger, worked out once per engine, that
/// lets the hot loops add without overflow checks when it proves no sum can overflow (every real
/// ledger); a ledger with amounts near the 64-bit limits takes the checked loops instead, which
/// throw ``MetricError/overflow(_:)`` (issue 16).
///
/// For each currency, `magnitude` is Σ |amount| over its rows (documents and cash on account)
/// plus Σ |allocation| + Σ |write-off| over the whole ledger: no open amount in that currency, at
/// any date, and no sum of open amounts or flows, exceeds it. Converted to a target, each is at most `magnitude ×` the
/// currency's largest factor to the target (+ 1 per conversion for the rounding).
struct AmountBounds: Sendable {
    /// Per currency index, in its own minor units.
    let magnitude: [Double]
    /// Per currency index: the largest and smallest rate to the reporting currency over all its
    /// rows (1 for the reporting currency; 0 and ∞ for a currency without rates).
    let largestRate: [Double]
    let smallestRate: [Double]
    /// Rows that can each be rounded once on conversion.
    let conversions: Double
    let reporting: Currency

    /// Sums stay below this in the unchecked loops (half of Int64's range: room for the
    /// approximations of the bound, which is worked out in `Double`).
    static let limit = Double(Int64.max / 2)

    init(_ ledger: Ledger) {
        let docs = ledger.documents, pay = ledger.payments, wo = ledger.writeOffs
        // In `Double`: the relative error of a sum of millions of terms is far inside the margin
        // of `limit`. Allocations and write-offs are counted once for every currency (a coarser
        // bound, but three flat passes instead of a walk over each document's rows).
        var magnitude = [Double](repeating: 0, count: ledger.currencies.count)
        for i in 0..<docs.count { magnitude[Int(docs.currency[i])] += Double(docs.amount[i].magnitude) }
        for p in 0..<pay.count where pay.document[p] < 0 { magnitude[Int(pay.currency[p])] += Double(pay.amount[p].magnitude) }
        let settled = docs.allocationAmount.reduce(0.0) { $0 + Double($1.magnitude) } + wo.amount.reduce(0.0) { $0 + Double($1.magnitude) }
        self.magnitude = magnitude.map { $0 + settled }
        let fx = ledger.fxRates
        var largest = [Double](repeating: 0, count: ledger.currencies.count), smallest = [Double](repeating: .infinity, count: largest.count)
        for row in 0..<fx.count {
            let c = Int(fx.currency[row]), rate = ExactRate(mantissa: fx.mantissa[row], scale: Int(fx.scale[row])).approximateValue
            largest[c] = max(largest[c], rate)
            smallest[c] = min(smallest[c], rate)
        }
        reporting = ledger.snapshot.reportingCurrency
        for (c, currency) in ledger.currencies.enumerated() where currency == reporting {
            largest[c] = 1
            smallest[c] = 1
        }
        largestRate = largest
        smallestRate = smallest
        conversions = Double(docs.count + pay.count + wo.count + docs.allocationAmount.count)
    }

    /// Whether no open amount of one row, in its own currency, can overflow.
    var openAmountsFit: Bool { (magnitude.max() ?? 0) < Self.limit }

    /// Whether no sum of converted amounts to `target` (index `-1` when no row uses it) can overflow.
    func sumsFit(to target: Currency, index t: Int32, currencies: [Currency]) -> Bool {
        let targetRate = target == reporting ? 1 : (t >= 0 ? smallestRate[Int(t)] : 0)
        guard targetRate > 0, targetRate.isFinite else { return false }
        var bound = conversions
        for (c, currency) in currencies.enumerated() where magnitude[c] > 0 {
            let factor = currency == target ? 1
                : largestRate[c] / targetRate * pow10(target.minorDigits - currency.minorDigits)
            bound += magnitude[c] * factor
        }
        return bound < Self.limit
    }

    private func pow10(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(n) { value *= 10 }
        return n >= 0 ? value : 1 / value
    }
}

/// How a hot loop adds money: ``UncheckedAddition`` when ``AmountBounds`` proves no sum can
/// overflow, ``CheckedAddition`` otherwise. Kernels are generic over it, so each is compiled
/// twice and the unchecked copy carries no overflow test.
protocol MoneyAddition {
    static func add(_ total: inout Int64, _ value: Int64, _ overflow: inout Bool)
    static func subtract(_ total: inout Int64, _ value: Int64, _ overflow: inout Bool)
    static func negate(_ value: Int64, _ overflow: inout Bool) -> Int64
}

enum UncheckedAddition: MoneyAddition {
    @inline(__always) static func add(_ total: inout Int64, _ value: Int64, _ overflow: inout Bool) { total &+= value }
    @inline(__always) static func subtract(_ total: inout Int64, _ value: Int64, _ overflow: inout Bool) { total &-= value }
    @inline(__always) static func negate(_ value: Int64, _ overflow: inout Bool) -> Int64 { 0 &- value }
}

enum CheckedAddition: MoneyAddition {
    @inline(__always) static func add(_ total: inout Int64, _ value: Int64, _ overflow: inout Bool) { total.add(value, overflow: &overflow) }
    @inline(__always) static func subtract(_ total: inout Int64, _ value: Int64, _ overflow: inout Bool) {
        total.subtract(value, overflow: &overflow)
    }
    @inline(__always) static func negate(_ value: Int64, _ overflow: inout Bool) -> Int64 { value.negated(overflow: &overflow) }
}
