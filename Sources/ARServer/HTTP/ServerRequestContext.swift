import HTTPTypes
import Hummingbird
import HummingbirdAuth
import NIOCore

/// The per-request state: who is asking (set by ``TokenAuthenticator``), the request id every log
/// line and response carries, and how to tell that the client went away.
public struct ServerRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Principal?
    /// A short random id, sent back as `X-Request-Id` (or the client's own, when it sent one).
    public var requestID: String = ""
    /// The limit the server was configured with (413 above).
    public var maxUploadSize: Int { maxBody }
    var maxBody: Int = 256 << 10
    /// The connection, when it was open as the request began (in-memory test channels are not).
    private let channel: (any Channel)?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel.isActive ? source.channel : nil
    }

    /// Whether the client closed the connection (a query it asked for can stop).
    var clientIsGone: Bool {
        guard let channel else { return false }
        return ClientDeparture.hasLeft(channel)
    }

    /// The principal, or 401.
    func principal() throws -> Principal {
        guard let identity else {
            throw APIError(.unauthorized, .unauthorized, "this server needs an access token",
                           help: "send 'Authorization: Bearer TOKEN' (or '?access_token=TOKEN' in an embedded URL)")
                .with(header: .wwwAuthenticate, "Bearer realm=\"arlens\"")
        }
        return identity
    }
}
