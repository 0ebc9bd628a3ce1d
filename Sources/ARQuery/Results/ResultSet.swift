import ARCore
import ARMetrics

/// A result ready to print: named, typed columns and rows of values. Metric tables (and, once the
/// engine provides them, item tables) convert into it, and ``ResultFormatter`` prints it.
public struct ResultSet: Sendable, Equatable {
    public struct Column: Sendable, Hashable {
        public var name: String
        public var type: ResultType
        public init(name: String, type: ResultType) {
            self.name = name
            self.type = type
        }
    }

    public var columns: [Column]
    public var rows: [[ResultValue]]
    /// The currency of ``ResultValue/money`` values.
    public var currency: Currency
    /// The snapshots and perimeter behind the figures, and warnings about them.
    public var context: ResultContext

    public init(columns: [Column], rows: [[ResultValue]], currency: Currency, context: ResultContext = ResultContext()) {
        self.columns = columns
        self.rows = rows
        self.currency = currency
        self.context = context
    }
}

/// What a column holds, and so how it is printed.
public enum ResultType: String, Sendable, Hashable {
    case string, date
    /// Minor units of the result's currency.
    case money
    /// A fraction (0.25 is 25 %).
    case ratio
    case days
    /// A percentage (CEI 87.5).
    case percent
    case count
    /// A change of a ratio or percentage in percentage points (3.4 is +3.4 pp).
    case points
}

/// One cell.
public enum ResultValue: Sendable, Hashable {
    case string(String)
    case date(Day)
    /// Minor units of the result's currency.
    case money(Int64)
    /// A ratio, a number of days or a percentage.
    case number(Double)
    case integer(Int64)
    /// No value: a `(none)` key or an undefined metric.
    case null
}

extension ResultSet {
    /// The table as a result set: the date first in a series, then the dimensions, then one column
    /// per metric column (aging already expanded in bucket order by the engine).
    public init(_ table: MetricTable) {
        var columns: [Column] = []
        if table.isSeries { columns.append(Column(name: "date", type: .date)) }
        columns += table.dimensions.map { Column(name: $0.name, type: .string) }
        columns += table.columns.map { Column(name: $0.name, type: ResultType($0.kind)) }
        let rows = table.rows.map { row -> [ResultValue] in
            var cells: [ResultValue] = table.isSeries ? [.date(row.date)] : []
            cells += row.keys.map { $0.map(ResultValue.string) ?? .null }
            cells += row.values.map(ResultValue.init)
            return cells
        }
        self.init(columns: columns, rows: rows, currency: table.currency)
    }
}

extension ResultType {
    init(_ kind: MetricValueKind) {
        self = switch kind {
        case .money: .money
        case .ratio: .ratio
        case .days: .days
        case .percent: .percent
        case .count: .count
        }
    }
}

extension ResultValue {
    init(_ value: MetricValue) {
        self = switch value {
        case let .money(m): .money(m)
        case let .ratio(x), let .days(x), let .percent(x): x.isFinite ? .number(x) : .null
        case let .count(n): .integer(Int64(n))
        case .missing: .null
        }
    }
}
