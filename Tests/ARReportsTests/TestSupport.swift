import ARImport
import ARQuery
import ARReports
import Foundation

/// Shared fixtures: the repository, the bundled sample loaded once, temporary folders.
enum Fixtures {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The sample ledger (20,000 documents as of 2026-10-31), loaded once for every test.
    static let sample: QueryRunner = {
        let data = try! OpenedData.open(path: root.appendingPathComponent("datasets/sample").path, mapping: nil, progress: nil)
        return try! QueryRunner(source: data.source)
    }()

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-packs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func pack(_ yaml: String, file: String = "test-pack.yaml") throws -> PackDefinition {
        try PackLoader.parse(yaml, file: file)
    }

    /// Runs a program and returns its standard output (standard error is kept apart).
    @discardableResult
    static func run(_ program: String, _ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// The text of a PDF as poppler's pdftotext reads it, pages separated by form feeds.
    static func pdfText(_ pdf: [UInt8], layout: Bool = false) throws -> String {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("pack.pdf")
        try Data(pdf).write(to: file)
        return try run("pdftotext", (layout ? ["-layout"] : []) + [file.path, "-"]).out
    }

    static func instant(_ text: String) -> Date { PackTime.parse(text)! }
}

/// A real SMTP server (aiosmtpd, Tests/smtp/smtp_server.py) on a free loopback port, for one test.
final class SMTPTestServer {
    let process = Process()
    let input = Pipe()
    let folder: URL
    let port: Int

    init(refuse: Int = 0, killOnQuit pidFile: String? = nil, tls: (cert: String, key: String)? = nil, auth: String? = nil) throws {
        folder = try Fixtures.temporaryFolder()
        var arguments = [Fixtures.root.appendingPathComponent("Tests/smtp/smtp_server.py").path, "--dir", folder.path,
                         "--refuse", String(refuse)]
        if let pidFile { arguments += ["--kill-on-quit", pidFile] }
        if let tls { arguments += ["--tls", tls.cert, tls.key] }
        if let auth { arguments += ["--auth", auth] }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        let line = SMTPTestServer.firstLine(output.fileHandleForReading)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            throw SMTPTestServerError(message: "the SMTP test server did not start (is aiosmtpd installed? scripts/test installs it): '\(line)'")
        }
        self.port = port
    }

    var url: String { "smtp://127.0.0.1:\(port)" }

    /// The messages received so far, in order.
    func messages() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" }
            .sorted { Int($0.deletingPathExtension().lastPathComponent)! < Int($1.deletingPathExtension().lastPathComponent)! }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { if process.isRunning { stop() } }

    private static func firstLine(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1), let first = byte.first, first != 10 { bytes.append(first) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A self-signed certificate for 127.0.0.1 (openssl), for STARTTLS tests.
    static func certificate(in folder: URL) throws -> (cert: String, key: String) {
        let cert = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
        let result = try Fixtures.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                                                  "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        guard result.status == 0 else { throw SMTPTestServerError(message: "openssl failed: \(result.err)") }
        return (cert, key)
    }
}

struct SMTPTestServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A received e-mail as Python's email package parses it (Tests/smtp/read_message.py).
struct ParsedMessage: Decodable {
    struct Part: Decodable {
        var type: String
        var disposition: String?
        var filename: String?
        var content_id: String?
        var text: String?
    }

    var subject: String
    var to: String
    var message_id: String
    var defects: [String]
    var parts: [Part]
    /// Where the file parts were written.
    var folder: URL = URL(fileURLWithPath: "/")

    enum CodingKeys: String, CodingKey { case subject, to, message_id, defects, parts }

    static func read(_ message: URL) throws -> ParsedMessage {
        let folder = try Fixtures.temporaryFolder()
        let result = try Fixtures.run("python3", [Fixtures.root.appendingPathComponent("Tests/smtp/read_message.py").path, message.path, folder.path])
        var parsed = try JSONDecoder().decode(ParsedMessage.self, from: Data(result.out.utf8))
        parsed.folder = folder
        return parsed
    }

    func file(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))) }
}
