import ARCore
import ARMetrics
import ARQuery
import Foundation

/// Reads a scoring model from YAML and checks it against a catalog: every criterion's metric
/// must bind (known metric, valid arguments, one value), bands must not overlap and must cover
/// every figure, weights and points must be numbers; each error names the file, line and column.
public struct ScoringModelLoader {
    public let catalog: Catalog

    /// - Parameter catalog: the snapshot's catalog with the provided metrics (``RiskMetrics``).
    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The model in the file at `path`.
    public func load(path: String) throws -> ScoringModel {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigError(file: path, line: 1, column: 1, "cannot read the scoring model: \(error.localizedDescription)",
                              help: "give the path of a YAML file such as 'scoring/default.yaml'")
        }
        return try parse(text, file: path)
    }

    /// The model written in `text` (`file` names it in errors).
    public func parse(_ text: String, file: String) throws(ConfigError) -> ScoringModel {
        let root = try ConfigNode.parse(text, file: file)
        let fields = try root.fields(allowed: ["name", "description", "classes", "criteria"], required: ["classes", "criteria"])
        var criteria: [Criterion] = []
        for node in try fields["criteria"]!.items() {
            let criterion = try self.criterion(node)
            if criteria.contains(where: { $0.name == criterion.name }) {
                throw node.error("expected each criterion name once, found '\(criterion.name)' twice")
            }
            criteria.append(criterion)
        }
        guard !criteria.isEmpty else { throw fields["criteria"]!.error("expected at least one criterion, found none") }
        return ScoringModel(file: file, criteria: criteria, classes: try classes(fields["classes"]!))
    }

    private func criterion(_ node: ConfigNode) throws(ConfigError) -> Criterion {
        let f = try node.fields(allowed: ["name", "metric", "attribute", "weight", "bands", "values", "missing", "description"],
                                required: ["name", "weight"])
        let name = try f["name"]!.string()
        let weight = try f["weight"]!.number("a weight")
        guard weight > 0 else { throw f["weight"]!.error("expected a positive weight, found '\(Band.text(weight))'") }
        let missing = try f["missing"].map { (m) throws(ConfigError) in try points(m) }
        switch (f["metric"], f["attribute"]) {
        case let (metric?, nil):
            guard let bandsNode = f["bands"] else { throw node.error("expected 'bands' for the metric of '\(name)', found none") }
            return Criterion(name: name, figure: try figure(metric), weight: weight, bands: try bands(bandsNode),
                             values: [:], missingPoints: missing)
        case let (nil, attribute?):
            let column = try attribute.string()
            guard catalog.customerAttributes.contains(column) else {
                throw attribute.error("expected a column of the customers file, found '\(column)'",
                                      help: catalog.customerAttributes.isEmpty ? "the snapshot's customers file has no extra column"
                                          : "columns: " + catalog.customerAttributes.map { "'\($0)'" }.joined(separator: ", "))
            }
            guard let valuesNode = f["values"] else { throw node.error("expected 'values' for the attribute of '\(name)', found none") }
            var values: [String: Double] = [:]
            for (key, value) in valuesNode.node.mapping ?? [:] {
                values[key.string ?? ""] = try points(ConfigNode(node: value, file: node.file))
            }
            guard !values.isEmpty else { throw valuesNode.error("expected a mapping of 'value: points' lines, found none") }
            return Criterion(name: name, figure: .attribute(column), weight: weight, bands: [], values: values, missingPoints: missing)
        default:
            throw node.error("expected either 'metric' or 'attribute' in criterion '\(name)'",
                             help: "a criterion reads one ARQL metric per customer, or one column of the customers file")
        }
    }

    /// The metric bound as ARQL: its errors point into the file at the metric text.
    private func figure(_ node: ConfigNode) throws(ConfigError) -> Criterion.Figure {
        let text = try node.string()
        let prefix = "show "
        do {
            let statements = try QueryCompiler(catalog: catalog).compile(prefix + text + " by customer")
            guard case let .metrics(s)? = statements.first, statements.count == 1, s.query.metrics.count == 1,
                  s.query.metrics[0].kind != .aging || s.query.metrics[0].provided != nil
            else { throw node.error("expected one metric with one value per customer, found '\(text)'") }
            return .metric(text: text, request: s.query.metrics[0])
        } catch let diagnostic as QueryDiagnostic {
            let offset = max(0, diagnostic.span.start - prefix.count)
            throw ConfigError(file: node.file, line: node.line, column: node.column + offset + (node.isQuoted ? 1 : 0),
                              diagnostic.message, help: diagnostic.help)
        } catch let error as ConfigError {
            throw error
        } catch {
            throw node.error("expected an ARQL metric, found '\(text)'")
        }
    }

    private func bands(_ node: ConfigNode) throws(ConfigError) -> [Band] {
        var bands: [Band] = []
        for item in try node.items() {
            let f = try item.fields(allowed: ["from", "below", "points"], required: ["points"])
            let band = Band(from: try f["from"].map { (n) throws(ConfigError) in try n.number("a lower bound") },
                            below: try f["below"].map { (n) throws(ConfigError) in try n.number("an upper bound") },
                            points: try points(f["points"]!), line: item.line)
            if let from = band.from, let below = band.below, from >= below {
                throw item.error("expected 'from' below 'below', found \(band.label)")
            }
            if let other = bands.first(where: { Self.overlap($0, band) }) {
                throw item.error("expected bands that do not overlap, found \(band.label) overlapping \(other.label) of line \(other.line)",
                                 help: "make each band start where the previous one stops ('from' is included, 'below' is not)")
            }
            bands.append(band)
        }
        try checkCoverage(bands, node)
        return bands
    }

    static func overlap(_ a: Band, _ b: Band) -> Bool {
        (a.from ?? -.infinity) < (b.below ?? .infinity) && (b.from ?? -.infinity) < (a.below ?? .infinity)
    }

    /// Every figure falls in a band: sorted, the bands start unbounded, meet end to start, end unbounded.
    private func checkCoverage(_ bands: [Band], _ node: ConfigNode) throws(ConfigError) {
        let sorted = bands.sorted { ($0.from ?? -.infinity) < ($1.from ?? -.infinity) }
        guard let first = sorted.first, first.from == nil else {
            throw node.error("expected a first band without 'from' (every figure must fall in a band), found none",
                             help: "write the lowest band as '- {below: …, points: …}'")
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.below != b.from {
            throw node.error("expected the band of line \(b.line) to start at \(a.below.map(Band.text) ?? "the end"), where the band of line \(a.line) stops",
                             help: "bands must meet: a figure between two bands would get no points")
        }
        guard sorted.last?.below == nil else {
            throw node.error("expected a last band without 'below' (every figure must fall in a band), found none")
        }
    }

    private func points(_ node: ConfigNode) throws(ConfigError) -> Double {
        let value = try node.number("a number of points")
        guard (0...100).contains(value) else { throw node.error("expected points from 0 to 100, found '\(Band.text(value))'") }
        return value
    }

    private func classes(_ node: ConfigNode) throws(ConfigError) -> [RiskClass] {
        var classes: [RiskClass] = []
        for item in try node.items() {
            let f = try item.fields(allowed: ["name", "min"], required: ["name", "min"])
            let minimum = try f["min"]!.number("a minimum score")
            if let last = classes.last, minimum >= last.minimum {
                throw f["min"]!.error("expected a minimum below \(Band.text(last.minimum)) (classes go from best to worst), found '\(Band.text(minimum))'")
            }
            classes.append(RiskClass(name: try f["name"]!.string(), minimum: minimum))
        }
        guard let last = classes.last else { throw node.error("expected at least one risk class, found none") }
        guard last.minimum <= 0 else {
            throw node.error("expected the last class to start at 0 (every score needs a class), found \(Band.text(last.minimum))")
        }
        return classes
    }
}

extension ConfigNode {
    /// Whether the scalar was written in quotes (its text starts one column later).
    var isQuoted: Bool {
        guard let style = node.scalar?.style else { return false }
        return style == .singleQuoted || style == .doubleQuoted
    }
}
