import ARQuery
import ARReports
import Foundation
import Testing

/// Scheduled runs end to end: the run log, catch-up, stale data, a failing query, retries, and
/// delivery to an outbox and to a real SMTP server on loopback.
@Suite(.serialized)
struct PackSchedulerTests {
    static func yaml(cron: String = "0 7 * * *", catchUp: String = "latest", extra: String = "", email: Bool = true,
                     retry: String = "{attempts: 3, backoff: 10 milliseconds}", page: String = "", onlyCFO: Bool = false) -> String {
        """
        title: Daily test pack
        owner: owner@example.com
        schedule:
          cron: "\(cron)"
          time_zone: Europe/Paris
          catch_up: \(catchUp)
          retry: \(retry)
        \(extra)
        delivery:
          outbox: true
        \(email ? "  email: {subject: \"AR as of {{ $as_of }}: {{ ar | compact }}\", images: attached}" : "")
        recipients:
          - name: cfo
            email: cfo@example.com
        \(onlyCFO ? "" : "  - name: fr\n    email: fr@example.com\n    perimeter: {entity: FR01}")
        pages:
          - title: Balances
            blocks:
              - table: "ar, overdue by entity"
                title: Balances by entity
        \(page)
        """
    }

    struct Setup {
        let folder: URL
        let log: RunLog
        let scheduler: PackScheduler
        var outbox: URL { folder.appendingPathComponent("outbox") }

        init(_ yaml: String, mailer: SMTPMailer? = nil) throws {
            folder = try Fixtures.temporaryFolder()
            log = try RunLog(path: folder.appendingPathComponent("runs.sqlite").path)
            let pack = try Fixtures.pack(yaml, file: "daily.yaml")
            let environment = PackRunEnvironment(log: log, spool: folder.appendingPathComponent("spool"),
                                                 outbox: folder.appendingPathComponent("outbox"), mailer: mailer,
                                                 data: { Fixtures.sample }, pngScale: 1)
            scheduler = PackScheduler(packs: [pack], environment: environment)
        }

        func runs() throws -> [PackRun] { try log.history(limit: 100).reversed() }
    }

    static func mailer(_ server: SMTPTestServer) -> SMTPMailer {
        SMTPMailer(settings: SMTPSettings(url: server.url, tls: .none, from: "packs@example.com", timeout: 20))
    }

