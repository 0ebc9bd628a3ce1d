import ARCore
import ARQuery
import ARStore

/// The alerts of the latest snapshot: every row of every rule as of its date, each marked `new`
/// when the rule did not hold for that subject as of the previous snapshot's date, else `open`.
public struct AlertReport: Sendable {
    /// The result: alert, severity, status, subject (`customer=C1`), figures, as of.
    public let result: ResultSet
    /// The date the `new` status compares with; `nil` when the source has one snapshot only
    /// (then every alert is new, and ``note`` says so).
    public let previous: Day?
    public let note: String?

    public init(rules: AlertRules, runner: QueryRunner, options: QueryOptions = QueryOptions()) throws {
        let dates = Array(Set(runner.source.snapshots.map(\.asOf))).sorted()
        let latest = dates[dates.count - 1]
        previous = dates.count > 1 ? dates[dates.count - 2] : nil
        note = previous == nil ? "one snapshot only: every open alert is new" : nil
        var rows: [[ResultValue]] = []
        for rule in rules.rules {
            let now = try Self.subjects(rule, on: latest, runner: runner, options: options)
            let before = try previous.map { Set(try Self.subjects(rule, on: $0, runner: runner, options: options).map(\.subject)) } ?? []
            for alert in now {
                let status = before.contains(alert.subject) ? "open" : "new"
                rows.append([.string(rule.name), .string(rule.severity), .string(status), .string(alert.subject),
                             .string(alert.figures), .date(latest)])
            }
        }
        let columns = ["alert", "severity", "status", "subject", "figures"].map { ResultSet.Column(name: $0, type: .string) }
            + [ResultSet.Column(name: "as_of", type: .date)]
        result = ResultSet(columns: columns, rows: rows, currency: runner.ledger.snapshot.reportingCurrency)
    }

    /// The rows of `rule` as of `day`: the subject (dimension keys) and its figures as text.
    static func subjects(_ rule: AlertRules.Rule, on day: Day, runner: QueryRunner,
                         options: QueryOptions) throws -> [(subject: String, figures: String)] {
        let outcome = try runner.run(rule.query + " as of \(day.iso)", options: options)[0]
        guard let result = outcome.result else { return [] }
        let dimensions = result.columns.indices.filter { result.columns[$0].type == .string }
        let figures = result.columns.indices.filter { result.columns[$0].type != .string }
        return result.rows.map { row in
            let subject = dimensions.map { "\(result.columns[$0].name)=\(Self.text(row[$0], result))" }.joined(separator: ", ")
            let values = figures.map { "\(result.columns[$0].name)=\(Self.text(row[$0], result))" }.joined(separator: ", ")
            return (subject, values)
        }
    }

    static func text(_ value: ResultValue, _ result: ResultSet) -> String {
        switch value {
        case let .string(s): s
        case let .date(d): d.iso
        case let .money(m): MinorUnits.format(m, digits: result.currency.minorDigits) + " " + result.currency.code
        case let .number(x): String((x * 1000).rounded() / 1000)
        case let .integer(n): String(n)
        case .null: "(none)"
        }
    }
}
