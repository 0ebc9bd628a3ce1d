import ARCore
import ARQuery
import ARStore

/// Checks a pack against the data it will run on: every query binds with every recipient's
/// parameters, every perimeter names a dimension and values the data holds, every `{{ $name }}`
/// is a parameter, and (with `run: true`) every query runs. Errors point into the pack file.
public enum PackValidator {
    /// Every problem found, in file order (empty when the pack is sound).
    public static func check(_ pack: PackDefinition, runner: QueryRunner, run: Bool = true) -> [PackDiagnostic] {
        var found: [PackDiagnostic] = []
        func add(_ diagnostic: PackDiagnostic) {
            if !found.contains(where: { $0.location == diagnostic.location && $0.message == diagnostic.message }) { found.append(diagnostic) }
        }
        for recipient in pack.recipients {
            for problem in perimeterProblems(recipient, pack: pack, runner: runner) { add(problem) }
            let parameters: PackParameters
            do {
                parameters = try PackParameters.resolve(pack, recipient: recipient, latest: runner.source.latest.asOf)
            } catch {
                add(PackDiagnostic(file: pack.file, at: recipient.location, error.message, help: error.help))
                continue
            }
            let evaluator = PackEvaluator(pack: pack, runner: runner, parameters: parameters)
            for problem in bindingProblems(pack, evaluator: evaluator, recipient: recipient) { add(problem) }
            if run && found.isEmpty {
                do {
                    let evaluated = try evaluator.evaluate()
                    _ = try PackLayout(page: pack.page, theme: pack.theme, metrics: TextMetrics()).layout(evaluated.pages)
                } catch {
                    add(diagnostic(error, pack: pack, recipient: recipient))
                }
            }
        }
        return PackDiagnostics(found).diagnostics
    }

    /// Queries that do not bind, and `{{ $name }}` that name no parameter.
    static func bindingProblems(_ pack: PackDefinition, evaluator: PackEvaluator, recipient: PackRecipient) -> [PackDiagnostic] {
        var problems: [PackDiagnostic] = []
        for query in pack.queries {
            do {
                _ = try evaluator.compile(query)
            } catch {
                problems.append(diagnostic(error, pack: pack, recipient: recipient))
            }
        }
        for page in pack.pages {
            for block in page.blocks {
                guard case let .text(template) = block.content else { continue }
                for (name, location) in template.parameters where evaluator.parameters.values[name] == nil {
                    problems.append(PackDiagnostic(file: pack.file, at: location, length: name.count + 1,
                                                   "expected a parameter the pack declares, found '$\(name)'",
                                                   help: EditDistance.closest(to: name, among: evaluator.parameters.values.keys.sorted())
                                                       .map { "did you mean '$\($0)'?" } ?? "declare it under the pack's 'parameters'"))
                }
            }
        }
        return problems
    }

    /// Perimeter fields that are no dimension, and values the data does not hold (a typo would
    /// otherwise give the recipient an empty pack).
    static func perimeterProblems(_ recipient: PackRecipient, pack: PackDefinition, runner: QueryRunner) -> [PackDiagnostic] {
        var problems: [PackDiagnostic] = []
        let catalog = runner.compiler.catalog
        for (field, values) in recipient.perimeter.allowed.sorted(by: { $0.key < $1.key }) {
            guard Perimeter.builtInFields.contains(field) || catalog.dimension(named: field) != nil,
                  let result = try? runner.run("count by \(field)").last?.result else {
                problems.append(PackDiagnostic(file: pack.file, at: recipient.location,
                                               "expected a perimeter field, found '\(field)' for recipient '\(recipient.name)'",
                                               help: EditDistance.closest(to: field, among: Perimeter.builtInFields).map { "did you mean '\($0)'?" }))
                continue
            }
            let present = Set(result.rows.compactMap { row -> String? in if case let .string(s) = row.first { s } else { nil } })
            for value in values.sorted() where !present.contains(value) {
                problems.append(PackDiagnostic(file: pack.file, at: recipient.location,
                                               "expected a value of '\(field)' in the data, found '\(value)' for recipient '\(recipient.name)'",
                                               help: EditDistance.closest(to: value, among: present.sorted()).map { "did you mean '\($0)'?" }
                                                   ?? "the data holds \(present.count) values of '\(field)'"))
            }
        }
        return problems
    }

    static func diagnostic(_ error: PackRenderError, pack: PackDefinition, recipient: PackRecipient) -> PackDiagnostic {
        var message = error.message
        if let diagnostic = error.diagnostic, diagnostic.code.rawValue.hasPrefix("Q3") { message += " (for recipient '\(recipient.name)')" }
        let length = error.diagnostic.map { diagnostic -> Int in
            guard let query = error.query else { return 1 }
            let bytes = Array(query.utf8)
            let end = min(diagnostic.span.end, bytes.count), start = min(diagnostic.span.start, end)
            return String(decoding: bytes[start..<end], as: UTF8.self).count
        } ?? 1
        return PackDiagnostic(file: pack.file, at: error.location ?? recipient.location, length: length, message,
                              help: error.help, code: error.diagnostic?.code.rawValue)
    }
}
