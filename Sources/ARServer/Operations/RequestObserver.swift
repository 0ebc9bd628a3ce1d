import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: gives each request an id (`X-Request-Id`, kept from the client when
/// it is a short token), turns every error into the JSON error shape, logs one structured line per
/// request and records the request metrics.
struct RequestObserver: RouterMiddleware {
    typealias Context = ServerRequestContext
    static let requestIDHeader = HTTPField.Name("X-Request-Id")!

    let metrics: ServerMetrics
    let maxBodyBytes: Int
    let authenticator: TokenAuthenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestID = Self.requestID(from: request)
        context.maxBody = maxBodyBytes
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        let started = ContinuousClock.now
        var response: Response
        do {
            // Authenticated here, not by a later middleware, so the log line can name the principal.
            context.identity = try await authenticator.authenticate(request: request, context: context)
            response = try await next(request, context)
        } catch {
            response = try Self.apiError(for: error, context: context).response(from: request, context: context)
        }
        response.headers[Self.requestIDHeader] = context.requestID
        let duration = ContinuousClock.now - started
        let route = context.endpointPath ?? "unmatched"
        metrics.request(route: route, method: request.method.rawValue, status: response.status.code, duration: duration)
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path), "route": .string(route),
            "status": .stringConvertible(response.status.code), "ms": .string(Self.milliseconds(duration)),
            "principal": .string(context.identity?.name ?? "-"),
        ])
        return response
    }

    /// Every failure as an ``APIError``: the router's 404 and body limit, and anything unexpected (500).
    static func apiError(for error: any Error, context: Context) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return APIError(.contentTooLarge, .tooLarge, "the request body is over \(context.maxBody) bytes",
                            help: "send a smaller body; save long queries as files under --queries")
        case let error as HTTPError where error.status == .notFound:
            return APIError(.notFound, .notFound, "no such endpoint", help: "GET /v1/openapi.json lists the endpoints")
        case let error as HTTPError where error.status == .methodNotAllowed:
            return APIError(.methodNotAllowed, .methodNotAllowed, "this endpoint does not take that method", help: "see GET /v1/openapi.json")
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return APIError(error.status, .malformedBody, error.body ?? "bad request", help: "see GET /v1/openapi.json")
        case let error as any HTTPResponseError where (400..<500).contains(error.status.code):
            return APIError(error.status, .malformedBody, "the request could not be read (\(error))", help: "see GET /v1/openapi.json")
        default:
            context.logger.error("internal error", metadata: ["error": "\(error)"])
            return APIError(.internalServerError, .internalError, "internal error (request \(context.requestID))",
                            help: "this is a bug in arlens; please report it with the request id")
        }
    }

    /// The client's id when it is 1–64 characters of `[A-Za-z0-9._-]`, else a new random one.
    static func requestID(from request: Request) -> String {
        if let given = request.headers[requestIDHeader], (1...64).contains(given.utf8.count),
           given.utf8.allSatisfy({ $0 < 128 && (($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 || (48...57).contains($0) || $0 == 45 || $0 == 46 || $0 == 95) }) {
            return given
        }
        return String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    static func milliseconds(_ duration: Duration) -> String {
        let us = duration.nanoseconds / 1000
        return "\(us / 1000).\(String(us % 1000 + 1000).dropFirst())"
    }
}
