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
    /// with a missing value is false, except `!=`, which is true (`segment != 'SMB'` keeps
    /// customers without a segment).
    func condition(_ p: ItemPredicate) throws(SQLCompileError) -> String {
        switch p {
        case let .compare(field, op, value):
            let (lhs, rhs) = try operands(field, value)
            if op == .ne { return "(\(lhs) IS NOT \(rhs))" }
            return "COALESCE(\(lhs) \(op.rawValue) \(rhs), 0)"
        case let .isIn(field, values):
            guard let first = values.first else { return "0" }
            let lhs = try operands(field, first).0
            var literals: [String] = []
            for value in values { literals.append(try operands(field, value).1) }
            return "COALESCE(\(lhs) IN (\(literals.joined(separator: ", "))), 0)"
        case .disputed: return "(disputed = 1)"
        case let .and(a, b): return "(\(try condition(a)) AND \(try condition(b)))"
        case let .or(a, b): return "(\(try condition(a)) OR \(try condition(b)))"
        case let .not(a): return "(NOT \(try condition(a)))"
        }
    }

    /// The column and the literal of a comparison, checking that their kinds agree.
    private func operands(_ field: ItemField, _ value: PredicateValue) throws(SQLCompileError) -> (String, String) {
        switch field {
        case let .dimension(d): return (column(of: d), try textLiteral(field, value))
        case .id: return ("id", try textLiteral(field, value))
        case .dpd: return ("dpd", try integerLiteral(field, value))
        case .age: return ("age", try integerLiteral(field, value))
        case .open: return ("open_rep", try integerLiteral(field, value))
        case .amount: return ("amount_rep", try integerLiteral(field, value))
        case .issueDate: return ("issue", try dayLiteral(field, value))
        case .dueDate: return ("due", try dayLiteral(field, value))
        }
    }

    private func textLiteral(_ field: ItemField, _ value: PredicateValue) throws(SQLCompileError) -> String {
        switch value {
        case let .string(s): return dialect.literal(s)
        case let .integer(n): return dialect.literal(String(n))
        case let .day(d): return dialect.literal(d.iso)
        }
    }

    private func integerLiteral(_ field: ItemField, _ value: PredicateValue) throws(SQLCompileError) -> String {
        guard case let .integer(n) = value else {
            throw SQLCompileError("'\(field)' compares with a number, not \(value)")
        }
        return String(n)
    }

    private func dayLiteral(_ field: ItemField, _ value: PredicateValue) throws(SQLCompileError) -> String {
        switch value {
        case let .day(d): return String(d.rawValue)
        case let .string(s):
            guard let d = Day(iso: s) else { throw SQLCompileError("'\(field)' compares with a YYYY-MM-DD date, not '\(s)'") }
            return String(d.rawValue)
        case .integer: throw SQLCompileError("'\(field)' compares with a YYYY-MM-DD date, not \(value)")
        }
    }
}
