import ARCore
import ARQuery
import ARStore

/// The values a pack's queries run with for one recipient: the declared defaults, overridden by
/// the recipient's values and then by the caller's, plus the dates computed from `as_of`.
///
/// `as_of` defaults to `latest`, the latest snapshot's as-of date. From it come `$month_ago`,
/// `$quarter_ago`, `$year_ago` (month ends stay month ends: 2026-10-31 gives 2026-09-30,
/// 2026-07-31, 2025-10-31) and `$week_ago` (seven days before).
public struct PackParameters: Sendable, Equatable {
    /// Every parameter by name, as the queries see it.
    public var values: [String: String]
    public var asOf: Day
    /// The rows the recipient may see.
    public var perimeter: Perimeter
    /// The recipient's name, or nil for a render with parameters given by hand.
    public var recipient: String?

    /// Resolves the parameters of `pack` for `recipient` (nil: the pack's defaults) with `overrides` on top.
    /// - Throws: ``PackRenderError`` when an override names no declared parameter or `as_of` is not a date.
    public static func resolve(_ pack: PackDefinition, recipient: PackRecipient?, overrides: [String: String] = [:],
                               perimeter: Perimeter? = nil, latest: Day) throws(PackRenderError) -> PackParameters {
        var values: [String: String] = [:]
        for parameter in pack.parameters { values[parameter.name] = parameter.defaultValue }
        for (name, value) in recipient?.parameters ?? [:] { values[name] = value }
        for (name, value) in overrides {
            guard values[name] != nil || name == "as_of" else {
                throw PackRenderError(pack: pack.name, message: "expected a parameter the pack declares, found '\(name)'",
                                      help: EditDistance.closest(to: name, among: Array(values.keys) + ["as_of"]).map { "did you mean '\($0)'?" }
                                        ?? "declare it under the pack's 'parameters'")
            }
            values[name] = value
        }
        let text = values["as_of"] ?? "latest"
        guard let asOf = text == "latest" ? latest : Day(iso: text) else {
            throw PackRenderError(pack: pack.name, message: "expected 'latest' or a YYYY-MM-DD date for 'as_of', found '\(text)'")
        }
        values["as_of"] = asOf.iso
        for (name, day) in derivedDates(asOf) { values[name] = day.iso }
        return PackParameters(values: values, asOf: asOf, perimeter: perimeter ?? recipient?.perimeter ?? .everything,
                              recipient: recipient?.name)
    }

    /// The dates computed from `as_of`.
    static func derivedDates(_ asOf: Day) -> [(String, Day)] {
        func monthsBack(_ n: Int) -> Day {
            asOf == asOf.endOfMonth ? asOf.adding(months: -n).endOfMonth : asOf.adding(months: -n)
        }
        return [("month_ago", monthsBack(1)), ("quarter_ago", monthsBack(3)), ("year_ago", monthsBack(12)),
                ("week_ago", asOf.adding(days: -7))]
    }

    /// The date a comparison column stands for.
    func date(of comparison: ComparisonDate) -> Day {
        Day(iso: values[comparison.rawValue] ?? "") ?? asOf
    }
}
