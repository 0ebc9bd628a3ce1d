import ARCore
import ARSQL
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

extension SQLSnapshotContext {
    /// Reads the context from a SQLite snapshot file: its `snapshot` row (else the latest date of
    /// the tables and EUR), the currencies its tables use, and each table's columns.
    /// - Throws: ``SQLRunError`` when the file cannot be read or names an unknown currency.
    public static func read(from sqliteFile: URL) throws -> SQLSnapshotContext {
        var columns: [String: [String]] = [:]
        for table in standardColumns.keys {
            let rows = try SQLCompiler.run("SELECT name FROM pragma_table_info('\(table)')", on: sqliteFile)
            if !rows.isEmpty { columns[table] = rows.compactMap { $0.first ?? nil } }
        }
        var reporting = Currency.eur
        var asOf: Day?
        if columns["snapshot"] != nil {
            let row = try SQLCompiler.run("SELECT as_of, reporting_currency FROM snapshot LIMIT 1", on: sqliteFile).first
            if let text = row?[0] { asOf = Day(iso: text) }
            if let code = row?[1], !code.isEmpty {
                guard let c = Currency(code: code) else { throw SQLRunError("snapshot: unknown reporting currency '\(code)'") }
                reporting = c
            }
        }
        let codes = try SQLCompiler.run(currencyQuery(columns), on: sqliteFile).compactMap { $0.first ?? nil }
        var currencies = [reporting]
        for code in codes where !code.isEmpty {
            guard let c = Currency(code: code) else { throw SQLRunError("unknown currency '\(code)': use an ISO 4217 code") }
            if !currencies.contains(c) { currencies.append(c) }
        }
        if asOf == nil {
            let latest = try SQLCompiler.run(latestDateQuery(columns), on: sqliteFile).first?.first ?? nil
            asOf = latest.flatMap { Day(iso: $0) }
        }
        return SQLSnapshotContext(asOf: asOf ?? Day(rawValue: 0), reportingCurrency: reporting,
                                  currencies: currencies, columns: columns)
    }

    private static func currencyQuery(_ columns: [String: [String]]) -> String {
        let sources = ["invoices", "payments", "fx_rates", "entities", "promises"]
            .filter { columns[$0]?.contains("currency") ?? false }
            .map { "SELECT currency FROM \($0)" }
        return sources.isEmpty ? "SELECT NULL WHERE 0" : sources.joined(separator: " UNION ")
    }

    private static func latestDateQuery(_ columns: [String: [String]]) -> String {
        let dated = [("invoices", "issue_date"), ("invoices", "due_date"), ("payments", "payment_date"),
                     ("disputes", "opened_date"), ("disputes", "resolved_date"), ("promises", "made_date"),
                     ("write_offs", "write_off_date"), ("dunning", "action_date")]
        let parts = dated.filter { columns[$0.0]?.contains($0.1) ?? false }
            .map { "SELECT max(NULLIF(\($0.1), '')) AS d FROM \($0.0)" }
        return parts.isEmpty ? "SELECT NULL" : "SELECT max(d) FROM (\(parts.joined(separator: " UNION ALL ")))"
    }
}
