import ARCore
import ARStore

/// Sums of the open items at one date, per group (output-currency minor units).
struct BalanceSums {
    var ar: [Int64]
    var current: [Int64]
    var overdue: [Int64]
    var disputed: [Int64]
    var count: [Int]
}

extension QueryRun {
    /// AR, current, overdue, disputed AR and item counts at the frame's date, in one pass.
    func balances(_ f: DateFrame) throws(MetricError) -> BalanceSums {
        checksSums ? try balances(f, CheckedAddition.self) : try balances(f, UncheckedAddition.self)
    }

    private func balances<A: MoneyAddition>(_ f: DateFrame, _: A.Type) throws(MetricError) -> BalanceSums {
        var s = BalanceSums(ar: perGroup(0), current: perGroup(0), overdue: perGroup(0), disputed: perGroup(0), count: perGroup(0))
        let d = f.day
        var overflow = false
        for (k, item) in f.itemRows.enumerated() {
            try stop.poll(row: k)
            let r = Int(item)
            let g = Int(f.rowGroup[r]), value = f.openOut[r]
            A.add(&s.ar[g], value, &overflow)
            s.count[g] += 1
            if rows.due[r] >= d { A.add(&s.current[g], value, &overflow) } else { A.add(&s.overdue[g], value, &overflow) }
            let part = f.state.disputed[r]
            if part != 0 {
                A.add(&s.disputed[g], part == f.state.open[r] ? value
                    : try f.factors.convert(part, currency: rows.currency[r], currencies: currencies, day: d), &overflow)
            }
        }
        try MetricError.check(overflow, "the open items of a group at \(Day(rawValue: d).iso)")
        touch(counts: s.count)
        return s
    }

    /// Open items per bucket of `spec`: one array per bucket.
    func aging(_ f: DateFrame, spec: AgingSpec) throws(MetricError) -> [[Int64]] {
        checksSums ? try aging(f, spec: spec, CheckedAddition.self) : try aging(f, spec: spec, UncheckedAddition.self)
    }

    private func aging<A: MoneyAddition>(_ f: DateFrame, spec: AgingSpec, _: A.Type) throws(MetricError) -> [[Int64]] {
        let zero: [Int64] = perGroup(0)
        var columns = [[Int64]](repeating: zero, count: spec.bucketNames.count)
        let basis = spec.basis == .dueDate ? rows.due : rows.issue
        var seen: [Int] = perGroup(0)
        var overflow = false
        for (k, item) in f.itemRows.enumerated() {
            try stop.poll(row: k)
            let r = Int(item)
            let b = spec.bucket(days: Int(f.day) - Int(basis[r]))
            A.add(&columns[b][Int(f.rowGroup[r])], f.openOut[r], &overflow)
            seen[Int(f.rowGroup[r])] = 1
        }
        try MetricError.check(overflow, "an aging bucket of a group at \(Day(rawValue: f.day).iso)")
        touch(counts: seen)
        return columns
    }

    /// Distinct customers with open items, per group.
    func customerCounts(_ f: DateFrame) throws(MetricError) -> [Int] {
        var pairs: [Int64] = []
        for (k, item) in f.itemRows.enumerated() {
            try stop.poll(row: k)
            let r = Int(item)
            pairs.append(Int64(f.rowGroup[r]) << 32 | Int64(rows.customer[r]))
        }
        try pairs.sort(polling: stop, by: <)
        var counts: [Int] = perGroup(0)
        for (k, pair) in pairs.enumerated() where k == 0 || pairs[k - 1] != pair { counts[Int(pair >> 32)] += 1 }
        touch(counts: counts)
        return counts
    }

