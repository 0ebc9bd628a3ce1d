/// A calendar day, stored as the number of days since 1970-01-01 (proleptic Gregorian).
///
/// Dates in the ledger are days, never instants: an invoice is due on a day, whatever the
/// time zone. Storing them as `Int32` keeps date columns contiguous and comparisons cheap.
///
/// The supported range is ``earliest`` (0001-01-01) to ``latest`` (9999-12-31), the days an ISO
/// `YYYY-MM-DD` text can name: parsing refuses anything else. Arithmetic (``adding(days:)``,
/// ``adding(months:)``, ``endOfMonth``) never traps on a day outside it, so callers can form a
/// date and check it with ``isSupported`` before showing it.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var rawValue: Int32

    @inlinable
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Creates the day `year-month-day`, or `nil` when it does not exist (2025-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysInMonth(year: year, month: month),
              (1...9999).contains(year) else { return nil }
        rawValue = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// 0001-01-01, the first supported day.
    public static let earliest = Day(rawValue: -719_162)
    /// 9999-12-31, the last supported day: later years do not fit `YYYY-MM-DD`.
    public static let latest = Day(rawValue: 2_932_896)

    /// Whether the day lies in 0001-01-01 ... 9999-12-31, so that ``iso`` names it in `YYYY-MM-DD`.
    @inlinable
    public var isSupported: Bool { rawValue >= Day.earliest.rawValue && rawValue <= Day.latest.rawValue }

    /// Parses an ISO `YYYY-MM-DD` date.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = Day.digits(bytes[0..<4]), let m = Day.digits(bytes[5..<7]), let d = Day.digits(bytes[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month (1–12) and day of month (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        Day.civilFromDays(Int(rawValue))
    }

    /// ISO `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
    }

    public var description: String { iso }

    @inlinable
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The day `n` days later (earlier when negative).
    @inlinable
    public func adding(days n: Int) -> Day { Day(rawValue: rawValue + Int32(n)) }

    /// Days from `other` to `self` (`self − other`).
    @inlinable
    public func days(since other: Day) -> Int { Int(rawValue) - Int(other.rawValue) }

    /// The same day of month `n` months later (earlier when negative), clamped to the last day of
    /// the target month: 2026-03-31 minus one month is 2026-02-28. This is the month arithmetic
    /// of count-back DSO and of every period named in months (metrics.md).
    public func adding(months n: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + n
        let ny = total >= 0 ? total / 12 : (total - 11) / 12
        let nm = total - ny * 12 + 1
        let nd = min(d, Day.daysInMonth(year: ny, month: nm))
        return Day(rawValue: Int32(Day.daysFromCivil(year: ny, month: nm, day: nd)))
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    public var weekdayFromMonday: Int {
        // 1970-01-01 was a Thursday (3 when Monday is 0).
        let r = (Int(rawValue) + 3) % 7
        return r < 0 ? r + 7 : r
    }

    /// The Monday on or before this day.
    public var startOfWeek: Day { adding(days: -weekdayFromMonday) }

    /// The last day of this day's month (outside the supported range too: 9999-12-31 plus one
    /// month ends 10000-01-31, which ``isSupported`` then refuses).
    public var endOfMonth: Day {
        let (y, m, _) = components
        return Day(rawValue: Int32(Day.daysFromCivil(year: y, month: m, day: Day.daysInMonth(year: y, month: m))))
    }

    /// The first day of this day's month.
    public var startOfMonth: Day {
        let (y, m, _) = components
        return Day(rawValue: Int32(Day.daysFromCivil(year: y, month: m, day: 1)))
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Civil calendar (Howard Hinnant's algorithms)

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
