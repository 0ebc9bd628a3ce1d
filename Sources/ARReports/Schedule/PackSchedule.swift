import ARCore
import Foundation

/// When a pack runs: a cron expression read in a time zone, what to do about missed runs, how
/// fresh the data must be, and how delivery failures are retried.
public struct PackSchedule: Sendable {
    public var cron: CronExpression
    public var timeZone: TimeZone
    public var catchUp: CatchUpPolicy
    /// The latest snapshot may be at most this many days older than the scheduled day.
    public var maxDataAgeDays: Int?
    /// How long after the scheduled time a run waits for fresh data before it reports the data stale.
    public var waitForData: Duration
    public var retry: RetryPolicy

    public init(cron: CronExpression, timeZone: TimeZone, catchUp: CatchUpPolicy = .latest, maxDataAgeDays: Int? = nil,
                waitForData: Duration = .zero, retry: RetryPolicy = RetryPolicy()) {
        self.cron = cron
        self.timeZone = timeZone
        self.catchUp = catchUp
        self.maxDataAgeDays = maxDataAgeDays
        self.waitForData = waitForData
        self.retry = retry
    }

    /// The first time the schedule fires strictly after `instant`, or nil when it never does (`0 0 31 2 *`).
    public func next(after instant: Date) -> Date? {
        var local = LocalTime(instant, in: timeZone)
        for _ in 0..<(366 * 9) {
            if let hit = firstFiring(on: local.day, after: instant) { return hit }
            local = LocalTime(day: local.day.adding(days: 1), minute: 0)
        }
        return nil
    }

    /// The last time the schedule fired at or before `instant`, or nil.
    public func last(onOrBefore instant: Date) -> Date? {
        let start = LocalTime(instant, in: timeZone).day.adding(days: 1)
        for back in 0..<(366 * 9) {
            let firings = firings(on: start.adding(days: -back)).filter { $0 <= instant }
            if let latest = firings.max() { return latest }
        }
        return nil
    }

    /// The times the schedule fired after `start` and at or before `end`, oldest first, at most `limit`
    /// (the latest ones when there are more).
    public func firings(after start: Date, through end: Date, limit: Int = 1000) -> [Date] {
        guard start < end else { return [] }
        var found: [Date] = []
        var day = LocalTime(start, in: timeZone).day.adding(days: -1)
        let last = LocalTime(end, in: timeZone).day.adding(days: 1)
        while day <= last {
            found += firings(on: day).filter { $0 > start && $0 <= end }
            if found.count > 2 * limit { found = Array(Set(found).sorted().suffix(limit)) }
            day = day.adding(days: 1)
        }
        return Array(Set(found).sorted().suffix(limit))
    }

    /// Every instant the schedule fires on a local day (its wall-clock times resolved in the zone).
    func firings(on day: Day) -> [Date] {
        let (year, month, dayOfMonth) = day.components
        guard cron.matches(year: year, month: month, day: dayOfMonth, weekday: (day.weekdayFromMonday + 1) % 7) else { return [] }
        var instants: [Date] = []
        for hour in cron.hours.sorted() {
            for minute in cron.minutes.sorted() {
                instants.append(LocalTime(day: day, minute: hour * 60 + minute).instant(in: timeZone))
            }
        }
        return instants
    }

    private func firstFiring(on day: Day, after instant: Date) -> Date? {
        // Look one day back too: a firing late on the previous local day can follow `instant`
        // when the zone's offset changed in between.
        (firings(on: day.adding(days: -1)) + firings(on: day)).filter { $0 > instant }.min()
    }
}

/// What a run does about firings missed while nothing called `pack run --due` (the machine was off).
public enum CatchUpPolicy: String, Sendable, CaseIterable {
    /// Run the latest missed firing once; record the earlier ones as skipped. The default.
    case latest
    /// Run every missed firing, oldest first.
    case all
    /// Run nothing missed: record them as skipped and wait for the next firing.
    case none
}

/// How transient delivery failures (a refused connection, an SMTP 4xx reply) are retried.
public struct RetryPolicy: Sendable, Equatable {
    /// Delivery attempts in all, the first included.
    public var attempts: Int
    /// The wait before the second attempt; each later wait doubles.
    public var backoff: Duration

    public init(attempts: Int = 5, backoff: Duration = .seconds(60)) {
        self.attempts = attempts
        self.backoff = backoff
    }

    /// The wait after failed attempt number `attempt` (1-based).
    public func delay(afterAttempt attempt: Int) -> Duration {
        backoff * (1 << min(max(0, attempt - 1), 16))
    }
}
