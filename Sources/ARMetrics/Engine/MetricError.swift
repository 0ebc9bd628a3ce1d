import ARCore
import ARStore

/// Why a metric query could not be answered: a missing rate, a date after the snapshot, an
/// unknown attribute, an amount too large to convert or sum, work memory that cannot fit, or a
/// query told to stop (cancelled, or over its time budget).
public struct MetricError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stable short code (`no_fx_rate`, `after_as_of`, `unknown_attribute`, `overflow`, `memory`,
    /// `cancelled`, `time_budget`, `bad_query`).
    public var code: String
    /// One line: what went wrong and what would fix it.
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    static func noRate(_ currency: String, on day: Int32) -> MetricError {
        MetricError(code: "no_fx_rate",
                    message: "no \(currency) rate on or before \(Day(rawValue: day).iso): add one to fx_rates")
    }

    static func afterAsOf(_ day: Day, asOf: Day) -> MetricError {
        MetricError(code: "after_as_of",
                    message: "date \(day.iso) is after the snapshot's as_of \(asOf.iso): ask for a date on or before it")
    }

    static func overflow(_ what: String) -> MetricError {
        MetricError(code: "overflow", message: "\(what) does not fit in 64-bit minor units (about ±9.2 × 10^18): "
            + "the ledger holds amounts too large to add up; check its largest amounts ('arlens inspect') or narrow the query")
    }

    /// The error of a query told to stop: `cancelled` or `time_budget`.
    static func stopped(_ reason: StopReason) -> MetricError {
        switch reason {
        case .cancelled: MetricError(code: "cancelled", message: "query cancelled")
        case .timeBudget: MetricError(code: "time_budget",
                                      message: "\(reason): narrow it (fewer dates, a filter) or raise the budget")
        }
    }

    /// Whether the query was told to stop rather than failed.
    public var isStop: Bool { code == "cancelled" || code == "time_budget" }

    static func unknownAttribute(_ name: String, table: String) -> MetricError {
        MetricError(code: "unknown_attribute",
                    message: "unknown \(table) attribute '\(name)': the snapshot's \(table) file has no such column")
    }
}
