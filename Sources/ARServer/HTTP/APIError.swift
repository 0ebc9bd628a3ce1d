import HTTPTypes
import ARQuery
import Foundation
import Hummingbird

/// An error answered as JSON: `{"error":{"code","message","span","help"}}`, with the HTTP status
/// that says whose fault it is. Query errors keep their ARQL code and span, and add `rendered`,
/// the caret text `arlens query` prints.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// An ARQL code (`Q2002`) or a server code (``ServerErrorCode``).
    public var code: String
    public var message: String
    public var help: String?
    /// The diagnostic's JSON object and caret text, when the error is a query's.
    var diagnosticJSON: String?
    var rendered: String?
    var extraHeaders: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: ServerErrorCode, _ message: String, help: String? = nil) {
        self.status = status
        self.code = code.rawValue
        self.message = message
        self.help = help
    }

    /// A query's diagnostic, positioned in `source`, with the status its code calls for.
    public init(_ diagnostic: QueryDiagnostic, source: String) {
        status = Self.status(of: diagnostic)
        code = diagnostic.code.rawValue
        message = diagnostic.message
        help = diagnostic.help
        diagnosticJSON = diagnostic.toJSON(source: source)
        rendered = diagnostic.rendered(source: source)
    }

    /// 400 for the query's mistakes, 422 when the data cannot answer, 503/504 for cancellation and
    /// budgets, 500 for a bug or a misconfigured scope.
    static func status(of diagnostic: QueryDiagnostic) -> HTTPResponse.Status {
        if diagnostic.isUserError { return .badRequest }
        switch diagnostic.code {
        case .cancelled, .outOfMemory, .dataUnavailable: return .serviceUnavailable
        case .timeBudget: return .gatewayTimeout
        case .invalidPerimeter, .internalError: return .internalServerError
        default: return .unprocessableContent
        }
    }

    /// The JSON body.
    public var body: String {
        let inner = diagnosticJSON.map { String($0.dropLast()) + ",\"rendered\":" + JSONWriter.quoted(rendered ?? "") + "}" }
            ?? "{\"code\":\(JSONWriter.quoted(code)),\"message\":\(JSONWriter.quoted(message)),\"span\":null,"
            + "\"help\":\(help.map(JSONWriter.quoted) ?? "null")}"
        return "{\"error\":" + inner + "}\n"
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = extraHeaders
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func with(header name: HTTPField.Name, _ value: String) -> APIError {
        var copy = self
        copy.extraHeaders[name] = value
        return copy
    }
}

/// The server's own error codes, beside ARQL's `Q` codes: `S` + the HTTP status + a digit.
public enum ServerErrorCode: String, Sendable, CaseIterable {
    case malformedBody = "S4000"
    case invalidText = "S4001"
    case unknownParameter = "S4002"
    case invalidOption = "S4003"
    case missingQuery = "S4004"
    case notChartable = "S4005"
    case unauthorized = "S4010"
    case forbidden = "S4030"
    case notFound = "S4040"
    case methodNotAllowed = "S4050"
    case tooLarge = "S4130"
    case internalError = "S5000"
    case notLoaded = "S5030"
    case busy = "S5031"
    case budgetExceeded = "S5040"
}
