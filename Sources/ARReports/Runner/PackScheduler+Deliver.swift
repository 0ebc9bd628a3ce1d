import Foundation

extension PackScheduler {
    /// Delivers a rendered run: to the outbox, then by e-mail, retrying transient failures.
    func deliver(_ run: inout PackRun, pack: PackDefinition, recipient: PackRecipient, now: Date) throws -> RunReport {
        let folder = environment.spool.appendingPathComponent("run-\(run.id!)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? []
        guard names.contains("\(pack.name).pdf") else {
            fail(&run, "the rendered files of run \(run.id!) are missing from '\(folder.path)'", now: now)
            return report(run, run.error!)
        }
        var delivered: [String] = []
        if pack.delivery.outbox, let outbox = environment.outbox {
            let target = outbox.appendingPathComponent(pack.name).appendingPathComponent(recipient.name)
                .appendingPathComponent(run.scheduledAt.filter { $0.isNumber || $0 == "T" || $0 == "Z" })
            let files = try names.filter { $0 != "message.eml" }.map { name in
                (name: name, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
            }
            let paths = try AtomicFolder.write(files, to: target)
            if !run.fileList.contains(paths[0]) { run.files = (run.fileList + paths).joined(separator: "\n") }
            delivered.append("outbox \(target.path)")
        }
        if names.contains("message.eml"), let address = recipient.email {
            let message = [UInt8](try Data(contentsOf: folder.appendingPathComponent("message.eml")))
            guard try send(message, to: address, run: &run, pack: pack, now: now) else { return report(run, run.error ?? "") }
            delivered.append("e-mail to \(address)")
        } else if pack.delivery.email != nil, recipient.email != nil, environment.mailer == nil {
            fail(&run, "the pack is e-mailed but no mail server is set: pass --smtp-url (or set ARLENS_SMTP_URL)", now: now)
            return report(run, run.error!)
        }
        run.status = .delivered
        run.error = nil
        run.nextAttemptAt = nil
        try environment.log.save(run, now: now, detail: delivered.joined(separator: "; "))
        return report(run, delivered.isEmpty ? "rendered; no delivery configured" : delivered.joined(separator: "; "))
    }

    /// Sends the e-mail, recording `sending` before each attempt. Returns true once sent; false
    /// when the run failed or waits for a later retry.
    private func send(_ message: [UInt8], to address: String, run: inout PackRun, pack: PackDefinition, now: Date) throws -> Bool {
        guard let mailer = environment.mailer else {
            fail(&run, "the pack is e-mailed but no mail server is set: pass --smtp-url (or set ARLENS_SMTP_URL)", now: now)
            return false
        }
        let retry = pack.schedule?.retry ?? RetryPolicy()
        var clock = now
        while true {
            run.status = .sending
            run.attempts += 1
            try environment.log.save(run, now: clock, detail: "attempt \(run.attempts) to \(address)")
            do throws(DeliveryError) {
                try mailer.send(message, to: [address])
                return true
            } catch {
                guard error.isTransient, run.attempts < retry.attempts else {
                    fail(&run, "\(error) (attempt \(run.attempts) of \(retry.attempts))", now: clock)
                    return false
                }
                let delay = retry.delay(afterAttempt: run.attempts)
                run.status = .retrying
                run.error = error.description
                run.nextAttemptAt = PackTime.iso(clock.addingTimeInterval(delay.seconds))
                try environment.log.save(run, now: clock, detail: "retry in \(delay)")
                guard delay <= environment.inProcessRetryLimit else { return false }
                environment.sleep(delay)
                clock = clock.addingTimeInterval(delay.seconds)
            }
        }
    }

    /// Records a failure and tells the pack's owner.
    func fail(_ run: inout PackRun, _ message: String, now: Date) {
        run.status = .failed
        run.error = message
        run.nextAttemptAt = nil
        notifyOwner(&run, subject: "pack not sent", body: message, now: now)
        try? environment.log.save(run, now: now)
    }

    /// Writes a report for the pack's owner to the outbox (or the spool) and e-mails it when a
    /// mail server and an owner address are set; `ownerNotified` says whether either worked.
    func notifyOwner(_ run: inout PackRun, subject: String, body: String, now: Date) {
        let text = "Pack: \(run.pack)\nRecipient: \(run.recipient)\nScheduled: \(run.scheduledAt)\nStatus: \(run.status.rawValue)\n\n\(body)\n"
        let stamp = run.scheduledAt.filter { $0.isNumber || $0 == "T" || $0 == "Z" }
        let folder = (environment.outbox ?? environment.spool).appendingPathComponent("_reports")
            .appendingPathComponent("\(run.pack)-\(run.recipient)-\(stamp)-\(run.status.rawValue)")
        var told = (try? AtomicFolder.write([(name: "report.txt", bytes: Array(text.utf8))], to: folder)) != nil
        if let mailer = environment.mailer, let owner = pack(named: run.pack)?.owner {
            let message = MIMEMessage(from: mailer.settings.from, to: [owner], subject: "ARLens: \(run.pack) for \(run.recipient): \(subject)",
                                      date: now, messageID: "report.\(run.pack).\(run.recipient).\(stamp).\(run.status.rawValue)@arlens",
                                      text: text, html: "<pre>\(PackEmail.escape(text))</pre>", attachments: [])
            told = (try? mailer.send(message.encoded(), to: [owner])) != nil || told
        }
        run.ownerNotified = told
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
