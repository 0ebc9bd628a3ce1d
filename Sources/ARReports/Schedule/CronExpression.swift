/// A five-field cron expression: minute, hour, day of month, month, day of week.
///
/// Each field is `*`, a value, a range `a-b`, a step `*/n` or `a-b/n`, or a comma-separated list
/// of those; months and days of the week also take names (`jan`, `mon`), and day of week 7 is
/// Sunday like 0. As in Vixie cron, when both day of month and day of week are restricted, a day
/// matches if either does. `@yearly`, `@monthly`, `@weekly`, `@daily` and `@hourly` stand for
/// their usual expressions.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    public let minutes: Set<Int>
    public let hours: Set<Int>
    public let daysOfMonth: Set<Int>
    public let months: Set<Int>
    /// 0 is Sunday.
    public let daysOfWeek: Set<Int>
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool
    /// The text it was read from.
    public let text: String

    /// Why a cron text cannot be read: the message and the character offset of the bad field.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String
        public var offset: Int
        public var length: Int
        public var help: String?
    }

    static let aliases = ["@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
                          "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *"]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    public init(_ text: String) throws(ParseError) {
        self.text = text
        let expanded = CronExpression.aliases[text.lowercased()] ?? text
        let fields = CronExpression.fields(of: expanded)
        guard fields.count == 5 else {
            throw ParseError(message: "expected 5 cron fields (minute hour day-of-month month day-of-week), found \(fields.count)",
                             offset: 0, length: max(1, text.count), help: "e.g. '0 7 2 * *' is the 2nd of each month at 07:00")
        }
        let aliased = expanded != text
        func field(_ k: Int, _ range: ClosedRange<Int>, _ what: String, names: [String] = []) throws(ParseError) -> Set<Int> {
            do {
                return try CronExpression.values(fields[k].text, range: range, what: what, names: names)
            } catch {
                throw ParseError(message: error.message, offset: aliased ? 0 : fields[k].offset,
                                 length: aliased ? text.count : fields[k].text.count, help: error.help)
            }
        }
        minutes = try field(0, 0...59, "a minute")
        hours = try field(1, 0...23, "an hour")
        daysOfMonth = try field(2, 1...31, "a day of the month")
        months = try field(3, 1...12, "a month", names: CronExpression.monthNames)
        daysOfWeek = Set(try field(4, 0...7, "a day of the week", names: CronExpression.dayNames).map { $0 % 7 })
        dayOfMonthRestricted = fields[2].text != "*"
        dayOfWeekRestricted = fields[4].text != "*"
    }

    public var description: String { text }

    /// Whether the schedule fires on a day (the time of day aside).
    func matches(year: Int, month: Int, day: Int, weekday: Int) -> Bool {
        guard months.contains(month) else { return false }
        let domMatch = daysOfMonth.contains(day), dowMatch = daysOfWeek.contains(weekday)
        switch (dayOfMonthRestricted, dayOfWeekRestricted) {
        case (true, true): return domMatch || dowMatch
        case (true, false): return domMatch
        case (false, true): return dowMatch
        case (false, false): return true
        }
    }

    // MARK: - Parsing

    private static func fields(of text: String) -> [(text: String, offset: Int)] {
        var fields: [(text: String, offset: Int)] = []
        var current = "", start = 0
        for (offset, character) in text.enumerated() {
            if character == " " || character == "\t" {
                if !current.isEmpty { fields.append((current, start)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append((current, start)) }
        return fields
    }

    private static func values(_ field: String, range: ClosedRange<Int>, what: String,
                               names: [String]) throws(ParseError) -> Set<Int> {
        var result = Set<Int>()
        for part in field.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw bad(String(part), what, range) }
            var step = 1
            if pieces.count == 2 {
                guard let n = Int(pieces[1]), n >= 1, n <= range.upperBound else { throw bad(String(part), "a step", 1...range.upperBound) }
                step = n
            }
            let base = pieces[0]
            var low = range.lowerBound, high = range.upperBound
            if base != "*" {
                let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2 else { throw bad(String(part), what, range) }
                low = try value(String(bounds[0]), range: range, what: what, names: names)
                high = bounds.count == 2 ? try value(String(bounds[1]), range: range, what: what, names: names)
                    : (pieces.count == 2 ? range.upperBound : low)
                guard low <= high else {
                    throw ParseError(message: "expected a range from low to high, found '\(base)'", offset: 0, length: 1,
                                     help: "write the smaller bound first, e.g. '1-5'")
                }
            }
            result.formUnion(stride(from: low, through: high, by: step))
        }
        return result
    }

    private static func value(_ text: String, range: ClosedRange<Int>, what: String, names: [String]) throws(ParseError) -> Int {
        if let index = names.firstIndex(of: text.lowercased()) { return range.lowerBound == 1 ? index + 1 : index }
        guard let n = Int(text), range.contains(n) else { throw bad(text, what, range) }
        return n
    }

    private static func bad(_ text: String, _ what: String, _ range: ClosedRange<Int>) -> ParseError {
        ParseError(message: "expected \(what) from \(range.lowerBound) to \(range.upperBound), found '\(text)'", offset: 0, length: 1,
                   help: "a field is '*', a value, a range 'a-b', a step '*/n' or a list 'a,b'")
    }
}
