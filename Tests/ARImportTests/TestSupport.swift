import ARCore
import Foundation
@testable import ARImport

/// Fixtures and shared data, found from this file's path.
enum TestSupport {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func fixture(_ name: String) -> URL { testsFolder.appendingPathComponent("Fixtures").appendingPathComponent(name) }

    /// `shared/datasets/real/<name>`, found by walking up from the repository; `nil` when absent.
    static func realDataset(_ name: String) -> URL? {
        var folder = testsFolder
        for _ in 0..<8 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("shared/datasets/real").appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The repository's datasets/mappings/<name>.
    static func mapping(_ name: String) -> URL {
        testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets/mappings").appendingPathComponent(name)
    }

    /// A fresh temporary folder holding `files` (name → content).
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("arimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }
}
