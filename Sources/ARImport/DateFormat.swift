import ARCore

/// How a source writes its dates: a pattern of `yyyy`, `mm`/`m`, `dd`/`d` and separators
/// (`yyyy-mm-dd`, `dd/mm/yyyy`, `m/d/yyyy`, `yyyymmdd`, `dd.mm.yyyy` …), or Excel serial numbers.
///
/// A component followed by a separator takes one digit or more (up to 2 for day and month, 4 for
/// the year), so `m/d/yyyy` reads both `1/2/2013` and `01/02/2013`; components written back to
/// back (`yyyymmdd`) take exactly their width. A time after the date (`2020-02-27 00:00:00`,
/// `2020-02-27T10:00`) is ignored.
struct DateFormat: Sendable, Equatable {
    enum Component: Sendable, Equatable { case year, month, day }
    struct Part: Sendable, Equatable {
        var component: Component
        var maxWidth: Int
        var fixedWidth: Bool
        /// The separator byte expected after this part; `nil` when another part or the end follows.
        var separator: UInt8?
    }

    /// `nil` for Excel serial day numbers.
    let parts: [Part]?
    let text: String

    static let iso = DateFormat(pattern: "yyyy-mm-dd")!
    static let excel = DateFormat(parts: nil, text: "excel")

    private init(parts: [Part]?, text: String) {
        self.parts = parts
        self.text = text
    }

    /// Parses a pattern; `nil` when it is not made of `y`, `m`, `d` runs and one-byte separators.
    init?(pattern: String) {
        let lower = pattern.lowercased()
        if lower == "excel" || lower == "excel_serial" { self = .excel; return }
        if lower == "iso" { self = .iso; return }
        var parts: [Part] = []
        var bytes = Array(lower.utf8)[...]
        while let first = bytes.first {
            let run = bytes.prefix { $0 == first }
            bytes = bytes.dropFirst(run.count)
            let component: Component
            switch first {
            case UInt8(ascii: "y"): component = .year
            case UInt8(ascii: "m"): component = .month
            case UInt8(ascii: "d"): component = .day
            default:
                guard run.count == 1, !parts.isEmpty, parts[parts.count - 1].separator == nil else { return nil }
                parts[parts.count - 1].separator = first
                continue
            }
            // Two-digit years are ambiguous: only `yyyy` is accepted.
            guard component == .year ? run.count == 4 : run.count <= 2 else { return nil }
            if !parts.isEmpty, parts[parts.count - 1].separator == nil { parts[parts.count - 1].fixedWidth = true }
            parts.append(Part(component: component, maxWidth: component == .year ? 4 : run.count == 1 ? 2 : run.count,
                              fixedWidth: false, separator: nil))
        }
        let components = parts.map(\.component)
        guard components.count == 3, Set(components.map { "\($0)" }).count == 3 else { return nil }
        // The last part is fixed-width when the one before it is (yyyymmdd).
        if parts.count >= 2, parts[parts.count - 2].fixedWidth { parts[parts.count - 1].fixedWidth = true }
        for k in parts.indices where parts[k].fixedWidth && parts[k].component == .year { parts[k].maxWidth = 4 }
        self.parts = parts
        self.text = pattern
    }

    /// The day written in `field`, or `nil` when it does not match the format or does not exist.
    func parse(_ field: ArraySlice<UInt8>) -> Day? {
        guard let parts else { return parseExcel(field) }
        var i = field.startIndex
        var values = (year: 0, month: 0, day: 0)
        for part in parts {
            var value = 0, width = 0
            while i < field.endIndex, width < part.maxWidth, field[i] >= 48, field[i] <= 57 {
                value = value * 10 + Int(field[i] - 48)
                width += 1
                i += 1
            }
            guard width > 0, !part.fixedWidth || width == part.maxWidth else { return nil }
            if part.component == .year, width != 4 { return nil }
            switch part.component {
            case .year: values.year = value
            case .month: values.month = value
            case .day: values.day = value
            }
            if let separator = part.separator {
                guard i < field.endIndex, field[i] == separator else { return nil }
                i += 1
            }
        }
        if i < field.endIndex, field[i] != UInt8(ascii: " "), field[i] != UInt8(ascii: "T") { return nil }
        return Day(year: values.year, month: values.month, day: values.day)
    }

    /// Excel's serial day: 1 is 1900-01-01, counted from 1899-12-30 because of Excel's phantom
    /// 1900-02-29, so serials from 61 (1900-03-01) on are exact. A fraction (a time) is ignored;
    /// serials after 9999-12-31 (2,958,465) are refused.
    private func parseExcel(_ field: ArraySlice<UInt8>) -> Day? {
        var value = 0, digits = 0
        var i = field.startIndex
        while i < field.endIndex, field[i] >= 48, field[i] <= 57, digits < 7 {
            value = value * 10 + Int(field[i] - 48)
            digits += 1
            i += 1
        }
        guard digits > 0, value >= 61 else { return nil }
        if i < field.endIndex {
            guard field[i] == UInt8(ascii: ".") else { return nil }
            guard field[(i + 1)...].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        }
        let day = Day(rawValue: Int32(value - 25_569))
        return day.isSupported ? day : nil
    }
}
