import Foundation

/// An e-mail in MIME: a text and an HTML body, files attached, images shown inline.
///
/// ```
/// multipart/mixed
///   multipart/related            (when images are inline)
///     multipart/alternative
///       text/plain, text/html
///     image/png ×N               (Content-ID, referenced by the HTML)
///   application/pdf              (attachment)
///   image/png ×N                 (attachments, when images are attached)
/// ```
public struct MIMEMessage: Sendable {
    public struct Attachment: Sendable {
        public var name: String
        public var type: String
        public var bytes: [UInt8]
        /// Set for an image the HTML shows (`<img src="cid:…">`).
        public var contentID: String?

        public init(name: String, type: String, bytes: [UInt8], contentID: String? = nil) {
            self.name = name
            self.type = type
            self.bytes = bytes
            self.contentID = contentID
        }
    }

    public var from: String
    public var to: [String]
    public var subject: String
    public var date: Date
    /// Without angle brackets: `cfo-monthly.cfo.20261102T060000Z@arlens`.
    public var messageID: String
    public var text: String
    public var html: String
    public var attachments: [Attachment]

    public init(from: String, to: [String], subject: String, date: Date, messageID: String, text: String, html: String,
                attachments: [Attachment]) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
        self.attachments = attachments
    }

    /// The message as sent: headers and body, CRLF line ends, parts in base64 or quoted-printable.
    public func encoded() -> [UInt8] {
        // Boundaries from the Message-ID: the same message encodes to the same bytes on every attempt.
        let seed = String(messageID.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16)
        var lines = [
            "From: \(from)", "To: \(to.joined(separator: ", "))", "Subject: \(MIMEText.header(subject))",
            "Date: \(MIMEText.date(date))", "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
            "X-Mailer: ARLens report packs",
        ]
        let mixed = "mixed-\(seed)"
        lines += ["Content-Type: multipart/mixed; boundary=\"\(mixed)\"", "", "This is a MIME message.", ""]
        lines += ["--\(mixed)"] + bodyPart(seed: seed)
        for attachment in attachments where attachment.contentID == nil {
            lines += ["--\(mixed)"] + MIMEText.filePart(attachment, disposition: "attachment")
        }
        lines += ["--\(mixed)--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// The text and HTML alternatives, wrapped with the inline images when there are some.
    private func bodyPart(seed: String) -> [String] {
        let alternative = "alternative-\(seed)"
        var lines = ["Content-Type: multipart/alternative; boundary=\"\(alternative)\"", ""]
        lines += ["--\(alternative)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
                  MIMEText.quotedPrintable(text)]
        lines += ["--\(alternative)", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
                  MIMEText.quotedPrintable(html)]
        lines += ["--\(alternative)--"]
        let inline = attachments.filter { $0.contentID != nil }
        guard !inline.isEmpty else { return lines }
        let related = "related-\(seed)"
        var wrapped = ["Content-Type: multipart/related; boundary=\"\(related)\"", "", "--\(related)"] + lines
        for image in inline { wrapped += ["--\(related)"] + MIMEText.filePart(image, disposition: "inline") }
        return wrapped + ["--\(related)--"]
    }
}

/// Encodings of RFC 2045–2047 and the RFC 5322 date.
enum MIMEText {
    static func filePart(_ file: MIMEMessage.Attachment, disposition: String) -> [String] {
        var lines = ["Content-Type: \(file.type); name=\"\(file.name)\"", "Content-Transfer-Encoding: base64",
                     "Content-Disposition: \(disposition); filename=\"\(file.name)\""]
        if let id = file.contentID { lines.append("Content-ID: <\(id)>") }
        return lines + ["", Data(file.bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn,
                                                                           .endLineWithLineFeed])]
    }

    /// A header value, as an RFC 2047 encoded word when it is not plain ASCII.
    static func header(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value > 126 || $0.value < 32 }) else { return text }
        return "=?utf-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }

    /// Quoted-printable (RFC 2045): lines of at most 76 characters, CRLF line ends.
    static func quotedPrintable(_ text: String) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var encoded = "", width = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let plain = (byte >= 33 && byte <= 126 && byte != 61) || (byte == 32 && !last)
                let piece = plain ? String(UnicodeScalar(byte)) : "=" + hex(byte)
                if width + piece.count > 75 {
                    encoded += "=\r\n"
                    width = 0
                }
                encoded += piece
                width += piece.count
            }
            out.append(encoded)
        }
        return out.joined(separator: "\r\n")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// `Mon, 02 Nov 2026 06:00:00 +0000`.
    static func date(_ date: Date) -> String {
        let local = LocalTime(date, in: .gmt)
        let (year, month, day) = local.day.components
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[local.day.weekdayFromMonday]), \(two(day)) \(months[month - 1]) \(year) "
            + "\(two(local.minute / 60)):\(two(local.minute % 60)):\(two(seconds)) +0000"
    }
}
