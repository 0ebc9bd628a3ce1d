import ARCore
import ARQuery
import ARReports
import ArgumentParser
import Foundation

/// `arlens pack`: report packs, rendered, checked, scheduled and delivered.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Render, check, schedule and deliver report packs (Reports/*.yaml).",
        discussion: """
        Examples:
          arlens pack render Reports/cfo-monthly.yaml --data out/store --out out/packs
          arlens pack check Reports/*.yaml --data out/store
          arlens pack run --due --data out/store          (from cron or a systemd timer, every minute)
          arlens pack list
          arlens pack log --pack cfo-monthly
        See docs/packs.md.
        """,
        subcommands: [PackRenderCommand.self, PackRunCommand.self, PackListCommand.self, PackLogCommand.self, PackCheckCommand.self]
    )
}

/// Loading pack files for the commands, errors rendered against the file's text.
enum PackFiles {
    static func load(_ path: String) throws -> PackDefinition {
        do {
            return try PackLoader.load(path: path)
        } catch let diagnostics as PackDiagnostics {
            throw CommandFailure(rendered(diagnostics, path: path))
        }
    }

    static func rendered(_ diagnostics: PackDiagnostics, path: String) -> String {
        let source = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let count = diagnostics.diagnostics.count
        return diagnostics.rendered(source: source) + "\(count) error\(count == 1 ? "" : "s") in '\(path)'"
    }

    /// The pack files named: paths as given, or names looked up in the packs folder.
    static func paths(_ names: [String], folder: String) throws -> [String] {
        let manager = FileManager.default
        if names.isEmpty {
            guard let entries = try? manager.contentsOfDirectory(atPath: folder) else {
                throw CommandFailure("cannot read the packs folder '\(folder)': pass --packs FOLDER")
            }
            return entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder + "/" + $0 }
        }
        return try names.map { name in
            if manager.fileExists(atPath: name) { return name }
            for candidate in ["\(folder)/\(name).yaml", "\(folder)/\(name).yml"] where manager.fileExists(atPath: candidate) { return candidate }
            throw CommandFailure("no pack '\(name)': expected a file or a name in '\(folder)' (arlens pack list shows them)")
        }
    }
}

/// `arlens pack check`: validates pack files against the data.
struct PackCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check pack files: structure, schedule, parameters, perimeters, and every query bound and run for every recipient."
    )

    @OptionGroup var data: DataOptions

    @Flag(name: .long, help: "Only bind the queries; do not run them.")
    var bindOnly = false

    @Argument(help: "Pack files.")
    var files: [String]

    func run() throws {
        let runner = try data.runner(quiet: true)
        var failed = 0
        for file in files {
            do {
                let pack = try PackFiles.load(file)
                let problems = PackValidator.check(pack, runner: runner, run: !bindOnly)
                if problems.isEmpty {
                    let next = pack.schedule?.next(after: Date()).map { " · next run " + PackText.local($0, pack.schedule!.timeZone) } ?? ""
                    print("ok: \(file) (\(pack.pages.count) pages, \(pack.queries.count) queries, \(pack.recipients.count) recipients\(next))")
                } else {
                    failed += 1
                    Terminal.error(PackFiles.rendered(PackDiagnostics(problems), path: file))
                }
            } catch let failure as CommandFailure {
                failed += 1
                Terminal.error(failure.description)
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

enum PackText {
    static func local(_ instant: Date, _ zone: TimeZone) -> String {
        PackTime.minute(instant, in: zone)
    }
}
