/// Durations written in pack files: `3 days`, `12 hours`, `30 minutes`, `2 seconds`, `250 milliseconds`.
enum DurationText {
    static let units: [(names: [String], seconds: Double)] = [
        (["millisecond", "milliseconds", "ms"], 0.001), (["second", "seconds", "s"], 1), (["minute", "minutes", "min"], 60),
        (["hour", "hours", "h"], 3600), (["day", "days", "d"], 86_400), (["week", "weeks"], 604_800),
    ]

    /// The duration of `text`, or nil.
    static func parse(_ text: String) -> Duration? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let amount = Double(parts[0]), amount >= 0, amount.isFinite,
              let unit = units.first(where: { $0.names.contains(parts[1].lowercased()) }) else { return nil }
        return .milliseconds(Int64((amount * unit.seconds * 1000).rounded()))
    }

    /// Whole days of `text` (`3 days`, `1 week`), or nil.
    static func days(_ text: String) -> Int? {
        guard let duration = parse(text) else { return nil }
        let seconds = duration.components.seconds
        return seconds % 86_400 == 0 ? Int(seconds / 86_400) : nil
    }
}

extension PackNode {
    func duration(what: String) throws(PackDiagnostic) -> Duration {
        let text = try string()
        guard let duration = DurationText.parse(text) else {
            throw error("expected \(what) such as '30 minutes' or '2 days', found '\(text)'")
        }
        return duration
    }
}
