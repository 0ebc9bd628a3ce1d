import ARCore
import ARStore

/// Where a result's figures come from, and what a reader must know before trusting them: the
/// snapshots that answered (with the dates each answered), the perimeter the query ran under,
/// and warnings. Every front end shows it: the CLI on standard error, the REPL after the table,
/// JSON in its `snapshots`, `perimeter` and `warnings` members, charts in their titles.
public struct ResultContext: Sendable, Equatable {
    /// One snapshot that answered, and the dates it answered.
    public struct SnapshotUse: Sendable, Equatable {
        public var id: String
        /// The snapshot's own as-of date.
        public var asOf: Day
        /// The dates of the result it answered.
        public var dates: [Day]

        public init(id: String, asOf: Day, dates: [Day]) {
            self.id = id
            self.asOf = asOf
            self.dates = dates
        }
    }

    public var snapshots: [SnapshotUse]
    public var perimeter: Perimeter
    /// One line each, lower-case, saying what is suspicious about the figures.
    public var warnings: [String]

    public init(snapshots: [SnapshotUse] = [], perimeter: Perimeter = .everything, warnings: [String] = []) {
        self.snapshots = snapshots
        self.perimeter = perimeter
        self.warnings = warnings
    }

    /// The last date the result is as of, if it has dates.
    public var asOf: Day? { snapshots.last?.dates.last }
}
