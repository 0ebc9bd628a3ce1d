import ARCore

/// A length of time that a flow metric covers, ending on the as-of date: `(d − P, d]`.
public enum PeriodLength: Hashable, Sendable, CustomStringConvertible {
    case days(Int)
    /// Calendar months, with the clamped month arithmetic of count-back DSO.
    case months(Int)

    /// The start `a` of the period `(a, d]` ending on `d`.
    public func start(endingOn d: Day) -> Day {
        switch self {
        case let .days(n): d.adding(days: -n)
        case let .months(n): d.adding(months: -n)
        }
    }

    public var description: String {
        switch self {
        case let .days(n): "\(n) days"
        case let .months(n): "\(n) months"
        }
    }
}

/// How items are bucketed by age.
public struct AgingSpec: Hashable, Sendable {
    public enum Basis: String, Hashable, Sendable { case dueDate = "due_date", issueDate = "issue_date" }
    public var basis: Basis
    /// Upper bounds of the bounded buckets, increasing: `[30, 60, 90, 120]` gives
    /// `not due, 1-30, 31-60, 61-90, 91-120, 120+` by due date, `0-30, …, 120+` by issue date.
    public var bounds: [Int]

    public static let standard = AgingSpec(basis: .dueDate, bounds: [30, 60, 90, 120])

    public init(basis: Basis = .dueDate, bounds: [Int] = [30, 60, 90, 120]) {
        self.basis = basis
        self.bounds = bounds
    }

    /// Bucket names in order.
    public var bucketNames: [String] {
        var names: [String] = []
        var lower: Int
        switch basis {
        case .dueDate:
            names.append("not due")
            lower = 1
        case .issueDate:
            lower = 0
        }
        for bound in bounds {
            names.append("\(lower)-\(bound)")
            lower = bound + 1
        }
        names.append("\(bounds.last ?? 0)+")
        return names
    }

    /// The bucket index of an item `days` past due (or since issue, by issue date).
    @inlinable
    public func bucket(days: Int) -> Int {
        var k = 0
        if basis == .dueDate {
            if days <= 0 { return 0 }
            k = 1
        }
        for bound in bounds {
            if days <= bound { return k }
            k += 1
        }
        return k
    }
}

/// DSO methods (metrics.md, "Sales and DSO").
public enum DSOMethod: String, Hashable, Sendable { case standard, countback }

/// Late-payment penalty rules (metrics.md, "Late-payment penalties").
public struct PenaltyRules: Hashable, Sendable {
    /// A fixed compensation per invoice, flat or chosen by the open amount.
    public enum FixedSum: Hashable, Sendable {
        /// Minor units of `currency`.
        case flat(Int64)
        /// `(below, amount)` in minor units of `currency`: the first tier whose `below` exceeds the
        /// open amount applies; `last` applies above every tier.
        case tiers([(below: Int64, amount: Int64)], last: Int64)

        public static func == (a: FixedSum, b: FixedSum) -> Bool { String(describing: a) == String(describing: b) }
        public func hash(into hasher: inout Hasher) { hasher.combine(String(describing: self)) }
    }

    /// Reference rate in percent per year, exact (`2.15`).
    public var referenceRatePercent: ExactRate
    /// Margin in percentage points (`8`).
    public var marginPercent: ExactRate
    public var fixedSum: FixedSum
    /// Currency of the fixed sum (and of the tier bounds).
    public var fixedCurrency: Currency
    /// 365 or 360.
    public var dayCountBasis: Int

    public init(referenceRatePercent: ExactRate, marginPercent: ExactRate, fixedSum: FixedSum,
                fixedCurrency: Currency, dayCountBasis: Int = 365) {
        self.referenceRatePercent = referenceRatePercent
        self.marginPercent = marginPercent
        self.fixedSum = fixedSum
        self.fixedCurrency = fixedCurrency
        self.dayCountBasis = dayCountBasis
    }

    /// EU late-payment directive: ECB rate 2.15 % + 8 points, 40 EUR per invoice, actual/365.
    public static let eu = PenaltyRules(referenceRatePercent: ExactRate("2.15")!, marginPercent: ExactRate("8")!,
                                        fixedSum: .flat(40_00), fixedCurrency: .eur)
    /// French rules: ECB rate 2.15 % + 10 points, 40 EUR.
    public static let france = PenaltyRules(referenceRatePercent: ExactRate("2.15")!, marginPercent: ExactRate("10")!,
                                            fixedSum: .flat(40_00), fixedCurrency: .eur)
    /// UK rules: Bank of England base rate 4.25 % + 8 points; 40, 70 or 100 GBP below 1,000,
    /// below 10,000, from 10,000.
    public static let uk = PenaltyRules(referenceRatePercent: ExactRate("4.25")!, marginPercent: ExactRate("8")!,
                                        fixedSum: .tiers([(1_000_00, 40_00), (10_000_00, 70_00)], last: 100_00),
                                        fixedCurrency: Currency(code: "GBP")!)
}

