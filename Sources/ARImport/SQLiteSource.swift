import CSQLite

/// A SQLite snapshot file opened read-only.
///
/// `@unchecked Sendable` is not claimed: the handle stays inside one import on one thread.
final class SQLiteDatabase {
    let path: String
    let name: String
    private(set) var handle: OpaquePointer?

    /// - Throws: ``ImportError`` when the file is not a readable SQLite database.
    init(path: String, name: String) throws(ImportError) {
        self.path = path
        self.name = name
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw ImportError(file: name, message: "cannot open as SQLite (\(message)): check the path and that it is a SQLite database")
        }
    }

    deinit { sqlite3_close(handle) }

    /// The names of the database's tables.
    func tableNames() throws(ImportError) -> Set<String> {
        var names = Set<String>()
        let statement = try prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        defer { sqlite3_finalize(statement) }
        while sqlite3_step(statement) == SQLITE_ROW {
            if let text = sqlite3_column_text(statement, 0) { names.insert(String(cString: text)) }
        }
        return names
    }

    func prepare(_ sql: String) throws(ImportError) -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(handle))
            sqlite3_finalize(statement)
            throw ImportError(file: name, message: "cannot read (\(message)) in \(quoted(sql))")
        }
        return statement
    }
}

/// The rows of one table of a SQLite snapshot; a reject's line is the row's rowid.
final class SQLiteTableSource: RowSource {
    let name: String
    let header: [String]
    private let database: SQLiteDatabase
    private let statement: OpaquePointer?
    private let hasRowID: Bool
    var bytesDone: Int { 0 }
    var bytesTotal: Int { 0 }

    init(database: SQLiteDatabase, table: String) throws(ImportError) {
        self.database = database
        name = table
        let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        var hasRowID = true
        let statement: OpaquePointer?
        do { statement = try database.prepare("SELECT rowid, * FROM \(quoted)") } catch {
            statement = try database.prepare("SELECT NULL, * FROM \(quoted)")   // a WITHOUT ROWID table
            hasRowID = false
        }
        self.statement = statement
        self.hasRowID = hasRowID
        let count = Int(sqlite3_column_count(statement))
        header = (1..<max(count, 1)).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
    }

    deinit { sqlite3_finalize(statement) }

    func next(into row: inout RowBuffer) throws(ImportError) -> CSVReader.Outcome {
        let code = sqlite3_step(statement)
        if code == SQLITE_DONE { return .end }
        guard code == SQLITE_ROW else {
            throw ImportError(file: database.name, message: "reading table \(quoted(name)) failed: \(String(cString: sqlite3_errmsg(database.handle)))")
        }
        row.reset()
        row.line = hasRowID ? Int(sqlite3_column_int64(statement, 0)) : 0
        for k in 0..<header.count {
            let c = Int32(k + 1)   // column 0 is the rowid
            // Text first, then its length (SQLite's documented order for converted values).
            let text = sqlite3_column_text(statement, c)
            let length = Int(sqlite3_column_bytes(statement, c))
            if let text, length > 0 {
                row.bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
            }
            row.endField()
        }
        row.sourceFieldCount = row.fieldCount
        return .row
    }

    /// The row's values joined by commas, quoted where needed.
    func rawText(of row: RowBuffer) -> String {
        (0..<row.sourceFieldCount).map { ImportResult.csvQuoted(String(decoding: row.bytes[row.range($0)], as: UTF8.self)) }
            .joined(separator: ",")
    }
}
