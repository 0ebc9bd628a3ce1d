import ARCore
import Foundation

/// The tables of one snapshot being written, as CSV files or as one SQLite database.
final class SnapshotOutput {
    private let tables: [any TableOutput]
    private let database: SQLiteDatabase?
    let files: [String]

    init(directory: URL, format: OutputFormat, snapshot: [(String, String)]) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch format {
        case .csv:
            database = nil
            tables = try InterchangeTable.allCases.map {
                try CSVTableOutput(path: directory.appendingPathComponent($0.fileName).path, header: $0.columns)
            }
            let json = "{\n" + snapshot.map { "  \"\($0.0)\": \"\($0.1)\"" }.joined(separator: ",\n") + "\n}\n"
            try Data(json.utf8).write(to: directory.appendingPathComponent("snapshot.json"))
            files = ["snapshot.json"] + InterchangeTable.allCases.map(\.fileName)
        case .sqlite:
            let path = directory.appendingPathComponent("ledger.sqlite").path
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            let db = try SQLiteDatabase(path: path)
            database = db
            tables = try InterchangeTable.allCases.map {
                try SQLiteTableOutput(database: db, table: $0.rawValue, columns: $0.columns, integerColumns: $0.integerColumns)
            }
            let info = try SQLiteTableOutput(database: db, table: "snapshot", columns: snapshot.map(\.0), integerColumns: [])
            try info.write(snapshot.map(\.1))
            files = ["ledger.sqlite"]
        }
    }

    func write(_ table: InterchangeTable, _ row: [String?]) throws {
        try tables[InterchangeTable.allCases.firstIndex(of: table)!].write(row)
    }

    func rowCount(_ table: InterchangeTable) -> Int { tables[InterchangeTable.allCases.firstIndex(of: table)!].rowCount }

    /// Flushes every table and commits the SQLite transaction.
    func finish() throws {
        for table in tables { try table.finish() }
        try database?.execute("COMMIT")
    }
}
