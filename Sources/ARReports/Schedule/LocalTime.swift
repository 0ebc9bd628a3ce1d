import ARCore
import Foundation

/// A wall-clock time in some zone: a calendar day and the minute of that day.
struct LocalTime: Hashable {
    var day: Day
    /// 0 ..< 1440.
    var minute: Int

    init(day: Day, minute: Int) {
        self.day = day
        self.minute = minute
    }

    /// The wall-clock time `instant` shows in `zone` (to the minute).
    init(_ instant: Date, in zone: TimeZone) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        day = Day(rawValue: Int32(days))
        minute = (seconds - days * 86_400) / 60
    }

    /// The instant this wall-clock time happens in `zone`.
    ///
    /// - A time skipped when clocks go forward (02:30 on the night summer time starts in Paris)
    ///   happens that much later: it is read with the offset in force before the change (02:30
    ///   becomes 03:30 summer time).
    /// - A time that happens twice when clocks go back (02:30 on the night summer time ends) is
    ///   the first of the two.
    func instant(in zone: TimeZone) -> Date {
        let wall = Double(Int(day.rawValue) * 86_400 + minute * 60)
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 86_400))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall + 86_400))
        let valid = Set([before, after]).map { wall - Double($0) }.filter { candidate in
            Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: candidate))) == wall - candidate
        }
        return Date(timeIntervalSince1970: valid.min() ?? wall - Double(before))
    }
}
