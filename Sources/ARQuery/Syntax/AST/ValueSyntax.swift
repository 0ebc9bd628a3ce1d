import ARCore

/// A name as written, with its span.
struct NameSyntax: Hashable, Sendable {
    var text: String
    var span: SourceSpan

    var lowercased: String { text.lowercased() }
}

/// A literal or parameter as written. Numbers stay text so that money converts exactly.
struct ValueSyntax: Hashable, Sendable {
    indirect enum Kind: Hashable, Sendable {
        /// An unsigned decimal as written, with its sign.
        case number(String, negative: Bool)
        case string(String)
        case date(Day)
        /// A bare word used as a value: `credit_note`, `countback`, `eu`.
        case word(String)
        /// `$name`, bound from the parameters map.
        case parameter(String)
        /// `90 days`, `3 months`: the amount (a ``Kind/number``) and its unit word.
        case duration(ValueSyntax, unit: NameSyntax)
        /// `[30, 60, 90]` or `("EMEA", "APAC")`.
        case list([ValueSyntax])
        /// `last month`, `end of last quarter`, `3 months ago`: a date relative to the snapshot's as-of.
        case relativeDate(RelativeDate)
    }

    var kind: Kind
    var span: SourceSpan

    /// How the value is quoted in a diagnostic.
    func quoted(in source: [UInt8]) -> String {
        let start = min(span.start, source.count)
        let end = min(span.end, source.count)
        return "'" + String(decoding: source[start..<end], as: UTF8.self) + "'"
    }
}

/// `name` or `name(argument: value, …)`: a metric in the metric list, a `having` or `order by`
/// operand, or a field in `where` (without arguments).
struct CallSyntax: Hashable, Sendable {
    var name: NameSyntax
    var arguments: [ArgumentSyntax]
    var span: SourceSpan
}

/// `argument: value` inside a metric call.
struct ArgumentSyntax: Hashable, Sendable {
    var name: NameSyntax
    var value: ValueSyntax
}

/// A date named relative to the snapshot's as-of date A (docs/arql.md, "Time").
enum RelativeDate: Hashable, Sendable {
    /// A itself.
    case asOf
    /// The last day of the month, quarter or year before A's: `last month`, `end of last quarter`.
    case endOfPrevious(DateUnit)
    /// A moved back `count` units (month ends stay month ends): `3 months ago`, `same month last year`.
    case ago(Int, DateUnit)
}

/// A calendar unit of a relative date, a series or a to-date period.
enum DateUnit: String, Hashable, Sendable, CaseIterable {
    case day, week, month, quarter, year

    /// `days`, `months`, …: the unit a plural or singular word names.
    init?(word: String) {
        let singular = word.lowercased().hasSuffix("s") ? String(word.lowercased().dropLast()) : word.lowercased()
        self.init(rawValue: singular)
    }
}
