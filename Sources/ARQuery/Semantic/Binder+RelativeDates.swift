import ARCore

/// Dates relative to the snapshot's as-of date A (the catalog's), resolved when binding:
///
/// | written | date |
/// |---|---|
/// | `last month`, `end of last month`, `previous month` | the last day of the month before A's |
/// | `last quarter`, `end of last quarter` | the last day of the quarter before A's |
/// | `last year`, `end of last year` | December 31 of the year before A's |
/// | `N days/weeks/months/quarters/years ago` | A moved back; when A is a month end, so is the result |
/// | `same month last year`, `same day last year` | A moved back 12 months (a month end stays one) |
extension Binder {
    func resolve(_ date: RelativeDate) -> Day {
        let asOf = catalog.asOf
        switch date {
        case .asOf: return asOf
        case let .endOfPrevious(unit): return Self.endOfPrevious(unit, before: asOf)
        case let .ago(count, unit): return Self.moved(asOf, by: -count, unit)
        }
    }

    /// The last day of the `unit` (month, quarter or year) before the one holding `day`.
    static func endOfPrevious(_ unit: DateUnit, before day: Day) -> Day {
        let (year, month, _) = day.components
        switch unit {
        case .quarter:
            let firstMonthOfQuarter = (month - 1) / 3 * 3 + 1
            return Day(year: year, month: firstMonthOfQuarter, day: 1)!.adding(days: -1)
        case .year: return Day(year: year, month: 1, day: 1)!.adding(days: -1)
        default: return Day(year: year, month: month, day: 1)!.adding(days: -1)
        }
    }

    /// `day` moved by `count` units; a month end moved by months stays a month end.
    static func moved(_ day: Day, by count: Int, _ unit: DateUnit) -> Day {
        let months: Int
        switch unit {
        case .day: return day.adding(days: count)
        case .week: return day.adding(days: 7 * count)
        case .month: months = count
        case .quarter: months = 3 * count
        case .year: months = 12 * count
        }
        let moved = day.adding(months: months)
        return day == day.endOfMonth ? moved.endOfMonth : moved
    }
}
