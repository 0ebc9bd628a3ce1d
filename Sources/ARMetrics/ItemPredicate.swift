import ARCore

/// A field of an open item (a document or unallocated cash) that a `where` clause can test.
public enum ItemField: Hashable, Sendable, CustomStringConvertible {
    /// A dimension's value (string comparison).
    case dimension(Dimension)
    /// Days past due at the as-of date.
    case dpd
    /// Days since issue at the as-of date.
    case age
    /// Open amount at the as-of date, reporting-currency minor units (negative for credit items).
    case open
    /// Gross amount, reporting-currency minor units at the as-of rate.
    case amount
    case issueDate, dueDate
    /// Document id.
    case id

    public var description: String {
        switch self {
        case let .dimension(d): d.name
        case .dpd: "dpd"
        case .age: "age"
        case .open: "open"
        case .amount: "amount"
        case .issueDate: "issue_date"
        case .dueDate: "due_date"
        case .id: "id"
        }
    }
}

/// A literal a predicate compares with. Money literals are in reporting-currency minor units.
public enum PredicateValue: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    case day(Day)
}

public enum ComparisonOperator: String, Hashable, Sendable { case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }

/// The `where` filter of a query, evaluated on each item at the as-of date.
///
/// For flow metrics (sales, write-offs, days to pay, disputes, promises) the filter selects the
/// documents (or customers) the flows belong to, with state fields (`dpd`, `open`, `disputed`)
/// evaluated at the as-of date.
public indirect enum ItemPredicate: Hashable, Sendable {
    case compare(ItemField, ComparisonOperator, PredicateValue)
    case isIn(ItemField, [PredicateValue])
    /// Has a dispute opened on or before the as-of date and not resolved by then.
    case disputed
    case and(ItemPredicate, ItemPredicate)
    case or(ItemPredicate, ItemPredicate)
    case not(ItemPredicate)
}