/// One figure asked for, with its parameters. `nil` parameters take the metric's default
/// (``MetricKind/defaultPeriod``).
public struct MetricRequest: Hashable, Sendable {
    public var kind: MetricKind
    /// The period of a flow metric; `nil` takes the default.
    public var period: PeriodLength?
    public var aging: AgingSpec
    public var dsoMethod: DSOMethod
    /// Grace days of `promise_kept_rate`.
    public var graceDays: Int
    public var penalties: PenaltyRules
    /// Whether `days_to_pay` and `days_late` weigh each invoice by its amount (the default) or
    /// count each invoice once (`weighted: false`).
    public var weighted: Bool
    /// A metric a provider computes (``ProvidedMetric``); `nil` for the engine's own.
    public var provided: ProvidedMetric?

    public init(_ kind: MetricKind, period: PeriodLength? = nil, aging: AgingSpec = .standard,
                dsoMethod: DSOMethod = .standard, graceDays: Int = 0, penalties: PenaltyRules = .eu, weighted: Bool = true) {
        self.kind = kind
        self.weighted = weighted
        self.period = period
        self.aging = aging
        self.dsoMethod = dsoMethod
        self.graceDays = graceDays
        self.penalties = penalties
    }

    /// The period in force: the one asked for, else the metric's default.
    public var effectivePeriod: PeriodLength? { period ?? kind.defaultPeriod }
}

/// Every figure of metrics.md.
public enum MetricKind: String, Hashable, Sendable, CaseIterable {
    // Balances at the as-of date.
    case ar, current, overdue, overdueRate = "overdue_rate", disputed, aging
    // Sales and DSO.
    case sales, dso, bpdso, add, cei
    // Losses and behaviour.
    case badDebtRate = "bad_debt_rate", writeOffs = "write_offs", daysToPay = "days_to_pay", daysLate = "days_late"
    // Disputes and promises.
    case disputeDays = "dispute_days", openDisputes = "open_disputes", promiseKeptRate = "promise_kept_rate"
    case penalties
    // Counts.
    case count, customers
    // Cash and disputes over a period (docs/metrics-notes.md).
    case collections, collectionsRate = "collections_rate"
    case disputesOpened = "disputes_opened", disputesResolved = "disputes_resolved", disputedOpened = "disputed_opened"
    case paidLateRate = "paid_late_rate", paidOnTimeRate = "paid_on_time_rate"

    /// The ARQL name.
    public var name: String { rawValue }

    /// Whether the metric covers a period `(d − P, d]` (and so takes `period:`).
    public var coversPeriod: Bool { defaultPeriod != nil }

    /// The default period of a flow metric; `nil` for a balance at a date.
    public var defaultPeriod: PeriodLength? {
        switch self {
        case .dso, .bpdso, .add: .days(90)
        case .sales, .cei, .writeOffs, .daysToPay, .daysLate, .disputeDays, .promiseKeptRate: .months(1)
        case .collections, .collectionsRate, .disputesOpened, .disputesResolved, .disputedOpened, .paidLateRate, .paidOnTimeRate: .months(1)
        case .badDebtRate: .months(12)
        case .ar, .current, .overdue, .overdueRate, .disputed, .aging, .openDisputes, .penalties, .count, .customers: nil
        }
    }

    /// Whether the metric takes `weighted:` (amount-weighted mean, or each invoice once).
    public var takesWeighting: Bool { self == .daysToPay || self == .daysLate }

    /// What kind of value it yields.
    public var valueKind: MetricValueKind {
        switch self {
        case .ar, .current, .overdue, .disputed, .aging, .sales, .writeOffs, .penalties, .collections, .disputedOpened: .money
        case .overdueRate, .badDebtRate, .promiseKeptRate, .collectionsRate, .paidLateRate, .paidOnTimeRate: .ratio
        case .dso, .bpdso, .add, .daysToPay, .daysLate, .disputeDays: .days
        case .cei: .percent
        case .openDisputes, .count, .customers, .disputesOpened, .disputesResolved: .count
        }
    }
}
