import ARCore
import ARMetrics
import ARStore

/// Prints a ``ResultSet`` as an aligned text table, CSV or JSON.
///
/// Money prints exactly from minor units in the result's currency (`1,234.50` in a table,
/// `1234.50` in CSV and JSON); ratios are fractions in CSV and JSON and percentages in a table;
/// days and CEI percentages print as numbers.
public enum ResultFormatter {
    public enum Format: String, Sendable, CaseIterable {
        case table, csv, json
    }

    /// `result` in `format`, ending with a newline.
    public static func format(_ result: ResultSet, as format: Format) -> String {
        switch format {
        case .table: table(result)
        case .csv: csv(result)
        case .json: json(result)
        }
    }

    /// A metric table in `format` (see ``ResultSet/init(_:)``).
    public static func format(_ table: MetricTable, as format: Format) -> String {
        self.format(ResultSet(table), as: format)
    }

    // MARK: - CSV and JSON

    static func csv(_ result: ResultSet) -> String {
        var lines = [result.columns.map { csvField($0.name) }.joined(separator: ",")]
        for row in result.rows {
            lines.append(row.indices.map { i in
                guard case let .string(s) = row[i] else { return plain(row[i], result.columns[i].type, result.currency) ?? "" }
                return csvField(s)
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func json(_ result: ResultSet) -> String {
        let columns = result.columns.map { "{\"name\":\(JSONText.quoted($0.name)),\"type\":\"\($0.type.rawValue)\"}" }
        let rows = result.rows.map { row in
            "[" + row.indices.map { i -> String in
                switch row[i] {
                case let .string(s): JSONText.quoted(s)
                case let .date(d): "\"\(dateText(d))\""
                default: plain(row[i], result.columns[i].type, result.currency) ?? "null"
                }
            }.joined(separator: ",") + "]"
        }
        return "{\"columns\":[" + columns.joined(separator: ",") + "],\"rows\":[" + rows.joined(separator: ",") + "],"
            + "\"currency\":\"\(result.currency.code)\"," + contextJSON(result.context) + "}\n"
    }

    /// `"snapshots":[…],"perimeter":…,"warnings":[…]`: where the figures come from.
    static func contextJSON(_ context: ResultContext) -> String {
        let snapshots = context.snapshots.map { use in
            "{\"id\":\(JSONText.quoted(use.id)),\"as_of\":\"\(use.asOf.iso)\",\"dates\":["
                + use.dates.map { "\"\($0.iso)\"" }.joined(separator: ",") + "]}"
        }
        let perimeter = context.perimeter.isEverything ? "null" : "{" + context.perimeter.allowed.keys.sorted().map { field in
            JSONText.quoted(field) + ":[" + context.perimeter.allowed[field]!.sorted().map(JSONText.quoted).joined(separator: ",") + "]"
        }.joined(separator: ",") + "}"
        return "\"snapshots\":[" + snapshots.joined(separator: ",") + "],\"perimeter\":" + perimeter
            + ",\"warnings\":[" + context.warnings.map(JSONText.quoted).joined(separator: ",") + "]"
    }

    /// The machine-readable text of a value: exact money, full-precision fractions, days and
    /// percentages; `nil` for null.
    static func plain(_ value: ResultValue, _ type: ResultType, _ currency: Currency) -> String? {
        switch value {
        case let .string(s): s
        case let .date(d): dateText(d)
        case let .money(m): MinorUnits.format(m, digits: currency.minorDigits)
        case let .integer(n): String(n)
        // Machines get the full double (shortest round-trip text); the table view rounds.
        case let .number(x): x.isFinite ? NumberText.roundTrip(x) : nil
        case .null: nil
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (a Foundation-free subset).
    func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
