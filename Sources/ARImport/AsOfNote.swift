import ARCore
import Foundation

/// An export's own note that states its extraction date, named by a mapping's
/// `snapshot.as_of_from: {file:, key:, date_format:}`: a JSON object or `key=value` lines
/// (`Stichtag=31.03.2026`), as ERP extractions ship one beside their files.
struct AsOfNote: Sendable {
    /// Path relative to the snapshot folder.
    var file: String
    /// The key whose value is the date.
    var key: String
    var dates = DateFormat.iso
    /// Where the mapping names it, for errors (`line 3: 'snapshot.as_of_from': `).
    var origin = ""

    /// The date the note gives.
    /// - Throws: ``ImportError`` when the note is missing, lacks the key or holds no date in the format.
    func read(in folder: URL) throws(ImportError) -> Day {
        let url = folder.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ImportError(file: file, message: origin + "the note file named by 'as_of_from' is missing from \(folder.path): "
                + "add it, or give the date with 'as_of:' or --as-of")
        }
        let text = String(decoding: data, as: UTF8.self)
        let fields = try Self.fields(of: text, file: file)
        guard let value = fields[key] else {
            throw ImportError(file: file, message: "the note has no key \(quoted(key))" + suggestion(key, Array(fields.keys))
                + ": name the key holding the extraction date under 'as_of_from.key'")
        }
        guard let day = dates.parse(ArraySlice(value.utf8)) else {
            throw ImportError(file: file, message: "\(quoted(key)) is \(quoted(value)), not a date in the format \(dates.text): "
                + "set 'as_of_from.date_format'")
        }
        return day
    }

    /// What the report says when no file, mapping or option gave the as-of date.
    static func inferredNotice(_ day: Day) -> String {
        "as-of date NOT GIVEN: inferred as \(day.iso), the latest transaction date (issue, payment, dispute, promise, "
            + "write-off or dunning date); every overdue figure depends on it\nhelp: give the extraction date with "
            + "--as-of YYYY-MM-DD, 'snapshot.as_of' or 'snapshot.as_of_from' in the mapping, or snapshot.json"
    }

    /// The note's keys and values: a JSON object (strings and numbers), or `key=value` lines
    /// (blank lines and lines starting with `#` or `;` skipped, quotes around values dropped).
    static func fields(of text: String, file: String) throws(ImportError) -> [String: String] {
        var fields: [String: String] = [:]
        if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw ImportError(file: file, message: "starts with '{' but is not a JSON object: fix the note or write key=value lines")
            }
            for (key, value) in object {
                if let text = value as? String { fields[key] = text } else if let number = value as? NSNumber { fields[key] = number.stringValue }
            }
            return fields
        }
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix(";"), let eq = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            fields[key] = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        return fields
    }
}

/// What the command line says about a snapshot, winning over the mapping and the snapshot's own
/// settings (`arlens import --as-of 2026-03-31 --reporting-currency EUR`).
public struct ImportOptions: Sendable {
    public var asOf: Day?
    public var reportingCurrency: Currency?

    public init(asOf: Day? = nil, reportingCurrency: Currency? = nil) {
        self.asOf = asOf
        self.reportingCurrency = reportingCurrency
    }
}
