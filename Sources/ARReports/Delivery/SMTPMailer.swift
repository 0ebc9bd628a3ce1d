import CCurl
import Foundation

/// How to reach the mail server.
public struct SMTPSettings: Sendable {
    /// `smtp://host:587` (STARTTLS as `tls` says) or `smtps://host:465` (TLS from the start).
    public var url: String
    public var tls: TLSMode
    /// The envelope and header sender.
    public var from: String
    /// For AUTH; nil: no authentication.
    public var username: String?
    public var password: String?
    /// A PEM file of certificates to trust (a private CA); nil: the system's.
    public var caFile: String?
    /// Seconds for the whole exchange.
    public var timeout: Int

    public enum TLSMode: String, Sendable, CaseIterable {
        /// STARTTLS, and fail when the server does not offer it.
        case required
        /// STARTTLS when the server offers it.
        case opportunistic
        /// Plain text (a relay on the same machine).
        case none
    }

    public init(url: String, tls: TLSMode = .required, from: String, username: String? = nil, password: String? = nil,
                caFile: String? = nil, timeout: Int = 60) {
        self.url = url
        self.tls = tls
        self.from = from
        self.username = username
        self.password = password
        self.caFile = caFile
        self.timeout = timeout
    }
}

/// Sends a MIME message over SMTP with libcurl (STARTTLS, AUTH, envelope recipients).
///
/// A refused connection, a timeout or a 4xx reply is a transient ``DeliveryError`` (retry later);
/// a 5xx reply, a failed login or a TLS failure is permanent.
public struct SMTPMailer: Sendable {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
        _ = SMTPMailer.globalInit
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Sends `message` (the whole RFC 5322 text, CRLF line ends) to `recipients`.
    public func send(_ message: [UInt8], to recipients: [String]) throws(DeliveryError) {
        guard let handle = curl_easy_init() else { throw .transient("cannot start libcurl") }
        defer { curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        defer { curl_slist_free_all(list) }
        let body = MessageBody(message)
        let status = withExtendedLifetime(body) { () -> CURLcode in
            configure(handle, recipients: list, body: body)
            return curl_easy_perform(handle)
        }
        guard status != CURLE_OK else { return }
        throw SMTPMailer.classify(status, reply: arlens_curl_response_code(handle), server: settings.url)
    }

    private func configure(_ handle: UnsafeMutableRawPointer, recipients: UnsafeMutablePointer<curl_slist>?, body: MessageBody) {
        arlens_curl_set_string(handle, CURLOPT_URL, settings.url)
        arlens_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(settings.from)>")
        arlens_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients)
        arlens_curl_set_long(handle, CURLOPT_UPLOAD, 1)
        arlens_curl_set_long(handle, CURLOPT_INFILESIZE_LARGE, Int(body.bytes.count))
        arlens_curl_set_read_function(handle, MessageBody.read)
        arlens_curl_set_pointer(handle, CURLOPT_READDATA, body.context)
        arlens_curl_set_long(handle, CURLOPT_TIMEOUT, settings.timeout)
        arlens_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, min(settings.timeout, 20))
        arlens_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        let ssl: curl_usessl = switch settings.tls {
        case .required: CURLUSESSL_ALL
        case .opportunistic: CURLUSESSL_TRY
        case .none: CURLUSESSL_NONE
        }
        arlens_curl_set_long(handle, CURLOPT_USE_SSL, Int(ssl.rawValue))
        if let caFile = settings.caFile { arlens_curl_set_string(handle, CURLOPT_CAINFO, caFile) }
        if let username = settings.username {
            arlens_curl_set_string(handle, CURLOPT_USERNAME, username)
            arlens_curl_set_string(handle, CURLOPT_PASSWORD, settings.password ?? "")
        }
    }

    /// Whether a failure is worth retrying, in one line naming the server.
    static func classify(_ status: CURLcode, reply: Int, server: String) -> DeliveryError {
        let what = String(cString: curl_easy_strerror(status))
        let code = reply > 0 ? " (reply \(reply))" : ""
        let message = "smtp delivery through '\(server)' failed: \(what)\(code)"
        if reply >= 500 { return .permanent(message) }
        if reply >= 400 { return .transient(message) }
        let transient: [CURLcode] = [CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR,
                                     CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY]
        return transient.contains(status) ? .transient(message) : .permanent(message)
    }
}

/// The message handed to libcurl's read callback piece by piece.
private final class MessageBody {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static let read: arlens_curl_read_callback = { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let body = Unmanaged<MessageBody>.fromOpaque(context).takeUnretainedValue()
        let n = min(size * count, body.bytes.count - body.offset)
        guard n > 0 else { return 0 }
        body.bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + body.offset, byteCount: n)
        }
        body.offset += n
        return n
    }
}
