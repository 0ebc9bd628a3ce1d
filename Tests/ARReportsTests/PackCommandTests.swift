import ARReports
import Foundation
import Testing

/// `arlens pack …` as cron runs it: the built binary, a real SMTP server, the run log on disk,
/// and a process killed with SIGKILL between the server's acceptance and the log's update.
@Suite(.serialized)
struct PackCommandTests {
    static let binary: URL = {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [bundle.appendingPathComponent("arlens"), Fixtures.root.appendingPathComponent(".build/debug/arlens")]
            where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return Fixtures.root.appendingPathComponent(".build/debug/arlens")
    }()

    /// Starts `arlens ARGS` in the repository root.
    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        return (process, out)
    }

    static func arlens(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let (process, out) = try start(arguments)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func runDueDeliversBothShippedPacksToTheOutboxAndBySMTP() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let folder = try Fixtures.temporaryFolder()
        let log = folder.appendingPathComponent("runs.sqlite").path, outbox = folder.appendingPathComponent("outbox")
        // Monday 2026-11-02, 08:00:30 in Paris: the CFO pack fired at 07:00, the worklist at 08:00.
        let run = try Self.arlens(["pack", "run", "--due", "--data", "datasets/sample", "--log", log, "--outbox", outbox.path,
                                   "--smtp-url", server.url, "--smtp-tls", "none", "--now", "2026-11-02T08:00:30+01:00"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.components(separatedBy: ": delivered").count - 1 == 5, "\(run.output)")
        let recipients = try server.messages().map(ParsedMessage.read).map(\.to).sorted()
        #expect(recipients == ["cfo@example.com", "collectors.amer@example.com", "collectors.apac@example.com",
                               "collectors.emea@example.com", "controller.fr@example.com"])
        for path in ["cfo-monthly/cfo/20261102T060000Z/cfo-monthly.pdf", "collector-weekly/emea/20261102T070000Z/collector-weekly.pdf"] {
            #expect(FileManager.default.fileExists(atPath: outbox.appendingPathComponent(path).path), "\(path)")
        }
        let again = try Self.arlens(["pack", "run", "--due", "--data", "datasets/sample", "--log", log, "--outbox", outbox.path,
                                     "--smtp-url", server.url, "--smtp-tls", "none", "--now", "2026-11-02T08:01:30+01:00"])
        #expect(again.output.contains("nothing due"))
        let history = try Self.arlens(["pack", "log", "--log", log])
        #expect(history.output.components(separatedBy: " delivered ").count - 1 == 5, "\(history.output)")
    }

    @Test func killedAfterTheServerAcceptedThenRestartedSendsNoSecondEmail() throws {
        let folder = try Fixtures.temporaryFolder()
        let pidFile = folder.appendingPathComponent("arlens.pid").path
        let server = try SMTPTestServer(killOnQuit: pidFile)
        defer { server.stop() }
        let packs = folder.appendingPathComponent("packs")
        try FileManager.default.createDirectory(at: packs, withIntermediateDirectories: true)
        try Data(PackSchedulerTests.yaml(onlyCFO: true).utf8).write(to: packs.appendingPathComponent("daily.yaml"))
        let log = folder.appendingPathComponent("runs.sqlite").path
        let arguments = ["pack", "run", "--due", "--packs", packs.path, "--data", "datasets/sample", "--log", log,
                         "--outbox", folder.appendingPathComponent("outbox").path, "--smtp-url", server.url, "--smtp-tls", "none",
                         "--now", "2026-11-02T06:00:30Z"]

        let (process, out) = try Self.start(arguments)
        try Data(String(process.processIdentifier).utf8).write(to: URL(fileURLWithPath: pidFile))
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == 9, "the server killed arlens on QUIT")
        #expect(try server.messages().count == 1)
        #expect(try RunLog(path: log).history().first?.status == .sending, "killed before the outcome was recorded")

        try FileManager.default.removeItem(atPath: pidFile)
        let restart = try Self.arlens(arguments)
        #expect(restart.output.contains("daily · cfo · 2026-11-02T06:00:00Z: unconfirmed"), "\(restart.output)")
        let run = try #require(try RunLog(path: log).history().first)
        #expect(run.status == .unconfirmed)
        #expect(run.ownerNotified)
        let received = try server.messages().map(ParsedMessage.read)
        #expect(received.map(\.to) == ["cfo@example.com", "owner@example.com"], "no second e-mail to the recipient")
        #expect(received[1].subject.contains("delivery unconfirmed"))
    }

    @Test func checkPrintsErrorsWithTheLineAndACaret() throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("bad.yaml")
        try Data("""
        title: Bad
        recipients: [{name: cfo}]
        pages:
          - title: One
            blocks:
              - chart: "overdue by entiy"
        """.utf8).write(to: file)
        let result = try Self.arlens(["pack", "check", file.path])
        #expect(result.status == 1)
        #expect(result.output.contains("""
        error[Q2002]: expected a dimension, found 'entiy'
         --> \(file.path):6:28
          |
        6 |       - chart: "overdue by entiy"
          |                            ^^^^^
          = help: did you mean 'entity'?
        """), "\(result.output)")
        let good = try Self.arlens(["pack", "check", "Reports/cfo-monthly.yaml", "Reports/collector-weekly.yaml"])
        #expect(good.status == 0, "\(good.output)")
    }

    @Test func listShowsTheNextRuns() throws {
        let result = try Self.arlens(["pack", "list", "--now", "2026-11-02T08:00:30+01:00", "--log", "/nonexistent/runs.sqlite"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("cfo-monthly       Receivables month-end pack  0 7 2 * * Europe/Paris    2026-12-02 07:00 Europe/Paris"),
                "\(result.output)")
        #expect(result.output.contains("2026-11-09 08:00 Europe/Paris"))
    }

    @Test func renderWritesEachRecipientsFiles() throws {
        let out = try Fixtures.temporaryFolder()
        let result = try Self.arlens(["pack", "render", "Reports/collector-weekly.yaml", "--out", out.path, "--recipient", "apac",
                                      "--scale", "1"])
        #expect(result.status == 0, "\(result.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("apac").path).sorted()
        #expect(files.first == "collector-weekly-page-01.png")
        #expect(files.last == "collector-weekly.pdf")
        #expect(!files.contains { $0.hasPrefix(".tmp") })
    }
}
