import ARCore

/// Expected collections per group and period, with the `later`, `disputed` and `no_history` lines.
///
/// Money is in minor units of ``currency``, each item converted at the as-of rate on its own and
/// then summed, so the groups add up to the total. `total` = the periods + `later`; `disputed`
/// and `noHistory` are parts of `total` shown on their own (not added again).
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
        /// Expected collections per period.
        public var periods: [Int64]
        /// Expected after the last period.
        public var later: Int64
        /// Positive open amount of the group: periods + later.
        public var total: Int64
        /// Whole open amount of the items with a dispute open at the as-of date.
        public var disputed: Int64
        /// Open amount of the items whose customer has no invoice cleared in the 365 days before
        /// the as-of date (their delay is the segment's or the ledger's).
        public var noHistory: Int64
    }

    /// Period labels: `2026-W14` style ISO weeks would hide the Monday, so weeks are labelled by
    /// their Monday (`w 2026-03-30`) and months as `YYYY-MM`.
    public var periodLabels: [String] {
        periodStarts.map { day in
            granularity == .weekly ? "w " + day.iso : String(day.iso.prefix(7))
        }
    }
}
