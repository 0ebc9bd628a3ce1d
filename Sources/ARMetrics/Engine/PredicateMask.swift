import ARCore
import ARStore

/// What a `where` filter can be evaluated on: columns of some rows, each field given as a whole
/// column so that a predicate is evaluated leaf by leaf, column-wise.
protocol PredicateSubject {
    var count: Int { get }
    /// Values and per-row codes of a dimension; `nil` when the rows have none.
    func dimensionColumn(_ dimension: Dimension) throws(MetricError) -> (values: [String], codes: [Int32])?
    /// A numeric field (`dpd`, `age`, `open`, `amount`; dates as raw days); `nil` entries are unknown.
    func integerColumn(_ field: ItemField) throws(MetricError) -> [Int64?]?
    func idColumn() -> [String]?
    func disputedColumn() -> [Bool]?
    /// `test` of each row's value of a field known for every row (`dpd`, `age`, dates as raw
    /// days), without an optional column in between; `nil` when the subject has no such column.
    func integerFlags(_ field: ItemField, _ test: (Int64) -> Bool) -> [Bool]?
}

extension PredicateSubject {
    func integerFlags(_ field: ItemField, _ test: (Int64) -> Bool) -> [Bool]? { nil }
}

/// Evaluates an ``ItemPredicate`` into one flag per row. A comparison with an unknown value,
/// or with a literal of another type, is false. `stop` is polled before each node (a pass over
/// the rows).
enum PredicateMask {
    static func evaluate(_ p: ItemPredicate, on s: some PredicateSubject, stop: CancellationToken) throws(MetricError) -> [Bool] {
        try stop.checkpoint()
        switch p {
        case let .compare(field, op, value):
            if let flags = typedCompare(field, op, value, on: s) { return flags }
            return try leaf(field, on: s) { op.holds(compare($0, value)) }
        case let .isIn(field, values):
            return try leaf(field, on: s) { probe in values.contains { compare(probe, $0) == 0 } }
        case .disputed:
            return s.disputedColumn() ?? [Bool](repeating: false, count: s.count)
        case let .and(a, b):
            let x = try evaluate(a, on: s, stop: stop), y = try evaluate(b, on: s, stop: stop)
            return zip(x, y).map { $0 && $1 }
        case let .or(a, b):
            let x = try evaluate(a, on: s, stop: stop), y = try evaluate(b, on: s, stop: stop)
            return zip(x, y).map { $0 || $1 }
        case let .not(a):
            return try evaluate(a, on: s, stop: stop).map { !$0 }
        }
    }

    /// `dpd`/`age` against an integer or a date field against a date, as `compare` would, on
    /// plain integers; `nil` for other fields or literal types.
    private static func typedCompare(_ field: ItemField, _ op: ComparisonOperator, _ value: PredicateValue,
                                     on s: some PredicateSubject) -> [Bool]? {
        let literal: Int64
        switch (field, value) {
        case let (.dpd, .integer(v)), let (.age, .integer(v)): literal = v
        case let (.issueDate, .day(v)), let (.dueDate, .day(v)): literal = Int64(v.rawValue)
        default: return nil
        }
        switch op {
        case .eq: return s.integerFlags(field) { $0 == literal }
        case .ne: return s.integerFlags(field) { $0 != literal }
        case .lt: return s.integerFlags(field) { $0 < literal }
        case .le: return s.integerFlags(field) { $0 <= literal }
        case .gt: return s.integerFlags(field) { $0 > literal }
        case .ge: return s.integerFlags(field) { $0 >= literal }
        }
    }

    /// A probe value of a row, compared with a literal: `nil` when the types differ.
    enum Probe { case string(String), integer(Int64), day(Int32) }

    private static func compare(_ probe: Probe, _ literal: PredicateValue) -> Int? {
        switch (probe, literal) {
        case let (.string(a), .string(b)): a < b ? -1 : (a == b ? 0 : 1)
        case let (.string(a), .integer(b)): a < String(b) ? -1 : (a == String(b) ? 0 : 1)
        case let (.integer(a), .integer(b)): a < b ? -1 : (a == b ? 0 : 1)
        case let (.day(a), .day(b)): a < b.rawValue ? -1 : (a == b.rawValue ? 0 : 1)
        default: nil
        }
    }

    /// One flag per row: `test` of the row's field value, false where the value is unknown.
    private static func leaf(_ field: ItemField, on s: some PredicateSubject, _ test: (Probe) -> Bool) throws(MetricError) -> [Bool] {
        let none = [Bool](repeating: false, count: s.count)
        switch field {
        case let .dimension(d):
            guard let (values, codes) = try s.dimensionColumn(d) else { return none }
            let truth = values.map { test(.string($0)) }
            return codes.map { $0 >= 0 && truth[Int($0)] }
        case .id:
            guard let ids = s.idColumn() else { return none }
            return ids.map { test(.string($0)) }
        case .issueDate, .dueDate:
            guard let days = try s.integerColumn(field) else { return none }
            return days.map { $0.map { test(.day(Int32($0))) } ?? false }
        case .dpd, .age, .open, .amount:
            guard let numbers = try s.integerColumn(field) else { return none }
            return numbers.map { $0.map { test(.integer($0)) } ?? false }
        }
    }
}

extension ComparisonOperator {
    /// Whether the operator holds for a three-way comparison result (`nil`: incomparable).
    func holds(_ c: Int?) -> Bool {
        guard let c else { return false }
        switch self {
        case .eq: return c == 0
        case .ne: return c != 0
        case .lt: return c < 0
        case .le: return c <= 0
        case .gt: return c > 0
        case .ge: return c >= 0
        }
    }
}
