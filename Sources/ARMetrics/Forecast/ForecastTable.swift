import ARCore

/// Expected collections per group and period, each split by the rule that placed it, then a
/// `later` line for what is expected after the last period.
///
/// Money is in minor units of ``currency``, each item converted at the as-of rate on its own and
/// then summed, so the groups add up to the total and the rule parts add up to each period.
public struct ForecastTable: Sendable, Equatable {
    public var granularity: ForecastGranularity
    public var asOf: Day
    /// The first day of each period; the period ends the day before the next one starts.
    public var periodStarts: [Day]
    /// The first day of the `later` line.
    public var laterStart: Day
    /// Dimension names, in the order asked.
    public var dimensions: [String]
    public var currency: Currency
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        /// One value per dimension; `nil` when the item has none.
        public var keys: [String?]
        /// Expected collections per period, by rule.
        public var periods: [ForecastAmounts]
        /// Expected after the last period, by rule.
        public var later: ForecastAmounts

        public init(keys: [String?], periods: [ForecastAmounts], later: ForecastAmounts) {
            self.keys = keys
            self.periods = periods
            self.later = later
        }

        /// The periods and `later` together, by rule: the group's whole positive open amount.
        public var parts: ForecastAmounts { periods.reduce(later, +) }
        /// The group's positive open amount: every period plus `later`.
        public var total: Int64 { parts.total }
    }

    /// Period labels: `2026-W14` style ISO weeks would hide the Monday, so weeks are labelled by
    /// their Monday (`2026-03-30`) and months as `YYYY-MM`.
    public var periodLabels: [String] {
        periodStarts.map { day in granularity == .weekly ? day.iso : String(day.iso.prefix(7)) }
    }
}

/// The rule that decided an item's place in the forecast. Each item counts under exactly one,
/// tested in this order: ``dispute``, ``promise``, ``noHistory``, ``behaviour``.
public enum ForecastRule: Int, Sendable, CaseIterable {
    /// A promise to pay (invoice- or account-level) set the date.
    case promise
    /// The customer's own payment delay set the date.
    case behaviour
    /// The item is in open dispute: its whole open amount, whatever set the date (a promise, or
    /// the delay plus the dispute's resolution time), as metrics.md reports it on its own line.
    case dispute
    /// The customer has no invoice cleared in the 365 days before the as-of date: its delay was
    /// borrowed from its segment or the ledger.
    case noHistory

    /// The column name in query results: `promise`, `behaviour`, `dispute`, `no_history`.
    public var name: String {
        switch self {
        case .promise: "promise"
        case .behaviour: "behaviour"
        case .dispute: "dispute"
        case .noHistory: "no_history"
        }
    }
}

/// Expected collections split by ``ForecastRule``, in minor units.
public struct ForecastAmounts: Sendable, Equatable {
    public var promise: Int64
    public var behaviour: Int64
    public var dispute: Int64
    public var noHistory: Int64

    public init(promise: Int64 = 0, behaviour: Int64 = 0, dispute: Int64 = 0, noHistory: Int64 = 0) {
        self.promise = promise
        self.behaviour = behaviour
        self.dispute = dispute
        self.noHistory = noHistory
    }

    /// The part of `rule`.
    public subscript(rule: ForecastRule) -> Int64 {
        switch rule {
        case .promise: promise
        case .behaviour: behaviour
        case .dispute: dispute
        case .noHistory: noHistory
        }
    }

    /// All parts together.
    public var total: Int64 { promise + behaviour + dispute + noHistory }

    public static func + (a: ForecastAmounts, b: ForecastAmounts) -> ForecastAmounts {
        ForecastAmounts(promise: a.promise + b.promise, behaviour: a.behaviour + b.behaviour,
                        dispute: a.dispute + b.dispute, noHistory: a.noHistory + b.noHistory)
    }
}
