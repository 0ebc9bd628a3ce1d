import Foundation

/// How a mapping rewrites an identifier column wherever it appears (`normalize:`), so that the
/// same customer exported as `0140104409` and `140104409` is one customer:
///
/// ```yaml
/// normalize:
///   customer_id: [trim, strip_leading_zeros, upper]
///   invoice_id: [{replace: '^INV-', with: ''}]
/// ```
///
/// The steps run in order after `strip_suffix` and `values:`, on every table's column of that name.
struct IdentifierNormalization: Sendable {
    enum Step: Sendable {
        case trim, stripLeadingZeros, upper
        case replace(SendableRegex, template: String)
    }

    /// The interchange columns that hold identifiers and may be normalised.
    static let columns = ["customer_id", "invoice_id", "entity_id", "payment_id", "dispute_id", "promise_id", "action_id"]

    var steps: [Step]

    /// `value` after every step. A value of zeros only keeps one zero.
    func apply(_ value: String) -> String {
        var text = value
        for step in steps {
            switch step {
            case .trim: text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case .upper: text = text.uppercased()
            case .stripLeadingZeros:
                let stripped = text.drop { $0 == "0" }
                text = stripped.isEmpty && !text.isEmpty ? "0" : String(stripped)
            case let .replace(regex, template):
                let range = NSRange(text.startIndex..., in: text)
                text = regex.value.stringByReplacingMatches(in: text, range: range, withTemplate: template)
            }
        }
        return text
    }
}

/// A compiled pattern. `NSRegularExpression` is immutable and documented as safe to share
/// between threads, which the compiler cannot see.
struct SendableRegex: @unchecked Sendable {
    let value: NSRegularExpression
}

/// The distinct values of one normalised column before and after normalisation, over every file:
/// their difference is how many ids the normalisation merged into another.
final class IdentifierTally {
    let column: String
    private var before = Set<String>()
    private var after = Set<String>()

    init(column: String) { self.column = column }

    func see(_ raw: String, _ normalized: String) {
        guard !raw.isEmpty else { return }
        before.insert(raw)
        after.insert(normalized)
    }

    var merged: ImportReport.MergedIDs {
        ImportReport.MergedIDs(column: column, distinctRead: before.count, merged: before.count - after.count)
    }
}

extension MappingFile {
    /// Reads `normalize:`: per identifier column, a list of steps.
    static func readNormalization(_ node: YAMLReader) throws(ImportError) -> [String: IdentifierNormalization] {
        var result: [String: IdentifierNormalization] = [:]
        for (column, list) in try node.entries(allowed: IdentifierNormalization.columns) {
            var steps: [IdentifierNormalization.Step] = []
            for item in try list.items() { steps.append(try readStep(item)) }
            result[column] = IdentifierNormalization(steps: steps)
        }
        return result
    }

    private static func readStep(_ item: YAMLReader) throws(ImportError) -> IdentifierNormalization.Step {
        if item.node.mapping != nil {
            let fields = try item.stringMap(allowedKeys: ["replace", "with"])
            guard let pattern = fields["replace"] else { throw item.fail("needs 'replace:' with a regular expression and 'with:' its replacement") }
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                throw item.fail("\(quoted(pattern)) is not a valid regular expression")
            }
            return .replace(SendableRegex(value: regex), template: fields["with"] ?? "")
        }
        let name = try item.string()
        switch name {
        case "trim": return .trim
        case "strip_leading_zeros": return .stripLeadingZeros
        case "upper", "uppercase": return .upper
        default:
            throw item.fail("unknown step \(quoted(name))" + suggestion(name, ["trim", "strip_leading_zeros", "upper"])
                + " (or {replace: 'regex', with: 'text'})")
        }
    }
}
