import CSQLite
import Foundation

extension SQLCompiler {
    /// Runs `sql` on a SQLite file opened read-only and returns every row, each value as the text
    /// SQLite gives for it (`NULL` as `nil`; integers in decimal; reals in Swift's shortest
    /// form that reads back to the same `Double`).
    ///
    /// A thin executor for tests and for the differential check against the Swift engine.
    /// - Throws: ``SQLRunError`` with SQLite's message, or the compiled query's own error text
    ///   (a missing exchange rate, an overflowing conversion).
    public static func run(_ sql: String, on sqliteFile: URL) throws -> [[String?]] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(sqliteFile.path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw SQLRunError("\(sqliteFile.path): \(message)")
        }
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLRunError(errorMessage(db))
        }
        defer { sqlite3_finalize(statement) }
        let columnCount = sqlite3_column_count(statement)
        var rows: [[String?]] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw SQLRunError(errorMessage(db)) }
            rows.append((0..<columnCount).map { column in
                // Reals in Swift's shortest round-trip form: SQLite's own text keeps only 15 digits.
                if sqlite3_column_type(statement, column) == SQLITE_FLOAT {
                    return String(sqlite3_column_double(statement, column))
                }
                return sqlite3_column_text(statement, column).map { String(cString: $0) }
            })
        }
        return rows
    }

    /// SQLite's message, unwrapping the text of ``SQLiteDialect/fail(_:)``.
    private static func errorMessage(_ db: OpaquePointer) -> String {
        let message = String(cString: sqlite3_errmsg(db))
        let prefix = "JSON path error near '"
        guard message.hasPrefix(prefix), message.hasSuffix("'") else { return message }
        return String(message.dropFirst(prefix.count).dropLast())
    }
}
