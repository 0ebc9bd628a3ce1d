import Foundation

/// The saved queries a dashboard can embed by URL: every `*.arql` of a folder, by file name.
public struct SavedQueries: Sendable {
    /// One saved query.
    public struct Query: Sendable, Encodable {
        /// The file name without `.arql`: the URL's `{name}`.
        public var name: String
        /// The file's leading comment lines, joined.
        public var title: String
        public var text: String
        /// The `$parameters` the text uses, with the default a `-- parameters: $x = v` line gives.
        public var parameters: [Parameter]

        public struct Parameter: Sendable, Encodable {
            public var name: String
            public var defaultValue: String?
            enum CodingKeys: String, CodingKey { case name, defaultValue = "default" }
        }

        enum CodingKeys: String, CodingKey { case name, title, parameters, text }

        /// The defaults, overridden by `given`.
        func parameterValues(_ given: [String: String]) -> [String: String] {
            var values: [String: String] = [:]
            for p in parameters { values[p.name] = given[p.name] ?? p.defaultValue }
            return values
        }
    }

    public private(set) var queries: [Query] = []

    public init(queries: [Query] = []) {
        self.queries = queries
    }

    /// Reads every `*.arql` of `directory` (none when it is missing).
    public static func load(directory: String?) -> SavedQueries {
        guard let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return SavedQueries() }
        let queries = files.filter { $0.hasSuffix(".arql") }.sorted().compactMap { file -> Query? in
            guard let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else { return nil }
            return parse(name: String(file.dropLast(5)), text: text)
        }
        return SavedQueries(queries: queries)
    }

    public subscript(name: String) -> Query? { queries.first { $0.name == name } }

    static func parse(name: String, text: String) -> Query {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let comments = lines.prefix { $0.hasPrefix("--") }.map { $0.dropFirst(2).trimmingCharacters(in: .whitespaces) }
        let title = comments.filter { !$0.hasPrefix("parameters:") }.joined(separator: " ")
        var defaults: [String: String] = [:]
        // `.save` in the REPL writes `-- parameters: $entity = FR01, $limit = 10`.
        for line in comments where line.hasPrefix("parameters:") {
            for item in line.dropFirst("parameters:".count).split(separator: ",") {
                let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0].hasPrefix("$") { defaults[String(parts[0].dropFirst())] = parts[1] }
            }
        }
        let parameters = ARQLNormalizer.parameters(in: text).map { Query.Parameter(name: $0, defaultValue: defaults[$0]) }
        return Query(name: name, title: title.isEmpty ? name : title, text: text, parameters: parameters)
    }
}
