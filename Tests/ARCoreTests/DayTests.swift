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

    @Test func weeksStartOnMonday() {
        // 2026-11-29 is a Sunday.
        let sunday = Day(iso: "2026-11-29")!
        #expect(sunday.weekdayFromMonday == 6)
        #expect(sunday.startOfWeek.iso == "2026-11-23")
        #expect(Day(iso: "2026-11-23")!.startOfWeek.iso == "2026-11-23")
    }
}
