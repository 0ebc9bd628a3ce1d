import ARCharts
import ARCore
import ARStore
import Foundation
import Yams

/// Reads a pack file (`Reports/*.yaml`) into a ``PackDefinition``, every error with its line and column.
///
/// ```swift
/// let pack = try PackLoader.load(path: "Reports/cfo-monthly.yaml")
/// ```
public enum PackLoader {
    static let topKeys = ["title", "page", "theme", "owner", "parameters", "recipients", "schedule", "delivery", "pages"]
    /// Parameters the runner computes from `as_of`; a pack cannot declare them.
    public static let derivedParameters = ["month_ago", "quarter_ago", "year_ago", "week_ago"]

    /// Reads and checks the structure of the pack at `path` (queries are bound by ``PackValidator``).
    /// - Throws: ``PackDiagnostics`` listing every error found.
    public static func load(path: String) throws -> PackDefinition {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PackDiagnostics([PackDiagnostic(file: path, at: PackLocation(line: 1, column: 1),
                                                  "cannot read the pack file '\(path)'", help: "check the path")])
        }
        return try parse(text, file: path)
    }

    /// Reads a pack from its text; `file` names it in errors and gives the pack its name.
    public static func parse(_ text: String, file: String) throws(PackDiagnostics) -> PackDefinition {
        var collector = DiagnosticCollector()
        let root: PackNode
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PackDiagnostics([PackDiagnostic(file: file, at: PackLocation(line: 1, column: 1), "expected a pack definition, found an empty file")])
            }
            root = PackNode(node: node, file: file, source: SourceText(text))
        } catch let error as PackDiagnostics {
            throw error
        } catch {
            throw PackDiagnostics([yamlError(error, file: file)])
        }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var pack = PackDefinition(name: name, file: file, title: name, page: .a4Landscape, theme: .light, owner: nil, parameters: [],
                                  recipients: [], schedule: nil, delivery: DeliverySettings(), pages: [])
        do {
            let fields = try root.fields(allowed: topKeys)
            collector.run { () throws(PackDiagnostic) in pack.title = try fields.required("title", what: "the pack's title").text(what: "a title") }
            collector.run { () throws(PackDiagnostic) in if let node = fields["page"] { pack.page = try page(node) } }
            collector.run { () throws(PackDiagnostic) in
                if let node = fields["theme"] { pack.theme = Theme(rawValue: try node.choice(Theme.allCases.map(\.rawValue), what: "a theme"))! }
            }
            collector.run { () throws(PackDiagnostic) in pack.owner = try fields["owner"]?.text(what: "an e-mail address") }
            collector.run { () throws(PackDiagnostic) in if let node = fields["parameters"] { pack.parameters = try parameters(node) } }
            collector.run { () throws(PackDiagnostic) in if let node = fields["schedule"] { pack.schedule = try schedule(node) } }
            collector.run { () throws(PackDiagnostic) in if let node = fields["delivery"] { pack.delivery = try delivery(node) } }
            collector.run { () throws(PackDiagnostic) in
                pack.recipients = try recipients(fields.required("recipients", what: "who receives the pack"), declared: pack.parameters)
            }
            do {
                let pagesNode = try fields.required("pages", what: "the pages of the pack")
                pack.pages = PageLoader.pages(pagesNode, collector: &collector)
            } catch {
                collector.add(error)
            }
        } catch {
            collector.add(error)
        }
        if let error = collector.failure { throw error }
        return pack
    }

    static func yamlError(_ error: any Error, file: String) -> PackDiagnostic {
        if let yaml = error as? YamlError {
            switch yaml {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                return PackDiagnostic(file: file, at: PackLocation(line: mark.line, column: mark.column), "this is not valid YAML: \(problem)")
            default: break
            }
        }
        return PackDiagnostic(file: file, at: PackLocation(line: 1, column: 1), "this is not valid YAML: \(error)")
    }

    static func page(_ node: PackNode) throws(PackDiagnostic) -> Page {
        let words = try node.string().lowercased().split(separator: " ").map(String.init)
        let sizes = ["a4": (Page.a4Portrait, Page.a4Landscape), "letter": (Page.letterPortrait, Page.letterLandscape)]
        guard let first = words.first, let size = sizes[first], words.count <= 2,
              words.count == 1 || ["portrait", "landscape"].contains(words[1]) else {
            throw node.error("expected a page such as 'A4 landscape' or 'Letter portrait', found '\(try node.string())'")
        }
        return words.count == 2 && words[1] == "portrait" ? size.0 : size.1
    }

    static func parameters(_ node: PackNode) throws(PackDiagnostic) -> [PackParameter] {
        var declared: [PackParameter] = []
        for (key, value) in try node.stringPairs() {
            let name = try key.string()
            guard !derivedParameters.contains(name) else {
                throw key.error("parameter '\(name)' is computed from 'as_of' and cannot be declared",
                                help: "use '$\(name)' in queries without declaring it")
            }
            let text = try value.string()
            if name == "as_of", text != "latest", Day(iso: text) == nil {
                throw value.error("expected 'latest' or a YYYY-MM-DD date for 'as_of', found '\(text)'")
            }
            declared.append(PackParameter(name: name, defaultValue: text, location: key.location))
        }
        return declared
    }

    static func recipients(_ node: PackNode, declared: [PackParameter]) throws(PackDiagnostic) -> [PackRecipient] {
        var recipients: [PackRecipient] = []
        for item in try node.list() {
            let fields = try item.fields(allowed: ["name", "email", "parameters", "perimeter"])
            let nameNode = try fields.required("name", what: "a short name such as 'cfo'")
            let name = try nameNode.text(what: "a name")
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw nameNode.error("expected a name of letters, digits, '-' and '_', found '\(name)'", help: "it names the recipient's folder")
            }
            guard !recipients.contains(where: { $0.name == name }) else { throw nameNode.error("recipient '\(name)' is listed twice") }
            var parameters: [String: String] = [:]
            for (key, value) in try fields["parameters"]?.stringPairs() ?? [] {
                let parameter = try key.string()
                guard declared.contains(where: { $0.name == parameter }) else {
                    throw key.error("expected a parameter declared under 'parameters', found '\(parameter)'",
                                    help: EditDistance.closest(to: parameter, among: declared.map(\.name)).map { "did you mean '\($0)'?" }
                                        ?? "declare it with a default under the pack's 'parameters'")
                }
                parameters[parameter] = try value.string()
            }
            var allowed: [String: Set<String>] = [:]
            for (key, value) in try fields["perimeter"]?.stringPairs() ?? [] {
                var values = Set<String>()
                for element in try value.list() { values.insert(try element.text(what: "a value")) }
                allowed[try key.string()] = values
            }
            recipients.append(PackRecipient(name: name, email: try fields["email"]?.text(what: "an e-mail address"),
                                            parameters: parameters, perimeter: Perimeter(allowed), location: item.location))
        }
        guard !recipients.isEmpty else { throw node.error("expected at least one recipient, found none") }
        return recipients
    }
}

/// Gathers the errors of independent parts of a file, so that one run reports them all.
struct DiagnosticCollector {
    private(set) var diagnostics: [PackDiagnostic] = []

    mutating func add(_ diagnostic: PackDiagnostic) { diagnostics.append(diagnostic) }

    mutating func run(_ body: () throws(PackDiagnostic) -> Void) {
        do { try body() } catch { diagnostics.append(error) }
    }

    var failure: PackDiagnostics? { diagnostics.isEmpty ? nil : PackDiagnostics(diagnostics) }
}
