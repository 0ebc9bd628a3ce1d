import ARReports
import ArgumentParser
import Foundation

/// `arlens pack render`: a pack's PDF and PNG pages, for each recipient or for given parameters.
struct PackRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a pack: one PDF and one PNG per page, for each recipient (or for the given parameters).",
        discussion: """
        Without --param or --perimeter, renders every recipient's pack into OUT/RECIPIENT/; with
        them, renders one pack with those values into OUT/.
        Examples:
          arlens pack render Reports/cfo-monthly.yaml --data out/store --out out/packs
          arlens pack render Reports/cfo-monthly.yaml --param as_of=2026-09-30 --perimeter entity=FR01 --out out/fr
        """
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The pack file.")
    var file: String

    @Option(name: .long, help: "The output folder.")
    var out: String

    @Option(name: .customLong("param"), help: ArgumentHelp("A parameter's value.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .long, help: "Render only this recipient (repeat for several).")
    var recipient: [String] = []

    @Option(name: .long, help: "Pixel density of the PNG pages (2: 144 dpi).")
    var scale: Double = 2

    @Flag(name: .long, help: "Print where the time went.")
    var timings = false

    func run() throws {
        let pack = try PackFiles.load(file)
        let runner = try data.runner(quiet: true)
        let overrides = try QueryText.parameters(parameters)
        let handPicked = !parameters.isEmpty || !data.perimeterFields.isEmpty
        let recipients = handPicked ? [nil] : try selectedRecipients(pack)
        for recipient in recipients {
            let values = try rendering { () throws(PackRenderError) in
                try PackParameters.resolve(pack, recipient: recipient, overrides: overrides,
                                           perimeter: handPicked ? try? data.perimeter() : nil, latest: runner.source.latest.asOf)
            }
            let rendered = try rendering { try PackRenderer.render(pack, runner: runner, parameters: values,
                                                                    options: PackRenderOptions(pngScale: scale)) }
            let folder = URL(fileURLWithPath: out).appendingPathComponent(recipient?.name ?? "")
            let paths = try AtomicFolder.write(rendered.files(named: pack.name), to: handPicked ? URL(fileURLWithPath: out) : folder)
            print("wrote \(paths.count) files for \(recipient?.name ?? "the given parameters") to \(handPicked ? out : folder.path) "
                  + "(\(rendered.pngs.count) pages, \(Int(rendered.timings.total.rounded())) ms)")
            if timings { printTimings(rendered) }
        }
    }

    private func selectedRecipients(_ pack: PackDefinition) throws -> [PackRecipient?] {
        guard !recipient.isEmpty else { return pack.recipients }
        return try recipient.map { name in
            guard let found = pack.recipients.first(where: { $0.name == name }) else {
                throw CommandFailure("no recipient '\(name)' in '\(file)': expected one of \(pack.recipients.map { "'\($0.name)'" }.joined(separator: ", "))")
            }
            return found
        }
    }

    private func printTimings(_ rendered: RenderedPack) {
        let t = rendered.timings
        print(String(format: "  queries %.1f ms, layout %.1f ms, PDF %.1f ms, PNG %.1f ms (all cores), total %.1f ms", t.queries, t.layout, t.pdf, t.png, t.total))
        print("  page  drawing  (queries of its blocks, overlapping on the cores)")
        let queries = rendered.evaluated.pages.map(\.queryMilliseconds)
        var source = 0
        for (index, title) in rendered.pageTitles.enumerated() {
            // A continued table's pages follow the page whose blocks they hold.
            let continued = title.hasSuffix(" (continued)")
            let query = continued ? "" : String(format: "(%6.1f ms)", source < queries.count ? queries[source] : 0)
            if !continued { source += 1 }
            print(String(format: "  %2d  %7.1f ms  %@  %@", index + 1, t.pages[index], query, title))
        }
    }
}

/// `body`'s value; a ``PackRenderError`` becomes the user's message with the query's caret.
func rendering<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PackRenderError {
        var message = error.description
        if let diagnostic = error.diagnostic, let query = error.query { message += "\n" + diagnostic.rendered(source: query) }
        else if let help = error.help { message += "\n  = help: \(help)" }
        throw CommandFailure(message)
    }
}
