import ARCore
import ARMetrics

/// Dimensions and `where` filters as SQL over the columns of `state`.
extension SQLQueryBuilder {
    /// The `state` column holding a dimension's value: its ARQL name; extra columns carry a
    /// `d_` (invoices) or `c_` (customers) prefix so that they never clash with a built-in one.
    func column(of dimension: Dimension) -> String {
        switch dimension {
        case let .documentAttribute(name): dialect.identifier("d_" + name)
        case let .customerAttribute(name): dialect.identifier("c_" + name)
        default: dimension.name
        }
    }

    /// The group-key expressions of a row of `state` aliased `alias`; `overrides` replaces a
    /// dimension's expression (a dispute's own reason, a promise's own currency).
    func keys(_ alias: String, overrides: [Dimension: String] = [:]) -> [String] {
        query.dimensions.map { overrides[$0] ?? "\(alias).\(column(of: $0))" }
    }

    /// Extra columns of invoices and customers that the query's dimensions and filter read,
    /// checked against the snapshot's tables.
    func extraColumns() throws(SQLCompileError) -> (documents: [String], customers: [String]) {
        var dimensions = query.dimensions
        if let filter = query.filter { collectDimensions(filter, into: &dimensions) }
        var documents: [String] = [], customers: [String] = []
        for dimension in dimensions {
            switch dimension {
            case let .documentAttribute(name) where !documents.contains(name):
                guard snapshot.has("invoices", name) else { throw unknownColumn(name, "invoices") }
                documents.append(name)
            case let .customerAttribute(name) where !customers.contains(name):
                guard snapshot.has("customers", name) else { throw unknownColumn(name, "customers") }
                customers.append(name)
            default: break
            }
        }
        return (documents, customers)
    }

    private func unknownColumn(_ name: String, _ table: String) -> SQLCompileError {
        SQLCompileError("unknown column '\(name)' in '\(table)': the snapshot's \(table) table has no such column")
    }

    private func collectDimensions(_ p: ItemPredicate, into out: inout [Dimension]) {
        switch p {
        case let .compare(.dimension(d), _, _), let .isIn(.dimension(d), _): out.append(d)
        case let .and(a, b), let .or(a, b):
            collectDimensions(a, into: &out)
            collectDimensions(b, into: &out)
        case let .not(a): collectDimensions(a, into: &out)
        default: break
        }
    }

    /// The filter as a two-valued SQL condition over unqualified `state` columns. A comparison
    /// with a missing value, or with a literal of another kind (a day with a number), is false, so
    /// `not` of it is true — as in the Swift engine.
    func condition(_ p: ItemPredicate) -> String {
        switch p {
        case let .compare(field, op, value):
            guard let (lhs, rhs) = operands(field, value) else { return "0" }
            return "COALESCE(\(lhs) \(op.rawValue) \(rhs), 0)"
        case let .isIn(field, values):
            let pairs = values.compactMap { operands(field, $0) }
            guard let lhs = pairs.first?.0 else { return "0" }
            return "COALESCE(\(lhs) IN (\(pairs.map(\.1).joined(separator: ", "))), 0)"
        case .disputed: return "COALESCE(disputed = 1, 0)"
        case let .and(a, b): return "(\(condition(a)) AND \(condition(b)))"
        case let .or(a, b): return "(\(condition(a)) OR \(condition(b)))"
        case let .not(a): return "(NOT \(condition(a)))"
        }
    }

    /// The column and the literal of a comparison; `nil` when their kinds cannot be compared.
    /// Text fields compare with text (a number as its decimal text); numbers with numbers; dates with days.
    private func operands(_ field: ItemField, _ value: PredicateValue) -> (String, String)? {
        let column: String
        switch field {
        case let .dimension(d): column = self.column(of: d)
        case .id: column = "id"
        case .dpd: column = "dpd"
        case .age: column = "age"
        case .open: column = filterMoneyColumns.open
        case .amount: column = filterMoneyColumns.amount
        case .issueDate: column = "issue"
        case .dueDate: column = "due"
        }
        switch (field, value) {
        case let (.dimension, .string(s)), let (.id, .string(s)): return (column, dialect.literal(s))
        case let (.dimension, .integer(n)), let (.id, .integer(n)): return (column, dialect.literal(String(n)))
        case let (.dpd, .integer(n)), let (.age, .integer(n)), let (.open, .integer(n)), let (.amount, .integer(n)):
            return (column, String(n))
        case let (.issueDate, .day(d)), let (.dueDate, .day(d)): return (column, String(d.rawValue))
        default: return nil
        }
    }
}
