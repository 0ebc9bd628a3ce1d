import ARQuery
import Hummingbird

/// `GET|POST /v1/query` (analyst): results as JSON or CSV; `GET|POST /v1/chart` (viewer): the
/// chart image, the same bytes as `arlens chart`.
struct QueryRoutes {
    let state: ServerState

    /// URL parameters that are options, not `$parameters` of the query.
    static let reserved: Set<String> = ["q", "format", "access_token"]

    func register(on router: Router<ServerRequestContext>) {
        router.get("/v1/query") { request, context in
            let params = try URLParameters(request)
            let spec = try Self.spec(params, reserved: Self.reserved)
            return try await query(request, context, spec: spec, format: params["format"])
        }
        router.post("/v1/query") { request, context in
            let body = try await JSONBody(request, context: context, allowed: ["query", "params", "format"])
            return try await query(request, context, spec: Self.spec(body), format: body.string("format"))
        }
        router.get("/v1/chart") { request, context in
            let params = try URLParameters(request)
            let spec = try Self.spec(params, reserved: Self.reserved.union(RenderOptions.names))
            return try await chart(request, context, spec: spec, render: Self.render(params.values))
        }
        router.post("/v1/chart") { request, context in
            let body = try await JSONBody(request, context: context, allowed: RenderOptions.names.union(["query", "params"]))
            let options = try RenderOptions.names.sorted().compactMap { name in try body.string(name).map { (name: name, value: $0) } }
            return try await chart(request, context, spec: Self.spec(body), render: Self.render(options))
        }
    }

    private func query(_ request: Request, _ context: ServerRequestContext, spec: QuerySpec, format: String?) async throws -> Response {
        let principal = try context.principal()
        try principal.require(.analyst, for: "running any ARQL")
        guard let format = ResultFormatter.Format(rawValue: format ?? "json"), format != .table else {
            throw APIError(.badRequest, .invalidOption, "format must be json or csv, found '\(format ?? "")'", help: "use format=json or format=csv")
        }
        let spec = try spec.validated(limits: state.limits)
        let data = try state.holder.require()
        let key = ResponseKey(versionKey: data.versionKey, perimeter: principal.perimeter, kind: "query.\(format.rawValue)",
                              text: spec.text, parameters: spec.parameters)
        return try await state.answer(request, context, data: data, principal: principal, key: key) { answering in
            try answering.results(spec, format: format)
        }
    }

    private func chart(_ request: Request, _ context: ServerRequestContext, spec: QuerySpec, render: RenderOptions) async throws -> Response {
        let principal = try context.principal()
        try principal.require(.viewer, for: "a chart")
        try render.validate(limits: state.limits)
        let spec = try spec.validated(limits: state.limits)
        let data = try state.holder.require()
        let key = ResponseKey(versionKey: data.versionKey, perimeter: principal.perimeter, kind: "chart.\(render.format.rawValue)",
                              text: spec.text, parameters: spec.parameters, options: render.key)
        return try await state.answer(request, context, data: data, principal: principal, key: key) { answering in
            try answering.chart(spec, render: render)
        }
    }

    /// `q` and the `$parameters` of a URL: every name that is not an option.
    static func spec(_ params: URLParameters, reserved: Set<String>) throws -> QuerySpec {
        guard let text = params["q"] else {
            throw APIError(.badRequest, .missingQuery, "the 'q' parameter is missing", help: "add ?q= with ARQL text, e.g. ?q=ar%20by%20entity")
        }
        var parameters: [String: String] = [:]
        for (name, value) in params.values where !reserved.contains(name) { parameters[name] = value }
        return QuerySpec(text: text, parameters: parameters)
    }

    static func spec(_ body: JSONBody) throws -> QuerySpec {
        guard let text = try body.string("query") else {
            throw APIError(.badRequest, .missingQuery, "the 'query' member is missing", help: "send {\"query\": \"ar by entity\"}")
        }
        return QuerySpec(text: text, parameters: try body.parameters())
    }

    /// Render options from (name, value) pairs; other names are ignored here.
    static func render(_ pairs: [(name: String, value: String)]) throws -> RenderOptions {
        var options = RenderOptions()
        for (name, value) in pairs where RenderOptions.names.contains(name) { try options.set(name, value) }
        return options
    }
}
