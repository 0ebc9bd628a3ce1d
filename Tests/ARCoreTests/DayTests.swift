import Testing
@testable import ARCore

struct DayTests {
    @Test func roundTripsISODates() {
        for text in ["1970-01-01", "2000-02-29", "2026-09-30", "1899-12-31", "2100-03-01"] {
            #expect(Day(iso: text)?.iso == text)
        }
        #expect(Day(iso: "1970-01-01")?.rawValue == 0)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "26-01-01") == nil)
    }

    @Test func monthArithmeticClampsToMonthEnd() {
        let d = Day(iso: "2026-03-31")!
        #expect(d.adding(months: -1).iso == "2026-02-28")
        #expect(d.adding(months: -2).iso == "2026-01-31")
        #expect(d.adding(months: -13).iso == "2025-02-28")
        #expect(Day(iso: "2024-02-29")!.adding(months: 12).iso == "2025-02-28")
        #expect(Day(iso: "2026-01-15")!.adding(months: -1).iso == "2025-12-15")
    }

    @Test func theSupportedRangeIsWhatISOCanName() {
        #expect(Day.earliest == Day(iso: "0001-01-01"))
        #expect(Day.latest == Day(iso: "9999-12-31"))
        #expect(Day(iso: "0000-12-31") == nil)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(Day.latest.isSupported && Day.earliest.isSupported)
        #expect(!Day.latest.adding(days: 1).isSupported && !Day.earliest.adding(days: -1).isSupported)
    }

    /// Issue 16, item 2: `endOfMonth` and `startOfMonth` used to unwrap nil past 9999-12-31.
    @Test func monthEdgesBeyondTheRangeNeverTrap() {
        let next = Day.latest.adding(months: 1)
        #expect(!next.isSupported)
        #expect(next.endOfMonth.components == (10_000, 1, 31))
        #expect(next.startOfMonth.components == (10_000, 1, 1))
        #expect(Day.latest.endOfMonth == Day.latest)
        #expect(Day.earliest.adding(months: -1).startOfMonth.components == (0, 12, 1))
        #expect(Day(iso: "9999-11-30")!.adding(months: 3).endOfMonth.components == (10_000, 2, 29))
    }

    @Test func weeksStartOnMonday() {
        // 2026-11-29 is a Sunday.
        let sunday = Day(iso: "2026-11-29")!
        #expect(sunday.weekdayFromMonday == 6)
        #expect(sunday.startOfWeek.iso == "2026-11-23")
        #expect(Day(iso: "2026-11-23")!.startOfWeek.iso == "2026-11-23")
    }
}
