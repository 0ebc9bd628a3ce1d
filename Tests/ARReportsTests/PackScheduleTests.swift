import ARReports
import Foundation
import Testing

/// Cron expressions read in a time zone, through daylight-saving changes.
struct PackScheduleTests {
    let paris = TimeZone(identifier: "Europe/Paris")!

    func schedule(_ cron: String, _ zone: String = "Europe/Paris") throws -> PackSchedule {
        PackSchedule(cron: try CronExpression(cron), timeZone: TimeZone(identifier: zone)!)
    }

    func iso(_ date: Date?) -> String? { date.map(PackTime.iso) }

    @Test func parsesFieldsNamesStepsAndAliases() throws {
        let cron = try CronExpression("*/15 7-9 1,15 jan-mar mon-fri")
        #expect(cron.minutes == [0, 15, 30, 45])
        #expect(cron.hours == [7, 8, 9])
        #expect(cron.daysOfMonth == [1, 15])
        #expect(cron.months == [1, 2, 3])
        #expect(cron.daysOfWeek == [1, 2, 3, 4, 5])
        #expect(try CronExpression("0 0 * * 7").daysOfWeek == [0])
        #expect(try CronExpression("@monthly").daysOfMonth == [1])
    }

    @Test func badFieldsSayWhatWasExpected() {
        #expect(throws: CronExpression.ParseError.self) { try CronExpression("0 7 2 *") }
        do {
            _ = try CronExpression("0 7 32 * *")
            Issue.record("a day of the month 32 was accepted")
        } catch {
            #expect(error.message == "expected a day of the month from 1 to 31, found '32'")
            #expect(error.offset == 4)
        }
    }

    @Test func theSecondOfTheMonthAtSevenInParisWinterAndSummer() throws {
        let s = try schedule("0 7 2 * *")
        #expect(iso(s.next(after: Fixtures.instant("2026-10-31T00:00:00Z"))) == "2026-11-02T06:00:00Z")   // CET, UTC+1
        #expect(iso(s.next(after: Fixtures.instant("2026-11-02T06:00:00Z"))) == "2026-12-02T06:00:00Z")
        #expect(iso(s.next(after: Fixtures.instant("2026-06-01T00:00:00Z"))) == "2026-06-02T05:00:00Z")   // CEST, UTC+2
        #expect(iso(s.last(onOrBefore: Fixtures.instant("2026-11-10T00:00:00Z"))) == "2026-11-02T06:00:00Z")
    }

    @Test func aTimeSkippedWhenClocksGoForwardRunsAnHourLater() throws {
        // 2026-03-29 in Paris: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist.
        let s = try schedule("30 2 * * *")
        #expect(iso(s.next(after: Fixtures.instant("2026-03-28T12:00:00Z"))) == "2026-03-29T01:30:00Z")   // 03:30 CEST
        #expect(iso(s.next(after: Fixtures.instant("2026-03-29T01:30:00Z"))) == "2026-03-30T00:30:00Z")   // 02:30 CEST
    }

    @Test func aTimeThatHappensTwiceWhenClocksGoBackRunsOnce() throws {
        // 2026-10-25 in Paris: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30Z and at 01:30Z.
        let s = try schedule("30 2 * * *")
        #expect(iso(s.next(after: Fixtures.instant("2026-10-24T12:00:00Z"))) == "2026-10-25T00:30:00Z")
        #expect(iso(s.next(after: Fixtures.instant("2026-10-25T00:30:00Z"))) == "2026-10-26T01:30:00Z")
        let hourly = try schedule("0 * * * *")
        let firings = hourly.firings(after: Fixtures.instant("2026-10-24T22:00:00Z"), through: Fixtures.instant("2026-10-25T03:00:00Z"))
        // Local 01:00 CEST, 02:00 (the first one), 03:00 CET, 04:00 CET: the second 02:00 is not run again.
        #expect(firings.map(PackTime.iso) == ["2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z"])
    }

    @Test func otherZonesChangeOnTheirOwnDates() throws {
        // New York moves to summer time on 2026-03-08, three weeks before Paris.
        let s = try schedule("0 9 * * *", "America/New_York")
        #expect(iso(s.next(after: Fixtures.instant("2026-03-07T12:00:00Z"))) == "2026-03-07T14:00:00Z")   // EST, UTC−5
        #expect(iso(s.next(after: Fixtures.instant("2026-03-07T14:00:00Z"))) == "2026-03-08T13:00:00Z")   // EDT, UTC−4
        let utc = try schedule("0 9 * * *", "UTC")
        #expect(iso(utc.next(after: Fixtures.instant("2026-03-28T12:00:00Z"))) == "2026-03-29T09:00:00Z")
    }

    @Test func weeklyAndTheVixieRuleForDayOfMonthOrDayOfWeek() throws {
        let mondays = try schedule("0 8 * * mon")
        #expect(iso(mondays.next(after: Fixtures.instant("2026-11-02T12:00:00Z"))) == "2026-11-09T07:00:00Z")
        // Day of month and day of week both restricted: either matches (the 1st, and every Monday).
        let either = try schedule("0 0 1 * mon", "UTC")
        let firings = either.firings(after: Fixtures.instant("2026-11-25T00:00:00Z"), through: Fixtures.instant("2026-12-10T00:00:00Z"))
        #expect(firings.map(PackTime.iso) == ["2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z", "2026-12-07T00:00:00Z"])
    }

    @Test func firingsBetweenTwoInstantsKeepTheLatestWhenLimited() throws {
        let daily = try schedule("0 7 * * *")
        let all = daily.firings(after: Fixtures.instant("2026-11-01T00:00:00Z"), through: Fixtures.instant("2026-11-30T23:00:00Z"))
        #expect(all.count == 30)
        let last3 = daily.firings(after: Fixtures.instant("2026-11-01T00:00:00Z"), through: Fixtures.instant("2026-11-30T23:00:00Z"), limit: 3)
        #expect(last3.map(PackTime.iso) == ["2026-11-28T06:00:00Z", "2026-11-29T06:00:00Z", "2026-11-30T06:00:00Z"])
    }

    @Test func retriesBackOffExponentially() {
        let retry = RetryPolicy(attempts: 5, backoff: .seconds(60))
        #expect(retry.delay(afterAttempt: 1) == .seconds(60))
        #expect(retry.delay(afterAttempt: 3) == .seconds(240))
    }

    @Test func instantsReadAndWrite() {
        #expect(PackTime.iso(Fixtures.instant("2026-11-02T07:00:30+01:00")) == "2026-11-02T06:00:30Z")
        #expect(PackTime.parse("2026-11-02 07:00") == nil)
        #expect(PackTime.minute(Fixtures.instant("2026-11-02T06:00:00Z"), in: paris) == "2026-11-02 07:00 Europe/Paris")
    }
}
