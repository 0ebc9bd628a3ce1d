import Foundation

/// Runs packs and records every run: what the schedules say is due (`pack run --due`, meant to
/// be called every minute), or named packs now.
///
/// The same (pack, recipient, scheduled time) is delivered at most once. Each run's intent is
/// committed to the run log before rendering, the e-mail's start before it is handed to the
/// server, and the outcome after. A new invocation first reconciles what a killed one left:
/// a run killed while rendering is rendered again (nothing was sent), one killed with its files
/// rendered is delivered, and one killed while its e-mail was being sent is recorded as
/// `unconfirmed` and never resent (the owner is told).
public final class PackScheduler: Sendable {
    public let packs: [PackDefinition]
    let environment: PackRunEnvironment
    let data: DataOnce

    /// A fresh pack (nothing in the log) counts firings from this long ago.
    public static let firstRunLookback: TimeInterval = 86_400
    /// Under `catch_up: none`, a firing older than this is a missed one.
    public static let onTimeWindow: TimeInterval = 3600

    public init(packs: [PackDefinition], environment: PackRunEnvironment) {
        self.packs = packs
        self.environment = environment
        data = DataOnce(environment.data)
    }

    /// Reconciles, then runs every firing due by `now` and every run waiting for a retry or for data.
    public func runDue(now: Date) throws -> [RunReport] {
        var reports = try reconcile(now: now)
        var todo = try environment.log.unfinished().filter { run in
            run.status != .retrying || (run.nextAttemptAt.flatMap(PackTime.parse) ?? now) <= now
        }
        for pack in packs where pack.schedule != nil {
            for recipient in pack.recipients {
                let (due, skipped) = try firings(pack, recipient: recipient, now: now)
                for firing in skipped {
                    let claim = try environment.log.claim(pack: pack.name, recipient: recipient.name, scheduledAt: PackTime.iso(firing),
                                                          trigger: "schedule", status: .skipped, now: now)
                    if claim.isNew { reports.append(report(claim.run, "missed while nothing ran; catch_up \(pack.schedule!.catchUp.rawValue)")) }
                }
                for firing in due {
                    let claim = try environment.log.claim(pack: pack.name, recipient: recipient.name, scheduledAt: PackTime.iso(firing),
                                                          trigger: "schedule", now: now)
                    if claim.isNew { todo.append(claim.run) }
                }
            }
        }
        return reports + todo.compactMap { execute($0, now: now) }
    }

    /// Runs the named packs now, for every recipient, as manual runs.
    public func runNow(_ names: [String], now: Date) throws -> [RunReport] {
        var reports = try reconcile(now: now)
        for pack in packs where names.contains(pack.name) {
            for recipient in pack.recipients {
                let claim = try environment.log.claim(pack: pack.name, recipient: recipient.name, scheduledAt: PackTime.iso(now),
                                                      trigger: "manual", now: now)
                if let report = execute(claim.run, now: now) { reports.append(report) }
            }
        }
        return reports
    }

    /// The firings of `pack` for `recipient` since the last recorded one: those to run and those
    /// the catch-up policy skips.
    func firings(_ pack: PackDefinition, recipient: PackRecipient, now: Date) throws -> (due: [Date], skipped: [Date]) {
        guard let schedule = pack.schedule else { return ([], []) }
        let since = try environment.log.lastScheduled(pack: pack.name, recipient: recipient.name)
            ?? now.addingTimeInterval(-PackScheduler.firstRunLookback)
        let all = schedule.firings(after: since, through: now)
        guard let latest = all.last else { return ([], []) }
        switch schedule.catchUp {
        case .latest: return ([latest], Array(all.dropLast()))
        case .all: return (all, [])
        case .none:
            let onTime = all.filter { now.timeIntervalSince($0) <= PackScheduler.onTimeWindow }
            return (onTime, all.filter { now.timeIntervalSince($0) > PackScheduler.onTimeWindow })
        }
    }

    /// Settles runs a killed process left mid-delivery: an e-mail that was being sent is not resent.
    func reconcile(now: Date) throws -> [RunReport] {
        var reports: [RunReport] = []
        for var run in try environment.log.unfinished() where run.status == .sending {
            run.status = .unconfirmed
            run.error = "the process ended while the e-mail was being sent (attempt \(run.attempts)); it may have been delivered, "
                + "so it was not sent again to avoid a duplicate"
            notifyOwner(&run, subject: "delivery unconfirmed", body: run.error!, now: now)
            try environment.log.save(run, now: now, detail: "reconciled after a restart")
            reports.append(report(run, run.error!))
        }
        return reports
    }

    func report(_ run: PackRun, _ detail: String) -> RunReport {
        RunReport(pack: run.pack, recipient: run.recipient, scheduledAt: run.scheduledAt, status: run.status, detail: detail)
    }

    func pack(named name: String) -> PackDefinition? { packs.first { $0.name == name } }
}
