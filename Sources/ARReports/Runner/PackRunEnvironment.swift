import ARQuery
import Foundation

/// What running packs needs besides the packs: the run log, where files wait and go, the mail
/// server, the data, and the clock's sleep.
public struct PackRunEnvironment: Sendable {
    public var log: RunLog
    /// Rendered files wait here until delivered (one folder per run).
    public var spool: URL
    /// The outbox folder; nil: no delivery to a folder.
    public var outbox: URL?
    /// The mail server; nil: no e-mail (a pack that wants one fails and says so).
    public var mailer: SMTPMailer?
    /// The data, loaded when a run first needs it.
    public var data: @Sendable () throws -> QueryRunner
    /// Waits between delivery attempts made in the same process.
    public var sleep: @Sendable (Duration) -> Void
    /// Retries whose wait is at most this long happen in the same process; longer ones are left to
    /// the next `pack run --due`.
    public var inProcessRetryLimit: Duration
    public var pngScale: Double

    public init(log: RunLog, spool: URL, outbox: URL?, mailer: SMTPMailer?, data: @escaping @Sendable () throws -> QueryRunner,
                sleep: @escaping @Sendable (Duration) -> Void = PackRunEnvironment.threadSleep,
                inProcessRetryLimit: Duration = .seconds(30), pngScale: Double = 2) {
        self.log = log
        self.spool = spool
        self.outbox = outbox
        self.mailer = mailer
        self.data = data
        self.sleep = sleep
        self.inProcessRetryLimit = inProcessRetryLimit
        self.pngScale = pngScale
    }

    /// Blocks the calling thread for `duration`.
    public static let threadSleep: @Sendable (Duration) -> Void = { Thread.sleep(forTimeInterval: $0.seconds) }
}

/// What happened to one run in this invocation, for the command's output.
public struct RunReport: Sendable, Equatable {
    public var pack: String
    public var recipient: String
    public var scheduledAt: String
    public var status: PackRun.Status
    /// One line: where the files went, or what failed.
    public var detail: String
}

/// The data, loaded once for all the runs of an invocation, and only if one needs it.
/// @unchecked Sendable: the lock guards the cached value.
final class DataOnce: @unchecked Sendable {
    private let load: @Sendable () throws -> QueryRunner
    private var result: Result<QueryRunner, any Error>?
    private let lock = NSLock()

    init(_ load: @escaping @Sendable () throws -> QueryRunner) { self.load = load }

    func get() throws -> QueryRunner {
        try lock.withLock {
            if let result { return try result.get() }
            let loaded = Result { try load() }
            result = loaded
            return try loaded.get()
        }
    }
}
