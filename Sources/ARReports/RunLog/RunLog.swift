import Foundation
import GRDB

/// The SQLite run log of pack runs: every run's intent is recorded before anything is sent, and
/// its outcome after, so that a restart knows what happened (see ``PackScheduler``).
///
/// ```swift
/// let log = try RunLog(path: "out/pack-runs.sqlite")
/// for run in try log.history(limit: 20) { print(run.pack, run.recipient, run.status) }
/// ```
public final class RunLog: Sendable {
    let queue: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) the log at `path`.
    public init(path: String) throws {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try RunLog.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("runs") { db in
            try db.create(table: "runs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pack", .text).notNull()
                t.column("recipient", .text).notNull()
                t.column("scheduled_at", .text).notNull()
                t.column("trigger", .text).notNull()
                t.column("status", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("snapshot_id", .text)
                t.column("as_of", .text)
                t.column("files", .text)
                t.column("error", .text)
                t.column("message_id", .text)
                t.column("next_attempt_at", .text)
                t.column("owner_notified", .boolean).notNull().defaults(to: false)
                t.column("created_at", .text).notNull()
                t.column("updated_at", .text).notNull()
                t.uniqueKey(["pack", "recipient", "scheduled_at"])
            }
            try db.create(table: "events") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
                t.column("at", .text).notNull()
                t.column("status", .text).notNull()
                t.column("detail", .text)
            }
        }
        return migrator
    }

    /// Records the intent of a run, or returns the run already recorded for the same
    /// (pack, recipient, scheduled time): the key that makes a firing run once.
    public func claim(pack: String, recipient: String, scheduledAt: String, trigger: String,
                      status: PackRun.Status = .rendering, now: Date) throws -> (run: PackRun, isNew: Bool) {
        try queue.write { db in
            if let existing = try PackRun.filter(Column("pack") == pack && Column("recipient") == recipient
                                                 && Column("scheduled_at") == scheduledAt).fetchOne(db) {
                return (existing, false)
            }
            let stamp = PackTime.iso(now)
            var run = PackRun(id: nil, pack: pack, recipient: recipient, scheduledAt: scheduledAt, trigger: trigger, status: status,
                              attempts: 0, snapshotID: nil, asOf: nil, files: nil, error: nil, messageID: nil, nextAttemptAt: nil,
                              ownerNotified: false, createdAt: stamp, updatedAt: stamp)
            try run.insert(db)
            try RunLog.event(db, run: run, at: stamp, detail: nil)
            return (run, true)
        }
    }

    /// Saves `run` (its status and fields) and appends the change to its history; committed before returning.
    public func save(_ run: PackRun, now: Date, detail: String? = nil) throws {
        var copy = run
        copy.updatedAt = PackTime.iso(now)
        try queue.write { db in
            try copy.update(db)
            try RunLog.event(db, run: copy, at: copy.updatedAt, detail: detail)
        }
    }

    private static func event(_ db: Database, run: PackRun, at: String, detail: String?) throws {
        try db.execute(sql: "INSERT INTO events (run_id, at, status, detail) VALUES (?, ?, ?, ?)",
                       arguments: [run.id, at, run.status.rawValue, detail])
    }

    /// The latest scheduled firing recorded for a pack and recipient.
    public func lastScheduled(pack: String, recipient: String) throws -> Date? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT MAX(scheduled_at) FROM runs WHERE pack = ? AND recipient = ? AND trigger = 'schedule'",
                                arguments: [pack, recipient])
        }.flatMap(PackTime.parse)
    }

    /// Runs that are not finished (to reconcile, retry or resume).
    public func unfinished() throws -> [PackRun] {
        try queue.read { db in
            try PackRun.filter(!PackRun.Status.allCases.filter(\.isFinal).map(\.rawValue).contains(Column("status")))
                .order(Column("id")).fetchAll(db)
        }
    }

    /// The most recent runs, newest first, optionally of one pack.
    public func history(pack: String? = nil, limit: Int = 50) throws -> [PackRun] {
        try queue.read { db in
            var request = PackRun.all()
            if let pack { request = request.filter(Column("pack") == pack) }
            return try request.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    /// A run's history of statuses: (time, status, detail), oldest first.
    public func events(of runID: Int64) throws -> [(at: String, status: String, detail: String?)] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT at, status, detail FROM events WHERE run_id = ? ORDER BY id", arguments: [runID])
                .map { ($0["at"], $0["status"], $0["detail"]) }
        }
    }
}
