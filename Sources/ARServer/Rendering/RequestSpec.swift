import ARCore
import ARCharts
import ARQuery
import Foundation

/// The ARQL text of a request and the values of its `$parameters`.
struct QuerySpec: Sendable {
    var text: String
    var parameters: [String: String]

    /// Checks the text's size and characters, and that every parameter given is used.
    func validated(limits: ServerLimits, what: String = "the query") throws -> QuerySpec {
        guard text.utf8.count <= limits.maxQueryBytes else {
            throw APIError(.contentTooLarge, .tooLarge, "\(what) is \(text.utf8.count) bytes; at most \(limits.maxQueryBytes) are accepted",
                           help: "save long queries as files and ask for them by name (GET /v1/queries)")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError(.badRequest, .missingQuery, "\(what) is empty", help: "give ARQL text, e.g. 'ar by entity'")
        }
        try TextCheck.checkNoNUL(text, what: what)
        let used = ARQLNormalizer.parameters(in: text)
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            try TextCheck.checkNoNUL(value, what: "parameter '\(name)'")
            guard used.contains(name) else {
                let near = EditDistance.closest(to: name, among: used)
                throw APIError(.badRequest, .unknownParameter, "unknown parameter '\(name)': \(what) uses "
                               + (used.isEmpty ? "no parameters" : used.map { "'$\($0)'" }.joined(separator: ", ")),
                               help: near.map { "did you mean '\($0)'?" } ?? "remove '\(name)' from the request")
            }
        }
        return self
    }
}

/// How a chart is drawn: format, size, density, theme and title.
struct RenderOptions: Sendable {
    var format: OutputFormat = .png
    var width: Double = 900
    var height: Double = 520
    var scale: Double = 1
    var theme: Theme = .light
    var title: String?

    /// The option names a chart request may carry besides the query's parameters.
    static let names: Set<String> = ["format", "width", "height", "scale", "theme", "title"]

    /// The options in a fixed order, for ETags.
    var key: [String] {
        [format.rawValue, "\(width)", "\(height)", "\(scale)", theme.rawValue, title ?? ""]
    }

    var contentType: String {
        switch format {
        case .png: "image/png"
        case .svg: "image/svg+xml"
        case .pdf: "application/pdf"
        }
    }

    /// Sets the option `name` from its text.
    mutating func set(_ name: String, _ value: String) throws {
        switch name {
        case "format":
            guard let f = OutputFormat(rawValue: value) else { throw Self.invalid("format", value, "png, svg or pdf") }
            format = f
        case "width": width = try Self.number("width", value)
        case "height": height = try Self.number("height", value)
        case "scale": scale = try Self.number("scale", value)
        case "theme":
            guard let t = Theme(rawValue: value) else { throw Self.invalid("theme", value, "light or dark") }
            theme = t
        case "title": title = value
        default: throw APIError(.badRequest, .unknownParameter, "unknown option '\(name)'", help: "use format, width, height, scale, theme or title")
        }
    }

    /// Checks the size against `limits` (as `arlens chart` does, plus the pixel cap).
    func validate(limits: ServerLimits) throws {
        guard (100...10_000).contains(width), (100...10_000).contains(height) else {
            throw APIError(.badRequest, .invalidOption, "width and height must be 100 to 10000, found \(width)×\(height)",
                           help: "the default is 900×520")
        }
        guard scale > 0, scale <= 4 else {
            throw APIError(.badRequest, .invalidOption, "scale must be above 0 and at most 4, found \(scale)", help: "use 2 for high-DPI screens")
        }
        let pixels = width * height * scale * scale
        guard pixels <= limits.maxImagePixels else {
            throw APIError(.badRequest, .invalidOption,
                           "the image would be \(Int(pixels)) pixels (width × height × scale²); at most \(Int(limits.maxImagePixels)) are drawn",
                           help: "ask for a smaller width, height or scale")
        }
    }

    private static func number(_ name: String, _ value: String) throws -> Double {
        guard let n = Double(value), n.isFinite else { throw invalid(name, value, "a number") }
        return n
    }

    private static func invalid(_ name: String, _ value: String, _ expected: String) -> APIError {
        APIError(.badRequest, .invalidOption, "\(name) must be \(expected), found '\(value)'", help: "see GET /v1/openapi.json")
    }
}
