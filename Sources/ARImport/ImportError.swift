/// A problem that stops the whole import: a missing required file or column, an unreadable
/// file, a bad mapping. The message names the file and says what to fix.
public struct ImportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file (or mapping file) at fault.
    public var file: String
    /// What is wrong and how to fix it, on one line.
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
