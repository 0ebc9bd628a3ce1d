import ARSQL
import CSQLite
import Foundation

/// A SQLite snapshot file built row by row for a test: every interchange table, every column
/// TEXT, as an importer writes them. Deleted when the value is released.
final class SQLiteTestSnapshot {
    let url: URL
    private var db: OpaquePointer?

    /// Creates the file with each table of interchange.md plus `extraColumns` (table → names).
    init(extraColumns: [String: [String]] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-sql-\(UUID().uuidString).sqlite")
        guard sqlite3_open(url.path, &db) == SQLITE_OK else { throw TestSnapshotError("cannot create \(url.path)") }
        for (table, columns) in SQLiteTestSnapshot.tables {
            let all = columns + (extraColumns[table] ?? [])
            try execute("CREATE TABLE \(table) (\(all.map { "\"\($0)\" TEXT" }.joined(separator: ", ")))")
        }
    }

    deinit {
        sqlite3_close(db)
        try? FileManager.default.removeItem(at: url)
    }

    static let tables: [(String, [String])] = [
        ("snapshot", ["as_of", "reporting_currency", "source"]),
        ("entities", ["entity_id", "name", "currency", "country"]),
        ("customers", ["customer_id", "name", "customer_group", "segment", "region", "country", "sales_rep",
                       "payment_terms_days", "credit_limit", "insured_limit"]),
        ("invoices", ["invoice_id", "entity_id", "customer_id", "type", "issue_date", "due_date", "amount", "currency"]),
        ("payments", ["payment_id", "customer_id", "invoice_id", "entity_id", "payment_date", "amount", "currency"]),
        ("disputes", ["dispute_id", "invoice_id", "opened_date", "resolved_date", "amount", "reason"]),
        ("promises", ["promise_id", "customer_id", "invoice_id", "made_date", "promised_date", "amount", "currency"]),
        ("write_offs", ["invoice_id", "write_off_date", "amount", "reason"]),
        ("fx_rates", ["date", "currency", "rate"]),
    ]

    /// Inserts one row; columns not named stay NULL.
    func insert(_ table: String, _ values: [String: String]) throws {
        let names = values.keys.sorted()
        let sql = "INSERT INTO \(table) (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) "
            + "VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw TestSnapshotError(message()) }
        defer { sqlite3_finalize(statement) }
        for (index, name) in names.enumerated() {
            let text = values[name]!
            _ = arlens_sqlite3_bind_text_transient(statement, Int32(index + 1), text, Int32(text.utf8.count))
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw TestSnapshotError(message()) }
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw TestSnapshotError(message()) }
    }

    private func message() -> String { String(cString: sqlite3_errmsg(db)) }
}

struct TestSnapshotError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
