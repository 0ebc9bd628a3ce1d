/// The part of a ledger a user may see: allowed values per field (entities, customer groups,
/// regions, …). An empty perimeter allows everything.
///
/// A perimeter is applied to the data, not to the query text: ``Ledger/restricted(to:)`` builds
/// the ledger an extraction of those rows alone would give, and every figure, list of values and
/// SQL text is computed from it. A query can therefore name anything (`where entity = "US01"`,
/// `by customer`) without ever reaching a row outside the perimeter.
///
/// ```swift
/// let france = Perimeter(["entity": ["FR01"]])
/// let restricted = try ledger.restricted(to: france)
/// ```
public struct Perimeter: Hashable, Sendable, CustomStringConvertible {
    /// Allowed values by field name (`entity`, `customer`, `customer_group`, `segment`, `region`,
    /// `country`, `sales_rep`, `currency`, or an extra column of the customers or invoices file).
    public private(set) var allowed: [String: Set<String>]

    /// Everything.
    public static let everything = Perimeter([:])

    public init(_ allowed: [String: Set<String>]) {
        self.allowed = allowed
    }

    /// Whether the perimeter allows every row.
    public var isEverything: Bool { allowed.isEmpty }

    /// The perimeter that allows only what both allow.
    public func intersected(with other: Perimeter) -> Perimeter {
        var merged = allowed
        for (field, values) in other.allowed {
            merged[field] = merged[field].map { $0.intersection(values) } ?? values
        }
        return Perimeter(merged)
    }

    /// `entity FR01, UK01 · region EMEA`, fields and values sorted; `all data` when unrestricted.
    public var description: String {
        guard !allowed.isEmpty else { return "all data" }
        return allowed.keys.sorted().map { field in
            "\(field) " + allowed[field]!.sorted().joined(separator: ", ")
        }.joined(separator: " · ")
    }

    /// The fields a perimeter can name besides the extra columns of a snapshot.
    public static let builtInFields = ["entity", "customer", "customer_group", "segment", "region", "country",
                                       "sales_rep", "currency"]
}

/// Why a perimeter cannot be applied to a ledger.
public struct PerimeterError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String

    public init(field: String) {
        self.field = field
    }

    public var description: String {
        "unknown perimeter field '\(field)': use one of \(Perimeter.builtInFields.joined(separator: ", ")) or an extra column of the customers or invoices file"
    }
}
