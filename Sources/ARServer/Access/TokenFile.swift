import ARStore
import Crypto
import Foundation
import Yams

/// The access tokens of a server, read from a YAML file that stores only their SHA-256 hashes:
///
/// ```yaml
/// tokens:
///   - name: controller-fr          # shown in logs and errors
///     sha256: 9f86d081884c7d65…     # printf %s "$TOKEN" | sha256sum
///     role: viewer                  # viewer | analyst | admin
///     entities: [FR01]              # optional: the entities it may see
///     scope: {region: [EMEA]}       # optional: any other perimeter field
/// ```
public struct TokenFile: Sendable {
    /// Principals by the lower-case hex SHA-256 of their token.
    let principals: [String: Principal]

    public init(principals: [String: Principal]) {
        self.principals = principals
    }

    /// The principal a presented token belongs to, if any.
    public func principal(for token: String) -> Principal? {
        principals[Self.hash(token)]
    }

    /// The lower-case hex SHA-256 of `token`, as the file stores it.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).hexString
    }

    /// Reads and checks a token file.
    /// - Throws: ``TokenFileError`` naming the entry and what is wrong with it.
    public static func load(path: String) throws -> TokenFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TokenFileError(path: path, message: "cannot be read", help: "check the path given to --tokens")
        }
        let document: TokenDocument
        do {
            document = try YAMLDecoder().decode(TokenDocument.self, from: text)
        } catch {
            throw TokenFileError(path: path, message: "is not a token file: \(error)",
                                 help: "expected 'tokens:' with entries of name, sha256, role and optional entities (docs/server.md)")
        }
        var principals: [String: Principal] = [:]
        for (k, entry) in document.tokens.enumerated() {
            let (hash, principal) = try entry.principal(path: path, index: k)
            guard principals.updateValue(principal, forKey: hash) == nil else {
                throw TokenFileError(path: path, message: "token '\(entry.name)' has the same hash as another entry",
                                     help: "give each token its own secret")
            }
        }
        return TokenFile(principals: principals)
    }
}

/// The YAML layout of a token file.
struct TokenDocument: Decodable {
    struct Entry: Decodable {
        var name: String
        var sha256: String
        var role: String
        var entities: [String]?
        var scope: [String: [String]]?

        func principal(path: String, index: Int) throws -> (String, Principal) {
            let hash = sha256.lowercased()
            guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else {
                throw TokenFileError(path: path, message: "token '\(name)' (entry \(index + 1)): sha256 must be 64 hex digits, found '\(sha256)'",
                                     help: "store the hash, never the token: printf %s \"$TOKEN\" | sha256sum")
            }
            guard let role = Role(rawValue: role) else {
                throw TokenFileError(path: path, message: "token '\(name)' (entry \(index + 1)): unknown role '\(role)'",
                                     help: "use viewer, analyst or admin")
            }
            var allowed = (scope ?? [:]).mapValues(Set.init)
            if let entities { allowed["entity"] = Set(entities).intersection(allowed["entity"] ?? Set(entities)) }
            if let empty = allowed.first(where: { $0.value.isEmpty }) {
                throw TokenFileError(path: path, message: "token '\(name)' (entry \(index + 1)): scope '\(empty.key)' allows nothing",
                                     help: "list at least one value, or remove the field to allow every value")
            }
            return (hash, Principal(name: name, role: role, perimeter: Perimeter(allowed)))
        }
    }

    var tokens: [Entry]
}

/// A token file that cannot be used.
public struct TokenFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var help: String

    public var description: String { "token file '\(path)' \(message)\nhelp: \(help)" }
}
