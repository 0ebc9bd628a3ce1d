/// A row that could not enter the ledger: where it was, what it said, and why.
///
/// Rejects are never silent: every rejected row is counted in the ``ImportReport`` and can be
/// written out with ``ImportResult/writeRejects(to:)``.
public struct Reject: Sendable, Codable, Equatable {
    /// The source file name (`invoices.csv`), or the table name for a SQLite source.
    public var file: String
    /// The physical line of the row in its file (the header is line 1); the rowid for SQLite.
    public var line: Int
    /// The row exactly as it stood in the source (for SQLite: the values joined by commas).
    public var raw: String
    /// A stable code: `bad_date`, `bad_amount`, `unknown_currency`, `no_fx_rate`, `missing_field`,
    /// `duplicate_id`, `unknown_invoice`, `unknown_customer`, `unknown_entity`, `too_many_decimals`,
    /// `bad_value`, `field_count`, `bad_quoting`, `currency_mismatch`.
    public var reason: String
    /// One line saying what is wrong and what would fix it.
    public var message: String
    /// The interchange table the row was meant for (`invoices`, `payments`, …).
    public var table: String

    public init(file: String, line: Int, raw: String, reason: String, message: String, table: String) {
        self.file = file
        self.line = line
        self.raw = raw
        self.reason = reason
        self.message = message
        self.table = table
    }
}

/// Why one row failed, before the importer adds where it was.
struct RowFailure: Error {
    var reason: String
    var message: String

    init(_ reason: String, _ message: String) {
        self.reason = reason
        self.message = message
    }
}
