import ARCore
import ARQuery
import Foundation
import Hummingbird

/// A request's JSON object body, checked strictly: size, UTF-8, an object, known members only.
struct JSONBody {
    let members: [String: Any]

    init(_ request: Request, context: ServerRequestContext, allowed: Set<String>) async throws {
        let buffer = try await request.body.collect(upTo: context.maxBody)
        let bytes = Array(buffer.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw APIError(.badRequest, .invalidText, "the request body is not valid UTF-8", help: "send JSON encoded as UTF-8")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw APIError(.badRequest, .malformedBody, "the request body is not valid JSON (\(bytes.count) bytes)",
                           help: "send an object such as {\"query\": \"ar by entity\"} with 'Content-Type: application/json'")
        }
        guard let members = object as? [String: Any] else {
            throw APIError(.badRequest, .malformedBody, "the request body must be a JSON object", help: "send {\"query\": \"ar by entity\"}")
        }
        for name in members.keys.sorted() where !allowed.contains(name) {
            let near = EditDistance.closest(to: name, among: allowed.sorted())
            throw APIError(.badRequest, .unknownParameter, "unknown member '\(name)' in the request body",
                           help: near.map { "did you mean '\($0)'?" } ?? "use " + allowed.sorted().map { "'\($0)'" }.joined(separator: ", "))
        }
        self.members = members
    }

    /// A string member (numbers and booleans are written as text, as in a URL).
    func string(_ name: String) throws -> String? {
        guard let value = members[name], !(value is NSNull) else { return nil }
        if let text = value as? String { return text }
        if let number = value as? NSNumber { return number.stringValue }
        throw APIError(.badRequest, .malformedBody, "'\(name)' must be a string or a number", help: "see GET /v1/openapi.json")
    }

    /// The `params` object: parameter names to values.
    func parameters() throws -> [String: String] {
        guard let value = members["params"], !(value is NSNull) else { return [:] }
        guard let object = value as? [String: Any] else {
            throw APIError(.badRequest, .malformedBody, "'params' must be an object of names and values", help: "e.g. {\"entity\": \"FR01\"}")
        }
        return try object.mapValues { value in
            if let text = value as? String { return text }
            if let number = value as? NSNumber { return number.stringValue }
            throw APIError(.badRequest, .malformedBody, "each value of 'params' must be a string or a number", help: "e.g. {\"entity\": \"FR01\"}")
        }
    }
}
