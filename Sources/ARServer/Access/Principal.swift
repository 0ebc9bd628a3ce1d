import ARStore

/// What a token may do. Each role includes the ones before it.
public enum Role: String, Sendable, Comparable, CaseIterable, Codable {
    /// Saved queries (every format) and charts.
    case viewer
    /// Any ARQL: results as JSON or CSV, `explain`, charts of any query.
    case analyst
    /// Everything, and `POST /v1/admin/reload` and `/metrics`.
    case admin

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Who is asking: a token's name, its role and the part of the ledger it may see.
public struct Principal: Sendable, Hashable {
    public var name: String
    public var role: Role
    /// Applied inside the engine to every statement (`QueryOptions.perimeter`).
    public var perimeter: Perimeter

    public init(name: String, role: Role, perimeter: Perimeter = .everything) {
        self.name = name
        self.role = role
        self.perimeter = perimeter
    }

    /// A loopback client of a server started without a token file.
    public static let loopback = Principal(name: "loopback", role: .admin)

    /// Throws 403 unless the principal's role is at least `role`.
    func require(_ role: Role, for what: String) throws {
        guard self.role >= role else {
            throw APIError(.forbidden, .forbidden, "token '\(name)' has role '\(self.role.rawValue)'; \(what) needs '\(role.rawValue)'",
                           help: "ask for a token with role '\(role.rawValue)', or use a saved query (GET /v1/queries)")
        }
    }
}
