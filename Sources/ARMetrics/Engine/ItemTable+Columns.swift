import ARCore

extension ItemTable {
    /// A cell of an item table, typed for sorting and printing.
    public enum Cell: Sendable, Equatable, Comparable {
        case text(String?)
        case day(Day)
        case integer(Int64)
        case flag(Bool)

        /// Missing text sorts last; cells of different kinds never meet in one column.
        public static func < (a: Cell, b: Cell) -> Bool {
            switch (a, b) {
            case let (.text(x), .text(y)):
                switch (x, y) {
                case let (x?, y?): x < y
                case (.some, nil): true
                default: false
                }
            case let (.day(x), .day(y)): x < y
            case let (.integer(x), .integer(y)): x < y
            case let (.flag(x), .flag(y)): !x && y
            default: false
            }
        }
    }

    /// Column names in ARQL, in display order.
    public static let columnNames = ["id", "type", "entity", "customer", "customer_name", "currency", "issue_date", "due_date",
                                     "dpd", "bucket", "amount", "open", "open_reporting", "disputed"]

    /// The cell of item `k` in `column` (one of ``columnNames``); `nil` for an unknown column.
    public func cell(_ k: Int, _ column: String) -> Cell? {
        switch column {
        case "id": .text(ids[k])
        case "type": .text(types[k])
        case "entity": .text(entities[k])
        case "customer": .text(customers[k])
        case "customer_name": .text(customerNames[k])
        case "currency": .text(currencies[k])
        case "issue_date": .day(issueDates[k])
        case "due_date": .day(dueDates[k])
        case "dpd": .integer(Int64(daysPastDue[k]))
        case "bucket": .text(buckets[k])
        case "amount": .integer(amounts[k])
        case "open": .integer(open[k])
        case "open_reporting": .integer(openReporting[k])
        case "disputed": .flag(disputed[k])
        default: nil
        }
    }

    /// Item `k`'s `column` as text: money as a plain decimal in its currency (`1234.50`),
    /// dates in ISO form, missing values empty.
    public func text(_ k: Int, _ column: String) -> String? {
        switch column {
        case "amount", "open":
            return MinorUnits.format(column == "amount" ? amounts[k] : open[k], digits: Currency(code: currencies[k])?.minorDigits ?? 2)
        case "open_reporting":
            return MinorUnits.format(openReporting[k], digits: reportingCurrency.minorDigits)
        default:
            switch cell(k, column) {
            case let .text(s)?: return s ?? ""
            case let .day(d)?: return d.iso
            case let .integer(n)?: return String(n)
            case let .flag(b)?: return b ? "true" : "false"
            case nil: return nil
            }
        }
    }

    /// Item indexes ordered by `column` (stable: ties keep document order); `nil` for an unknown column.
    public func order(by column: String, descending: Bool = false) -> [Int]? {
        guard Self.columnNames.contains(column) else { return nil }
        let cells = (0..<count).map { cell($0, column)! }
        return (0..<count).sorted { a, b in
            if cells[a] == cells[b] { return a < b }
            return descending ? cells[b] < cells[a] : cells[a] < cells[b]
        }
    }
}
