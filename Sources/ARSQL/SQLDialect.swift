/// The engine-specific pieces of SQL the compiler needs, so that one compiler can target
/// SQLite now and DuckDB or a distributed engine later.
///
/// Every function takes and returns SQL expression text. Days travel through the compiled query
/// as integers (days since 1970-01-01, the same numbering as ``ARCore/Day``), so that date
/// arithmetic is integer arithmetic; only parsing, formatting and month arithmetic touch the
/// engine's calendar functions.
public protocol SQLDialect: Sendable {
    /// The day number of an ISO `YYYY-MM-DD` text (days since 1970-01-01).
    func dayNumber(_ isoText: String) -> String
    /// The ISO text of a day number.
    func isoDate(_ dayNumber: String) -> String
    /// The `YYYY-MM` month of an ISO text.
    func yearMonth(_ isoText: String) -> String
    /// The day number of `isoText` moved by `months` calendar months (an integer expression),
    /// keeping the day of month clamped to the target month's last day (2026-03-31 − 1 month is
    /// 2026-02-28), as metrics.md's count-back DSO requires.
    func addingMonths(_ isoText: String, _ months: String) -> String
    /// Integer division truncating toward zero of two integer expressions.
    func integerDivision(_ numerator: String, _ denominator: String) -> String
    /// Remainder of the truncating division (sign of the numerator).
    func remainder(_ numerator: String, _ denominator: String) -> String
    /// The larger of two values (SQLite's two-argument `max`, DuckDB's `greatest`).
    func greatest(_ a: String, _ b: String) -> String
    /// The smaller of two values.
    func least(_ a: String, _ b: String) -> String
    /// Equality under which two missing values are equal (`IS`, `IS NOT DISTINCT FROM`).
    func nullSafeEquals(_ a: String, _ b: String) -> String
    /// A floating-point value of an integer expression, for ratios computed last.
    func real(_ expression: String) -> String
    /// An expression that aborts the query with `message` (a text expression) when evaluated.
    func fail(_ message: String) -> String
    /// The keyword that forces a common table expression to be computed once (may be empty).
    var materialized: String { get }
    /// The largest integer the engine holds exactly.
    var maxInteger: Int64 { get }
}

extension SQLDialect {
    /// `numerator / denominator` rounded half away from zero, all in integers; `denominator` > 0.
    public func divisionRoundingHalfAwayFromZero(_ numerator: String, _ denominator: String) -> String {
        let n = "(\(numerator))", d = "(\(denominator))"
        return "(\(integerDivision(n, d)) + CASE WHEN 2 * abs(\(remainder(n, d))) >= \(d) "
            + "THEN CASE WHEN \(n) < 0 THEN -1 ELSE 1 END ELSE 0 END)"
    }

    /// A quoted SQL text literal.
    public func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A quoted identifier.
    public func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// SQLite (3.35 or later: window functions, `MATERIALIZED`, JSON functions built in).
public struct SQLiteDialect: SQLDialect {
    public init() {}

    /// julianday of a date is `n + 0.5`; subtracting the julian day of 1970-01-01 is exact in a double.
    public func dayNumber(_ isoText: String) -> String {
        "CAST(julianday(\(isoText)) - 2440587.5 AS INTEGER)"
    }

    public func isoDate(_ dayNumber: String) -> String { "date(2440587.5 + (\(dayNumber)))" }

    public func yearMonth(_ isoText: String) -> String { "substr(\(isoText), 1, 7)" }

    public func addingMonths(_ isoText: String, _ months: String) -> String {
        // SQLite's own '+N months' modifier overflows into the next month instead of clamping.
        let year = "CAST(substr(\(isoText), 1, 4) AS INTEGER)"
        let month = "CAST(substr(\(isoText), 6, 2) AS INTEGER)"
        let day = "CAST(substr(\(isoText), 9, 2) AS INTEGER)"
        let total = "(\(year) * 12 + \(month) - 1 + (\(months)))"
        let first = "printf('%04d-%02d-01', \(total) / 12, \(total) % 12 + 1)"
        let lastDay = "CAST(strftime('%d', \(first), '+1 month', '-1 day') AS INTEGER)"
        return "(\(dayNumber(first)) + \(least(day, lastDay)) - 1)"
    }

    public func greatest(_ a: String, _ b: String) -> String { "max(\(a), \(b))" }

    public func least(_ a: String, _ b: String) -> String { "min(\(a), \(b))" }

    public func nullSafeEquals(_ a: String, _ b: String) -> String { "\(a) IS \(b)" }

    public func integerDivision(_ numerator: String, _ denominator: String) -> String {
        "(\(numerator)) / (\(denominator))"
    }

    public func remainder(_ numerator: String, _ denominator: String) -> String {
        "(\(numerator)) % (\(denominator))"
    }

    public func real(_ expression: String) -> String { "CAST(\(expression) AS REAL)" }

    /// SQLite has no `error()` function; a malformed JSON path raises an error whose message
    /// carries the path text, which ``SQLCompiler/run(_:on:)`` turns back into `message`.
    public func fail(_ message: String) -> String { "json_extract('{}', \(message))" }

    public var materialized: String { "MATERIALIZED" }

    public var maxInteger: Int64 { .max }
}
