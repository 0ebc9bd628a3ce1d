/// Why a delivery failed, and whether trying again later may succeed.
public enum DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Worth retrying: the server was unreachable, or answered 4xx (try again later).
    case transient(String)
    /// Not worth retrying: the server refused the message or the address (5xx), or the setup is wrong.
    case permanent(String)

    public var description: String {
        switch self {
        case let .transient(message): message
        case let .permanent(message): message
        }
    }

    public var isTransient: Bool {
        if case .transient = self { return true }
        return false
    }
}
