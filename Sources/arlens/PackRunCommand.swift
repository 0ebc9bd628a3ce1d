import ARImport
import ARQuery
import ARReports
import ArgumentParser
import Foundation

/// Where packs and their run log live, shared by `pack run`, `pack list` and `pack log`.
struct PackPlaces: ParsableArguments {
    @Option(name: .long, help: "The folder of pack files.")
    var packs: String = "Reports"

    @Option(name: .long, help: "The run log (SQLite); default $ARLENS_PACK_LOG or out/pack-runs.sqlite.")
    var log: String?

    var logPath: String { log ?? ProcessInfo.processInfo.environment["ARLENS_PACK_LOG"] ?? "out/pack-runs.sqlite" }

    func loadPacks(_ names: [String] = []) throws -> [PackDefinition] {
        try PackFiles.paths(names, folder: packs).map(PackFiles.load)
    }
}

/// `arlens pack run`: runs what is due (or named packs now), records every run, delivers.
struct PackRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the packs whose schedule is due (--due), or the named packs now; record and deliver each run.",
        discussion: """
        Meant to be called every minute by cron or a systemd timer (docs/packs.md):
          * * * * *  cd /srv/arlens && arlens pack run --due --data store --outbox /srv/outbox
        The mail server comes from --smtp-url or $ARLENS_SMTP_URL; the password only from $ARLENS_SMTP_PASSWORD.
        """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var places: PackPlaces

    @Flag(name: .long, help: "Run what the schedules say is due, and resume unfinished runs.")
    var due = false

    @Argument(help: "Packs to run now (names in the packs folder, or files).")
    var names: [String] = []

    @Option(name: .long, help: "The outbox folder.")
    var outbox: String = "out/outbox"

    @Flag(name: .long, help: "Do not write to the outbox.")
    var noOutbox = false

    @Option(name: .long, help: "smtp://host:587 or smtps://host:465 (default $ARLENS_SMTP_URL).")
    var smtpURL: String?

    @Option(name: .long, help: "The sender address (default $ARLENS_SMTP_FROM or arlens@localhost).")
    var smtpFrom: String?

    @Option(name: .long, help: "The AUTH user name (default $ARLENS_SMTP_USER); the password is $ARLENS_SMTP_PASSWORD.")
    var smtpUser: String?

    @Option(name: .long, help: "STARTTLS: required, opportunistic or none.")
    var smtpTLS: String = "required"

    @Option(name: .long, help: "A PEM file of certificates to trust for the mail server.")
    var smtpCA: String?

    @Option(name: .long, help: "Run as if the time were this instant (ISO 8601, e.g. 2026-11-02T07:00:30+01:00): for replays and tests.")
    var now: String?

    func validate() throws {
        guard due != !names.isEmpty else { throw ValidationError("give either --due or the names of packs to run now") }
        guard SMTPSettings.TLSMode(rawValue: smtpTLS) != nil else { throw ValidationError("--smtp-tls takes required, opportunistic or none") }
        if let now, PackTime.parse(now) == nil { throw ValidationError("--now takes an instant such as 2026-11-02T06:00:00Z, found '\(now)'") }
    }

    func run() throws {
        let packs = try places.loadPacks(due ? [] : names)
        let log = try RunLog(path: places.logPath)
        guard let lock = try RunLock(path: places.logPath + ".lock") else {
            print("another 'arlens pack run' holds \(places.logPath).lock: nothing done")
            return
        }
        let instant = now.flatMap(PackTime.parse) ?? Date()
        let scheduler = PackScheduler(packs: packs, environment: try environment(log: log))
        let reports = due ? try scheduler.runDue(now: instant) : try scheduler.runNow(packs.map(\.name), now: instant)
        withExtendedLifetime(lock) {}
        for report in reports {
            print("\(report.pack) · \(report.recipient) · \(report.scheduledAt): \(report.status.rawValue) — \(report.detail.split(separator: "\n").first ?? "")")
        }
        if reports.isEmpty { print("nothing due") }
        if reports.contains(where: { $0.status == .failed || $0.status == .stale }) { throw ExitCode(1) }
    }

    private func environment(log: RunLog) throws -> PackRunEnvironment {
        let env = ProcessInfo.processInfo.environment
        var mailer: SMTPMailer?
        if let url = smtpURL ?? env["ARLENS_SMTP_URL"] {
            mailer = SMTPMailer(settings: SMTPSettings(url: url, tls: SMTPSettings.TLSMode(rawValue: smtpTLS)!,
                                                       from: smtpFrom ?? env["ARLENS_SMTP_FROM"] ?? "arlens@localhost",
                                                       username: smtpUser ?? env["ARLENS_SMTP_USER"], password: env["ARLENS_SMTP_PASSWORD"],
                                                       caFile: smtpCA))
        }
        let path = try data.resolvedPath()
        let mapping = data.mapping
        let spool = URL(fileURLWithPath: places.logPath).deletingLastPathComponent().appendingPathComponent("pack-spool")
        return PackRunEnvironment(log: log, spool: spool, outbox: noOutbox ? nil : URL(fileURLWithPath: outbox), mailer: mailer,
                                  data: { try QueryRunner(source: OpenedData.open(path: path, mapping: mapping, progress: nil).source) })
    }
}
