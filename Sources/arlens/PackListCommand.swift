import ARReports
import ArgumentParser
import Foundation

/// `arlens pack list`: the packs with their schedules and next run times.
struct PackListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the packs, their schedules and next runs.")

    @OptionGroup var places: PackPlaces

    @Option(name: .long, help: "List as if the time were this instant (ISO 8601).")
    var now: String?

    func run() throws {
        let instant = now.flatMap(PackTime.parse) ?? Date()
        let log = FileManager.default.fileExists(atPath: places.logPath) ? try RunLog(path: places.logPath) : nil
        var rows = [["pack", "title", "schedule", "next run", "recipients", "last run"]]
        for pack in try places.loadPacks() {
            let schedule = pack.schedule.map { "\($0.cron.text) \($0.timeZone.identifier)" } ?? "manual"
            let next = pack.schedule.flatMap { s in s.next(after: instant).map { PackTime.minute($0, in: s.timeZone) } } ?? "-"
            let last = try log?.history(pack: pack.name, limit: 1).first.map { "\($0.status.rawValue) \($0.scheduledAt)" } ?? "-"
            rows.append([pack.name, pack.title, schedule, next, String(pack.recipients.count), last])
        }
        print(TextTable.render(rows))
    }
}

/// `arlens pack log`: the run history.
struct PackLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the run log: every run, its status, attempts and files.")

    @OptionGroup var places: PackPlaces

    @Option(name: .long, help: "Only this pack's runs.")
    var pack: String?

    @Option(name: .long, help: "How many runs, newest first.")
    var limit: Int = 30

    @Option(name: .customLong("run"), help: "Show one run in full: its files, error and history.")
    var runID: Int64?

    func run() throws {
        guard FileManager.default.fileExists(atPath: places.logPath) else {
            throw CommandFailure("no run log at '\(places.logPath)': nothing has run yet (or pass --log FILE)")
        }
        let log = try RunLog(path: places.logPath)
        if let id = runID { return try printRun(id, log: log) }
        var rows = [["id", "pack", "recipient", "scheduled", "trigger", "status", "attempts", "snapshot", "note"]]
        for entry in try log.history(pack: pack, limit: limit) {
            rows.append([String(entry.id ?? 0), entry.pack, entry.recipient, entry.scheduledAt, entry.trigger, entry.status.rawValue,
                         String(entry.attempts), entry.snapshotID ?? "-", String(entry.error?.split(separator: "\n").first?.prefix(60) ?? "")])
        }
        print(TextTable.render(rows))
    }

    private func printRun(_ id: Int64, log: RunLog) throws {
        guard let entry = try log.history(limit: Int.max).first(where: { $0.id == id }) else { throw CommandFailure("no run \(id) in the log") }
        print("run \(id): \(entry.pack) for \(entry.recipient), scheduled \(entry.scheduledAt) (\(entry.trigger))")
        print("status \(entry.status.rawValue) after \(entry.attempts) delivery attempts; snapshot \(entry.snapshotID ?? "-"), as of \(entry.asOf ?? "-")")
        if let id = entry.messageID { print("message-id <\(id)>") }
        for file in entry.fileList { print("file \(file)") }
        if let error = entry.error { print("error:\n\(error)") }
        for event in try log.events(of: id) { print("  \(event.at)  \(event.status)\(event.detail.map { "  \($0)" } ?? "")") }
    }
}

/// Aligned text columns.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in cell + String(repeating: " ", count: widths[i] - cell.count) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
