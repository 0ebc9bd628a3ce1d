import Foundation
import GRDB

/// One run of a pack for one recipient and one scheduled time: a row of the run log.
///
/// (pack, recipient, scheduled) is unique: the same firing is never delivered twice.
public struct PackRun: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    public var id: Int64?
    public var pack: String
    public var recipient: String
    /// The firing this run is for (`PackTime.iso`, UTC), or the time a manual run was asked for.
    public var scheduledAt: String
    /// `schedule` or `manual`.
    public var trigger: String
    public var status: Status
    /// Delivery attempts made so far.
    public var attempts: Int
    public var snapshotID: String?
    public var asOf: String?
    /// The files of the run, one path per line (spool, then outbox).
    public var files: String?
    /// The error or the failure report, when the run did not go as planned.
    public var error: String?
    /// The e-mail's Message-ID, the same on every attempt.
    public var messageID: String?
    public var nextAttemptAt: String?
    /// Whether the pack's owner was told of a failure.
    public var ownerNotified: Bool
    public var createdAt: String
    public var updatedAt: String

    /// Where a run stands. Only `delivered`, `failed`, `stale`, `unconfirmed` and `skipped` are final.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// The intent is recorded and the pack is being rendered; nothing has been sent.
        case rendering
        /// The data is older than the pack allows; the run waits for a newer snapshot.
        case waiting
        /// The files are rendered and kept in the spool, ready to deliver.
        case rendered
        /// The e-mail is being handed to the server: if the process dies now, the outcome is unknown.
        case sending
        /// A delivery attempt failed in a way worth retrying; `nextAttemptAt` says when.
        case retrying
        case delivered
        /// Not delivered: the pack could not be rendered, or delivery failed for good. The owner is told.
        case failed
        /// Not delivered: no fresh enough snapshot came in time. The owner is told.
        case stale
        /// The process ended while the e-mail was being sent; it may have arrived, and is not resent.
        case unconfirmed
        /// A missed firing the catch-up policy does not run.
        case skipped

        public var isFinal: Bool { [.delivered, .failed, .stale, .unconfirmed, .skipped].contains(self) }
    }

    enum CodingKeys: String, CodingKey {
        case id, pack, recipient, trigger, status, attempts, files, error
        case scheduledAt = "scheduled_at", snapshotID = "snapshot_id", asOf = "as_of", messageID = "message_id"
        case nextAttemptAt = "next_attempt_at", ownerNotified = "owner_notified", createdAt = "created_at", updatedAt = "updated_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The scheduled time as an instant.
    public var scheduled: Date? { PackTime.parse(scheduledAt) }

    /// The files as a list.
    public var fileList: [String] { files?.split(separator: "\n").map(String.init) ?? [] }
}
