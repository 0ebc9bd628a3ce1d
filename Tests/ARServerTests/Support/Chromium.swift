import Foundation

/// Headless Chromium from Debian (installed by scripts/install-deps), driven from the command line.
enum Chromium {
    static let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether Chromium is installed and can start here (it draws a blank page).
    static let available: Bool = {
        guard executable != nil else { return false }
        return (try? run(["--dump-dom", "about:blank"], seconds: 60))?.contains("<html") == true
    }()

    static let unavailableReason = "chromium is not installed or cannot start here (run scripts/install-deps)"

    /// Loads `url`, lets its scripts run for `budget` ms of virtual time, and returns the DOM.
    static func dom(_ url: String, budget: Int = 20_000) async throws -> String {
        try await offThread { try run(["--virtual-time-budget=\(budget)", "--dump-dom", url], seconds: 120) }
    }

    /// Loads `url` and writes a screenshot of `width`×`height` pixels to `path`.
    static func screenshot(_ url: String, to path: String, width: Int = 1280, height: Int = 2400) async throws {
        _ = try await offThread { try run(["--virtual-time-budget=20000", "--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(path)", url], seconds: 120) }
    }

    /// Runs `work` (which waits for a process) on a Dispatch thread, not on one of Swift's few
    /// cooperative threads, which the server under test needs.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs Chromium headless with its own profile folder; returns standard output.
    static func run(_ arguments: [String], seconds: Double) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/chromium")
        let profile = Paths.temporary("chromium-profile")
        // --no-sandbox: tests run as root in CI, where Chromium's sandbox refuses to start.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile)"] + arguments
        // Standard output goes to a file: a pipe could fill while we wait for the process.
        let outputPath = profile + ".out"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try output.close()
        defer {
            try? FileManager.default.removeItem(atPath: profile)
            try? FileManager.default.removeItem(atPath: outputPath)
        }
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: outputPath)), as: UTF8.self)
    }
}