    @Test func deliversToTheOutboxAndBySMTPOnceOnly() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let setup = try Setup(Self.yaml(), mailer: Self.mailer(server))
        let now = Fixtures.instant("2026-11-02T07:00:30+01:00")
        let reports = try setup.scheduler.runDue(now: now)
        #expect(reports.map(\.status) == [.delivered, .delivered])
        #expect(reports.map(\.scheduledAt) == ["2026-11-02T06:00:00Z", "2026-11-02T06:00:00Z"])
        let messages = try server.messages()
        #expect(messages.count == 2)
        for (message, run) in zip(messages, try setup.runs()) {
            let parsed = try ParsedMessage.read(message)
            #expect(parsed.defects.isEmpty)
            #expect(parsed.to == "\(run.recipient)@example.com")
            #expect(parsed.subject.hasPrefix("AR as of 2026-10-31: EUR "))
            #expect(parsed.parts.map(\.type).contains("text/html"))
            let outboxPDF = setup.outbox.appendingPathComponent("daily/\(run.recipient)/20261102T060000Z/daily.pdf")
            #expect(try parsed.file("daily.pdf") == [UInt8](try Data(contentsOf: outboxPDF)), "the attachment is the PDF byte for byte")
            #expect(parsed.parts.contains { $0.filename == "daily-page-01.png" && $0.disposition == "attachment" })
            let text = try Fixtures.pdfText(try parsed.file("daily.pdf"))
            if run.recipient == "fr" {
                #expect(text.contains("FR01") && !text.contains("DE01") && !text.contains("US01"), "the FR01 pack holds FR01 alone")
            } else {
                #expect(text.contains("DE01") && text.contains("FR01"))
            }
        }
        // The same firing is never delivered twice.
        #expect(try setup.scheduler.runDue(now: now.addingTimeInterval(30)).isEmpty)
        #expect(try server.messages().count == 2)
        #expect(try setup.runs().map(\.status) == [.delivered, .delivered])
    }

    @Test func aRefusedDeliveryIsRetriedUntilAccepted() throws {
        let server = try SMTPTestServer(refuse: 2)
        defer { server.stop() }
        let setup = try Setup(Self.yaml(), mailer: Self.mailer(server))
        let reports = try setup.scheduler.runDue(now: Fixtures.instant("2026-11-02T06:00:30Z"))
        #expect(reports.map(\.status) == [.delivered, .delivered])
        let cfo = try #require(try setup.runs().first)
        #expect(cfo.attempts == 3)
        let statuses = try setup.log.events(of: cfo.id!).map(\.status)
        #expect(statuses == ["rendering", "rendered", "sending", "retrying", "sending", "retrying", "sending", "delivered"])
        #expect(try server.messages().count == 2)
    }

    @Test func aRetryLongerThanTheLimitWaitsForTheNextCall() throws {
        let server = try SMTPTestServer(refuse: 1)
        defer { server.stop() }
        let setup = try Setup(Self.yaml(retry: "{attempts: 3, backoff: 5 minutes}"), mailer: Self.mailer(server))
        let start = Fixtures.instant("2026-11-02T06:00:30Z")
        #expect(try setup.scheduler.runDue(now: start).map(\.status) == [.retrying, .delivered])
        #expect(try setup.scheduler.runDue(now: start.addingTimeInterval(60)).isEmpty)   // not due yet
        #expect(try setup.scheduler.runDue(now: start.addingTimeInterval(301)).map(\.status) == [.delivered])
        #expect(try setup.runs().map(\.attempts) == [2, 1])
        #expect(try server.messages().count == 2)
    }

    @Test func exhaustedRetriesFailAndTellTheOwner() throws {
        let server = try SMTPTestServer(refuse: 100)
        defer { server.stop() }
        let setup = try Setup(Self.yaml(retry: "{attempts: 2, backoff: 10 milliseconds}"), mailer: Self.mailer(server))
        let reports = try setup.scheduler.runDue(now: Fixtures.instant("2026-11-02T06:00:30Z"))
        #expect(reports.map(\.status) == [.failed, .failed])
        #expect(reports[0].detail.contains("reply 451"))
        #expect(reports[0].detail.contains("attempt 2 of 2"))
        let run = try #require(try setup.runs().first)
        #expect(run.ownerNotified)
        let report = setup.outbox.appendingPathComponent("_reports/daily-cfo-20261102T060000Z-failed/report.txt")
        #expect(try String(contentsOf: report, encoding: .utf8).contains("Status: failed"))
    }

    @Test func aFailingQuerySendsNothingButAFailureReport() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let broken = """
          - title: Broken
            blocks:
              - chart: "ar by entity as of 2031-01-31"
        """
        let setup = try Setup(Self.yaml(page: broken), mailer: Self.mailer(server))
        let reports = try setup.scheduler.runDue(now: Fixtures.instant("2026-11-02T06:00:30Z"))
        #expect(reports.map(\.status) == [.failed, .failed])
        // No half pack: nothing in the outbox for a recipient, and the only e-mails are the owner's reports.
        #expect(!FileManager.default.fileExists(atPath: setup.outbox.appendingPathComponent("daily").path))
        let messages = try server.messages().map(ParsedMessage.read)
        #expect(messages.count == 2)
        for message in messages {
            #expect(message.to == "owner@example.com")
            #expect(message.subject.contains("pack not sent"))
            let text = message.parts.compactMap(\.text).joined()
            #expect(text.contains("Page 2: Broken"))
            #expect(text.contains("Query: ar by entity as of 2031-01-31"))
            #expect(text.contains("error[Q3002]"))
        }
    }

    @Test func missedFiringsFollowTheCatchUpPolicy() throws {
        let firstDay = Fixtures.instant("2026-11-02T06:00:30Z")
        let sixDaysLater = Fixtures.instant("2026-11-07T06:30:00Z")   // 07:30 in Paris: five firings missed meanwhile
        for (policy, delivered, skipped) in [("latest", 1, 4), ("all", 5, 0), ("none", 1, 4)] {
            let setup = try Setup(Self.yaml(catchUp: policy, email: false, onlyCFO: true))
            #expect(try setup.scheduler.runDue(now: firstDay).map(\.status) == [.delivered], "\(policy)")
            let reports = try setup.scheduler.runDue(now: sixDaysLater)
            #expect(reports.filter { $0.status == .delivered }.count == delivered, "\(policy)")
            #expect(reports.filter { $0.status == .skipped }.count == skipped, "\(policy)")
            let scheduled = try setup.runs().filter { $0.status == .delivered }.map(\.scheduledAt)
            #expect(scheduled.last == "2026-11-07T06:00:00Z", "\(policy): the latest firing runs")
        }
    }

    @Test func staleDataWaitsThenIsReported() throws {
        let setup = try Setup(Self.yaml(extra: "  max_data_age: 3 days\n  wait_for_data: 2 hours", email: false, onlyCFO: true))
        // 2026-11-05: the sample (as of 2026-10-31) is five days old.
        let reports = try setup.scheduler.runDue(now: Fixtures.instant("2026-11-05T06:00:30Z"))
        #expect(reports.map(\.status) == [.waiting])
        #expect(reports[0].detail.contains("as of 2026-10-31, 5 days before the run's day 2026-11-05; the pack allows 3"))
        #expect(try setup.scheduler.runDue(now: Fixtures.instant("2026-11-05T07:30:00Z")).map(\.status) == [.waiting])
        let late = try setup.scheduler.runDue(now: Fixtures.instant("2026-11-05T08:00:30Z"))
        #expect(late.map(\.status) == [.stale])
        #expect(!FileManager.default.fileExists(atPath: setup.outbox.appendingPathComponent("daily").path))
        #expect(try setup.runs().first?.ownerNotified == true)
    }

    @Test func anEmailInFlightWhenTheProcessDiedIsNotResent() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let setup = try Setup(Self.yaml(), mailer: Self.mailer(server))
        let now = Fixtures.instant("2026-11-02T06:00:30Z")
        // What a process killed during the SMTP exchange leaves behind.
        var run = try setup.log.claim(pack: "daily", recipient: "cfo", scheduledAt: "2026-11-02T06:00:00Z", trigger: "schedule", now: now).run
        run.status = .sending
        run.attempts = 1
        try setup.log.save(run, now: now)
        let reports = try setup.scheduler.runDue(now: now.addingTimeInterval(60))
        #expect(reports.first?.status == .unconfirmed)
        #expect(reports.dropFirst().map(\.status) == [.delivered])   // the other recipient's run goes ahead
        #expect(try server.messages().map(ParsedMessage.read).map(\.to).sorted() == ["fr@example.com", "owner@example.com"])
    }

    @Test func startTLSAndAuthentication() throws {
        let certificates = try Fixtures.temporaryFolder()
        let tls = try SMTPTestServer.certificate(in: certificates)
        let server = try SMTPTestServer(tls: tls, auth: "packs:s3cret")
        defer { server.stop() }
        func mailer(password: String) -> SMTPMailer {
            SMTPMailer(settings: SMTPSettings(url: server.url, tls: .required, from: "packs@example.com", username: "packs",
                                              password: password, caFile: tls.cert, timeout: 20))
        }
        let good = try Setup(Self.yaml(), mailer: mailer(password: "s3cret"))
        #expect(try good.scheduler.runDue(now: Fixtures.instant("2026-11-02T06:00:30Z")).map(\.status) == [.delivered, .delivered])
        #expect(try server.messages().count == 2)
        let bad = try Setup(Self.yaml(), mailer: mailer(password: "wrong"))
        let reports = try bad.scheduler.runDue(now: Fixtures.instant("2026-11-02T06:00:30Z"))
        #expect(reports.map(\.status) == [.failed, .failed])
        #expect(try bad.runs().map(\.attempts) == [1, 1])   // a refused login is not retried
    }
}