    /// Late-payment penalties of the invoices overdue at the frame's date (metrics.md,
    /// "Late-payment penalties"): open × (reference + margin) % × dpd / basis, plus the fixed sum
    /// converted at the date's rate, rounded half away from zero once per invoice.
    func penalties(_ f: DateFrame, rules: PenaltyRules) throws(MetricError) -> [Int64] {
        guard rules.dayCountBasis > 0 else {
            throw MetricError(code: "bad_query", message: "penalty day count \(rules.dayCountBasis) is not positive: use 365 or 360")
        }
        var sums: [Int64] = perGroup(0)
        let d = f.day
        let fixed = PenaltyFormula(rules: rules)
        let fixedIndex = ledger.currencyIndex(of: rules.fixedCurrency.code) ?? -1
        // Looked up at the first overdue invoice: a ledger with nothing overdue owes no fixed sum,
        // so it needs no rate for the fixed sum's currency (GBP under UK rules).
        var fixedToOut: CrossRate?
        let tierTarget = ConversionTarget(currency: rules.fixedCurrency, index: fixedIndex)
        var seen: [Int] = perGroup(0)
        var overflow = false
        for (k, item) in f.itemRows.enumerated() where item < rows.documentCount && f.state.open[Int(item)] > 0
            && rows.type[Int(item)] == ItemRows.invoiceType {
            try stop.poll(row: k)
            let r = Int(item)
            let dpd = Int64(d) - Int64(rows.due[r])
            guard dpd > 0 else { continue }
            var openInFixed = f.state.open[r]
            if case .tiers = rules.fixedSum {
                openInFixed = try book.cross(from: rows.currency[r], to: tierTarget, on: d).apply(openInFixed)
            }
            let toOut: CrossRate
            if let known = fixedToOut {
                toOut = known
            } else {
                toOut = try book.cross(from: rules.fixedCurrency, index: fixedIndex, to: target, on: d)
                fixedToOut = toOut
            }
            let g = Int(f.rowGroup[r])
            sums[g].add(try fixed.penalty(open: f.openOut[r], dpd: dpd, openInFixedCurrency: openInFixed, fixedToOutput: toOut),
                        overflow: &overflow)
            seen[g] = 1
        }
        try MetricError.check(overflow, "the penalties of a group")
        touch(counts: seen)
        return sums
    }
}

/// The penalty of one invoice as one exact fraction, rounded once.
struct PenaltyFormula {
    let rules: PenaltyRules
    /// (reference + margin) as mantissa and scale.
    let rateMantissa: Int128
    let rateScale: Int
    /// 100 × 10^scale × basis; `nil` when rates of absurd precision do not fit in 128 bits.
    let interestDenominator: Int128?

    init(rules: PenaltyRules) {
        self.rules = rules
        let a = rules.referenceRatePercent, b = rules.marginPercent
        rateScale = max(a.scale, b.scale)
        var overflow = false
        var mantissa = Self.product(Int128(a.mantissa), power10(rateScale - a.scale), &overflow)
        mantissa.add(Self.product(Int128(b.mantissa), power10(rateScale - b.scale), &overflow), overflow: &overflow)
        let denominator = Self.product(Self.product(100, power10(rateScale), &overflow), Int128(rules.dayCountBasis), &overflow)
        rateMantissa = mantissa
        interestDenominator = overflow ? nil : denominator
    }

    /// The fixed sum for an invoice whose open amount, in the fixed sum's currency, is `open`.
    func fixedSum(open: Int64) -> Int64 {
        switch rules.fixedSum {
        case let .flat(amount): return amount
        case let .tiers(tiers, last): return tiers.first { open < $0.below }?.amount ?? last
        }
    }

    func penalty(open: Int64, dpd: Int64, openInFixedCurrency: Int64, fixedToOutput: CrossRate) throws(MetricError) -> Int64 {
        // interest = open × rate × dpd / D with D = 100 × 10^scale × basis; fixed = F × num / den:
        // one fraction (open × rate × dpd × den + F × num × D) / (D × den), every step checked.
        guard let interestDenominator else { throw MetricError.overflow("a penalty") }
        var overflow = false
        let interest = Self.product(Self.product(Int128(open), rateMantissa, &overflow), Int128(dpd), &overflow)
        var numerator = Self.product(interest, fixedToOutput.denominator, &overflow)
        let fixed = Self.product(Int128(fixedSum(open: openInFixedCurrency)), fixedToOutput.numerator, &overflow)
        numerator.add(Self.product(fixed, interestDenominator, &overflow), overflow: &overflow)
        let denominator = Self.product(interestDenominator, fixedToOutput.denominator, &overflow)
        guard !overflow, let value = ExactRate.divideRoundingHalfAwayFromZero(numerator, denominator) else {
            throw MetricError.overflow("a penalty")
        }
        return value
    }

    /// `a × b`; `overflow` becomes true when it does not fit in 128 bits.
    @inline(__always)
    private static func product(_ a: Int128, _ b: Int128, _ overflow: inout Bool) -> Int128 {
        let (value, o) = a.multipliedReportingOverflow(by: b)
        overflow = overflow || o
        return value
    }
}
