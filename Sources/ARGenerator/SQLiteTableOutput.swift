import CSQLite

/// One SQLite database written in a single transaction.
///
/// Not `Sendable`: the handle is owned by one generator run, on one thread.
final class SQLiteDatabase {
    let handle: OpaquePointer
    let path: String

    init(path: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else {
            throw GeneratorError(message: "cannot create SQLite file '\(path)'")
        }
        handle = db
        self.path = path
        try execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN")
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw error(sql) }
    }

    func error(_ context: String) -> GeneratorError {
        GeneratorError(message: "SQLite error in '\(path)' on '\(context)': \(String(cString: sqlite3_errmsg(handle)))")
    }
}

/// Inserts rows into one table through a prepared statement.
final class SQLiteTableOutput: TableOutput {
    private let database: SQLiteDatabase
    private let statement: OpaquePointer
    private let integerColumns: [Bool]
    private let insert: String
    private(set) var rowCount = 0

    init(database: SQLiteDatabase, table: String, columns: [String], integerColumns: Set<String>) throws {
        self.database = database
        let definitions = columns.map { "\"\($0)\" \(integerColumns.contains($0) ? "INTEGER" : "TEXT")" }
        try database.execute("CREATE TABLE \"\(table)\" (\(definitions.joined(separator: ", ")))")
        insert = "INSERT INTO \"\(table)\" VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database.handle, insert, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw database.error(insert)
        }
        self.statement = statement
        self.integerColumns = columns.map { integerColumns.contains($0) }
    }

    deinit { sqlite3_finalize(statement) }

    func write(_ fields: [String?]) throws {
        sqlite3_reset(statement)
        for (i, field) in fields.enumerated() {
            let index = Int32(i + 1)
            if let field, !field.isEmpty {
                if integerColumns[i], let value = Int64(field) {
                    sqlite3_bind_int64(statement, index, value)
                } else {
                    var text = field
                    text.withUTF8 { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { chars in
                            _ = arlens_sqlite3_bind_text_transient(statement, index, chars.baseAddress, Int32(chars.count))
                        }
                    }
                }
            } else {
                sqlite3_bind_null(statement, index)
            }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw database.error(insert) }
        rowCount += 1
    }

    func finish() throws {}
}
