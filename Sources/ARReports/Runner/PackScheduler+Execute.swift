import ARCore
import ARQuery
import Foundation

extension PackScheduler {
    /// Takes one run as far as it can go now: render (unless rendered already), then deliver.
    func execute(_ original: PackRun, now: Date) -> RunReport? {
        guard let pack = pack(named: original.pack), let recipient = pack.recipients.first(where: { $0.name == original.recipient }) else {
            return nil
        }
        var run = original
        do {
            if run.status == .rendering || run.status == .waiting {
                guard try render(&run, pack: pack, recipient: recipient, now: now) else { return report(run, run.error ?? "waiting for data") }
            }
            return try deliver(&run, pack: pack, recipient: recipient, now: now)
        } catch {
            fail(&run, "the run log or the spool could not be written: \(error)", now: now)
            return report(run, run.error ?? "")
        }
    }

    /// Renders the run's pack into the spool. Returns false when the run stops here (failed,
    /// stale, or waiting for data).
    private func render(_ run: inout PackRun, pack: PackDefinition, recipient: PackRecipient, now: Date) throws -> Bool {
        let runner: QueryRunner
        do {
            runner = try data.get()
        } catch {
            fail(&run, "the data could not be read: \(error)", now: now)
            return false
        }
        if let stale = staleness(run, pack: pack, latest: runner.source.latest.asOf, now: now) {
            if stale.wait {
                if run.status != .waiting || run.error != stale.message {
                    run.status = .waiting
                    run.error = stale.message
                    try environment.log.save(run, now: now)
                }
            } else {
                run.status = .stale
                run.error = stale.message
                notifyOwner(&run, subject: "data stale, pack not sent", body: stale.message, now: now)
                try environment.log.save(run, now: now)
            }
            return false
        }
        if run.status == .waiting {
            run.status = .rendering
            try environment.log.save(run, now: now, detail: "fresh data arrived")
        }
        let zone = pack.schedule?.timeZone ?? .gmt
        do {
            let parameters = try PackParameters.resolve(pack, recipient: recipient, latest: runner.source.latest.asOf)
            let rendered = try PackRenderer.render(pack, runner: runner, parameters: parameters,
                                                   options: PackRenderOptions(pngScale: environment.pngScale, generatedAt: now, timeZone: zone))
            var files = rendered.files(named: pack.name)
            if let settings = pack.delivery.email, let address = recipient.email, let mailer = environment.mailer {
                let message = try PackEmail.compose(pack, settings: settings, rendered: rendered, to: address, from: mailer.settings.from,
                                                    runner: runner, scheduledAt: run.scheduledAt, date: now)
                files.append((name: "message.eml", bytes: message.encoded()))
                run.messageID = message.messageID
            }
            let paths = try AtomicFolder.write(files, to: environment.spool.appendingPathComponent("run-\(run.id!)"))
            run.status = .rendered
            run.files = paths.joined(separator: "\n")
            run.snapshotID = rendered.evaluated.snapshotID
            run.asOf = parameters.asOf.iso
            try environment.log.save(run, now: now, detail: "\(rendered.pngs.count) pages in \(Int(rendered.timings.total)) ms")
            return true
        } catch let error as PackRenderError {
            fail(&run, error.report, now: now)
            return false
        }
    }

    /// Why the data is too old for the run, and whether to wait for newer data.
    private func staleness(_ run: PackRun, pack: PackDefinition, latest: Day, now: Date) -> (message: String, wait: Bool)? {
        guard let schedule = pack.schedule, let maxAge = schedule.maxDataAgeDays, let scheduled = run.scheduled else { return nil }
        let day = LocalTime(scheduled, in: schedule.timeZone).day
        let age = day.days(since: latest)
        guard age > maxAge else { return nil }
        let deadline = scheduled.addingTimeInterval(Double(schedule.waitForData.components.seconds))
        let message = "the latest snapshot is as of \(latest.iso), \(age) days before the run's day \(day.iso); the pack allows \(maxAge)"
        let wait = run.trigger == "schedule" && now < deadline
        return (wait ? message + "; waiting until \(PackTime.minute(deadline, in: schedule.timeZone))" : message, wait)
    }
}
