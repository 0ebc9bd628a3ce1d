import ARCore
import ARCharts
import ARQuery
import Hummingbird

/// `GET /v1/queries` and `GET /v1/queries/{name}.json|csv|png|svg|pdf?param=…` (viewer): the saved
/// queries as URLs any dashboard can embed.
struct SavedQueryRoutes {
    let state: ServerState

    func register(on router: Router<ServerRequestContext>) {
        router.get("/v1/queries") { _, context in
            let principal = try context.principal()
            try principal.require(.viewer, for: "the saved queries")
            return ServerState.json(JSONWriter.encode(QueryList(queries: state.savedQueries.queries.map(Listed.init))))
        }
        router.get("/v1/queries/:file") { request, context in
            let principal = try context.principal()
            try principal.require(.viewer, for: "a saved query")
            let file = try context.parameters.require("file")
            guard let dot = file.lastIndex(of: ".") else {
                throw APIError(.notFound, .notFound, "'\(file)' names no format", help: "add .json, .csv, .png, .svg or .pdf")
            }
            let name = String(file[..<dot]), ext = String(file[file.index(after: dot)...])
            guard let saved = state.savedQueries[name] else {
                let near = EditDistance.closest(to: name, among: state.savedQueries.queries.map(\.name))
                throw APIError(.notFound, .notFound, "no saved query '\(name)'", help: near.map { "did you mean '\($0)'?" } ?? "GET /v1/queries lists them")
            }
            return try await respond(request, context, principal: principal, saved: saved, ext: ext)
        }
    }

    private func respond(_ request: Request, _ context: ServerRequestContext, principal: Principal,
                         saved: SavedQueries.Query, ext: String) async throws -> Response {
        let params = try URLParameters(request)
        let isChart = OutputFormat(rawValue: ext) != nil
        guard isChart || ext == "json" || ext == "csv" else {
            throw APIError(.notFound, .notFound, "unknown format '.\(ext)'", help: "use .json, .csv, .png, .svg or .pdf")
        }
        var given: [String: String] = [:]
        var render = RenderOptions()
        render.format = OutputFormat(rawValue: ext) ?? .png
        for (name, value) in params.values where name != "access_token" {
            if isChart, RenderOptions.names.contains(name), name != "format" { try render.set(name, value) } else { given[name] = value }
        }
        let spec = try QuerySpec(text: saved.text, parameters: given).validated(limits: state.limits, what: "saved query '\(saved.name)'")
        let filled = QuerySpec(text: saved.text, parameters: saved.parameterValues(given))
        let data = try state.holder.require()
        if isChart { try render.validate(limits: state.limits) }
        let options = render
        let key = ResponseKey(versionKey: data.versionKey, perimeter: principal.perimeter, kind: "saved.\(ext)",
                              text: spec.text, parameters: filled.parameters, options: isChart ? options.key : [])
        return try await state.answer(request, context, data: data, principal: principal, key: key) { answering in
            if isChart { return try answering.chart(filled, render: options) }
            return try answering.results(filled, format: ext == "csv" ? .csv : .json)
        }
    }

    struct QueryList: Encodable { var queries: [Listed] }

    /// A saved query as listed: its URLs beside its name, title and parameters.
    struct Listed: Encodable {
        var name: String
        var title: String
        var text: String
        var parameters: [SavedQueries.Query.Parameter]
        var urls: [String: String]

        init(_ q: SavedQueries.Query) {
            name = q.name
            title = q.title
            text = q.text
            parameters = q.parameters
            urls = Dictionary(uniqueKeysWithValues: ["json", "csv", "png", "svg", "pdf"].map { ($0, "/v1/queries/\(q.name).\($0)") })
        }
    }
}
