import Foundation

/// Writes a set of files so that they appear together, whole, or not at all: into a hidden
/// temporary folder beside the target, flushed, then renamed into place (a rename within one
/// file system is atomic). A reader of the target never sees a half-written file.
public enum AtomicFolder {
    /// Writes `files` (name → bytes) as the folder `target`, replacing a previous one.
    /// - Returns: the paths of the files written.
    @discardableResult
    public static func write(_ files: [(name: String, bytes: [UInt8])], to target: URL) throws -> [String] {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".tmp-\(target.lastPathComponent)-\(UUID().uuidString.prefix(8))")
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                guard manager.createFile(atPath: url.path, contents: Data(file.bytes)) else {
                    throw DeliveryError.permanent("cannot write '\(url.path)': check the folder's permissions and free space")
                }
                try FileHandle(forWritingTo: url).synchronizeAndClose()
            }
            var old: URL?
            if manager.fileExists(atPath: target.path) {
                let aside = parent.appendingPathComponent(".old-\(target.lastPathComponent)-\(UUID().uuidString.prefix(8))")
                try manager.moveItem(at: target, to: aside)
                old = aside
            }
            try manager.moveItem(at: staging, to: target)
            if let old { try? manager.removeItem(at: old) }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        return files.map { target.appendingPathComponent($0.name).path }
    }
}

extension FileHandle {
    func synchronizeAndClose() throws {
        try synchronize()
        try close()
    }
}
