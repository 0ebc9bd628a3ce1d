import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `arlens serve` as its own process (the debug binary `swift test` built), for the tests whose
/// timing must not depend on the test process's other work.
final class ServeProcess: Sendable {
    let port: Int
    private let process: Process

    static let binary: String = {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("arlens").path
        return FileManager.default.isExecutableFile(atPath: bundle) ? bundle : Paths.root + "/.build/debug/arlens"
    }()

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    /// Starts the binary with `arguments` on a free port and waits until it is ready.
    static func start(_ arguments: [String]) async throws -> ServeProcess {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...60_000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["serve", "--port", "\(port)"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: Paths.root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let server = ServeProcess(port: port, process: process)
            for _ in 0..<600 where process.isRunning {
                if let reply = try? await server.get("/v1/ready"), reply.status == 200 { return server }
                try await Task.sleep(for: .milliseconds(50))
            }
            server.stop()
        }
        throw TestFailure("arlens serve did not start")
    }

    func get(_ path: String) async throws -> HTTPReply {
        try await HTTPReply.fetch("http://127.0.0.1:\(port)" + path)
    }

    /// SIGTERM, as an operator stops it; waits for the exit and returns its status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

extension ServeProcess {
    /// GETs `path` and times it on a Dispatch thread with URLSession's completion handler, so the
    /// time is the server's and the network's, not the wait of a test task for Swift's
    /// cooperative threads (busy with the other tests of the process).
    func timedGet(_ path: String) async throws -> (status: Int, body: String, seconds: Double) {
        let url = URL(string: "http://127.0.0.1:\(port)" + path)!
        return try await Chromium.offThread {
            let done = DispatchSemaphore(value: 0)
            let result = Mutex<(Int, String)?>(nil)
            let started = DispatchTime.now()
            var request = URLRequest(url: url)
            request.timeoutInterval = 120
            URLSession.shared.dataTask(with: request) { data, response, _ in
                result.withLock { $0 = ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data ?? Data(), as: UTF8.self)) }
                done.signal()
            }.resume()
            done.wait()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let (status, body) = result.withLock { $0 } ?? (0, "")
            return (status, body, seconds)
        }
    }
}
