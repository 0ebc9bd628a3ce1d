import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// Sets the request's principal from its bearer token (header, or `access_token` in the URL so a
/// chart URL can be embedded in an `<img>`), or grants full rights when the server has no token
/// file (it then listens on loopback only). A token that matches no entry is a 401 at once.
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = ServerRequestContext
    let tokens: TokenFile?

    func authenticate(request: Request, context: Context) async throws -> Principal? {
        guard let tokens else { return .loopback }
        guard let presented = request.headers.bearer?.token ?? request.uri.queryParameters.get("access_token") else {
            return nil
        }
        guard let principal = tokens.principal(for: presented) else {
            throw APIError(.unauthorized, .unauthorized, "the access token is not known to this server",
                           help: "check the token, or ask its administrator for a new one")
                .with(header: .wwwAuthenticate, "Bearer realm=\"arlens\", error=\"invalid_token\"")
        }
        return principal
    }
}
