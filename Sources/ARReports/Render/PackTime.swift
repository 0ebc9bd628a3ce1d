import ARCore
import Foundation

/// Instants written for people and for the run log, without locale machinery.
public enum PackTime {
    /// `2026-11-02 07:00 Europe/Paris`.
    public static func minute(_ instant: Date, in zone: TimeZone) -> String {
        let local = LocalTime(instant, in: zone)
        return "\(local.day.iso) \(pad(local.minute / 60)):\(pad(local.minute % 60)) \(zone.identifier)"
    }

    /// `2026-11-02T06:00:00Z`: the run log's form, sortable as text.
    public static func iso(_ instant: Date) -> String {
        let local = LocalTime(instant, in: .gmt)
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) % 60
        return "\(local.day.iso)T\(pad(local.minute / 60)):\(pad(local.minute % 60)):\(pad((seconds + 60) % 60))Z"
    }

    /// Reads `2026-11-02T06:00:00Z` or `2026-11-02T07:00:00+01:00` (also without seconds).
    public static func parse(_ text: String) -> Date? {
        guard text.count >= 16, let day = Day(iso: text.prefix(10)), text[text.index(text.startIndex, offsetBy: 10)] == "T" else { return nil }
        let rest = Array(text.dropFirst(11))
        guard rest.count >= 5, let hour = Int(String(rest[0..<2])), rest[2] == ":", let minute = Int(String(rest[3..<5])),
              hour < 24, minute < 60 else { return nil }
        var index = 5, second = 0
        if rest.count >= 8, rest[5] == ":", let s = Int(String(rest[6..<8])), s < 60 { second = s; index = 8 }
        let zone = String(rest[index...])
        var offset = 0
        if zone == "Z" {
            offset = 0
        } else if zone.count == 6, let sign = zone.first, sign == "+" || sign == "-",
                  let h = Int(zone.dropFirst().prefix(2)), let m = Int(zone.suffix(2)) {
            offset = (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
        } else {
            return nil
        }
        let seconds = Int(day.rawValue) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
