/// How a pack reaches its recipients: files in an outbox, an e-mail, or both.
public struct DeliverySettings: Sendable {
    /// Whether each run's files are written to the outbox folder.
    public var outbox: Bool
    /// The e-mail sent to each recipient that has an address; nil: no e-mail.
    public var email: EmailSettings?

    public init(outbox: Bool = true, email: EmailSettings? = nil) {
        self.outbox = outbox
        self.email = email
    }
}

/// The e-mail of a pack: subject, where the page images go, an optional note above the figures.
public struct EmailSettings: Sendable {
    public var subject: TextTemplate
    public var images: ImagePlacement
    public var note: String?

    public init(subject: TextTemplate, images: ImagePlacement = .inline, note: String? = nil) {
        self.subject = subject
        self.images = images
        self.note = note
    }
}

/// Where the PNG pages go in an e-mail (the PDF is always attached).
public enum ImagePlacement: String, Sendable, CaseIterable {
    /// Shown in the HTML body, one under the other.
    case inline
    /// Attached as files beside the PDF.
    case attached
    /// Left out: the PDF alone.
    case none
}
