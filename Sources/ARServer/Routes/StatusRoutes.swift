import ARStore
import Foundation
import Hummingbird

/// Liveness, readiness, the snapshots, who the caller is, and the values a picker offers.
struct StatusRoutes {
    let state: ServerState

    func register(on router: Router<ServerRequestContext>) {
        // Liveness: the process answers. Open to all, and says which snapshot is served.
        router.get("/v1/health") { _, _ in
            let data = state.holder.current
            return ServerState.json(JSONWriter.encode(Health(status: "ok", snapshot: data.map { SnapshotRef($0.source.latest) },
                                                             generation: data?.generation ?? 0)))
        }
        // Readiness: a snapshot is loaded and queries can be answered.
        router.get("/v1/ready") { _, _ in
            _ = try state.holder.require()
            return ServerState.json("{\"ready\":true}\n")
        }
        router.get("/v1/snapshots") { _, context in
            let principal = try context.principal()
            try principal.require(.viewer, for: "the snapshot list")
            let data = try state.holder.require()
            // A scoped token sees dates, not the whole store's counts.
            let list = data.source.snapshots.map { SnapshotInfo($0, counts: principal.perimeter.isEverything) }
            return ServerState.json(JSONWriter.encode(SnapshotList(latest: data.source.latest.id, snapshots: list)))
        }
        router.get("/v1/me") { _, context in
            let principal = try context.principal()
            return ServerState.json(JSONWriter.encode(Me(name: principal.name, role: principal.role.rawValue,
                                                         scope: principal.perimeter.allowed.mapValues { $0.sorted() })))
        }
        router.get("/v1/values/:dimension") { request, context in
            let principal = try context.principal()
            try principal.require(.viewer, for: "dimension values")
            let dimension = try context.parameters.require("dimension")
            let data = try state.holder.require()
            let key = ResponseKey(versionKey: data.versionKey, perimeter: principal.perimeter, kind: "values", text: dimension, parameters: [:])
            return try await state.answer(request, context, data: data, principal: principal, key: key) { answering in
                let values = try answering.values(of: dimension)
                return .init(contentType: "application/json; charset=utf-8",
                             body: Array(JSONWriter.encode(Values(dimension: dimension, values: values)).utf8))
            }
        }
    }

    struct Health: Encodable { var status: String; var snapshot: SnapshotRef?; var generation: Int }
    struct SnapshotRef: Encodable {
        var id: String
        var asOf: String
        init(_ s: SnapshotSource.Snapshot) { id = s.id; asOf = s.asOf.iso }
        enum CodingKeys: String, CodingKey { case id, asOf = "as_of" }
    }
    struct SnapshotList: Encodable { var latest: String; var snapshots: [SnapshotInfo] }
    struct SnapshotInfo: Encodable {
        var id: String
        var asOf: String
        var reportingCurrency: String
        var importedAt: String?
        var counts: SnapshotEntry.Counts?
        init(_ s: SnapshotSource.Snapshot, counts: Bool) {
            id = s.id
            asOf = s.asOf.iso
            reportingCurrency = s.reportingCurrency.code
            importedAt = s.entry?.importedAt
            self.counts = counts ? s.entry?.counts : nil
        }
        enum CodingKeys: String, CodingKey {
            case id, asOf = "as_of", reportingCurrency = "reporting_currency", importedAt = "imported_at", counts
        }
    }
    struct Me: Encodable { var name: String; var role: String; var scope: [String: [String]] }
    struct Values: Encodable { var dimension: String; var values: [String] }
}

/// `POST /v1/admin/reload` (admin), `/metrics` (admin when tokens are set) and the OpenAPI document.
struct OperationRoutes {
    let state: ServerState

    func register(on router: Router<ServerRequestContext>) {
        router.post("/v1/admin/reload") { _, context in
            try context.principal().require(.admin, for: "a reload")
            let loader = state.loader
            let outcome = await Offload.run { loader.reload(force: true) }
            switch outcome {
            case let .loaded(generation, latest):
                return ServerState.json("{\"reloaded\":true,\"generation\":\(generation),\"latest\":\(JSONWriter.quoted(latest))}\n")
            case let .unchanged(latest):
                return ServerState.json("{\"reloaded\":false,\"latest\":\(JSONWriter.quoted(latest))}\n")
            case .busy:
                throw APIError(.serviceUnavailable, .busy, "a reload is already running", help: "try again in a moment")
            case let .failed(problem):
                throw APIError(.serviceUnavailable, .notLoaded, "the reload failed: \(problem)",
                               help: "the previous snapshot is still served; check the store with 'arlens inspect'")
            }
        }
        router.get("/metrics") { _, context in
            try context.principal().require(.admin, for: "the metrics")
            state.metrics.refresh(state.holder.current)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: state.metrics.exposition())))
        }
        router.get("/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: DashboardFiles.openAPI)))
        }
    }
}
