import ARMetrics
import ARStore

/// `explain sql`: the SQLite query, over the interchange tables, that computes the same figures.
enum SQLExplainer {
    static func sql(for statement: BoundStatement, ledger: Ledger) throws -> String {
        guard case let .metrics(s) = statement else {
            throw QueryDiagnostic(.unsupportedClause, "explain sql covers metric statements, not items or forecasts",
                                  at: SourceSpan(start: 0, end: 0), help: "explain the plan instead: explain QUERY")
        }
        if s.projection != nil {
            throw QueryDiagnostic(.unsupportedClause, "explain sql does not cover 'project'", at: SourceSpan(start: 0, end: 0),
                                  help: "drop the 'project' clause to see the SQL of the series")
        }
        return try SQLCompiler.compile(s.query, snapshot: context(ledger)) + "\n"
    }

    /// What the SQL needs to know of the snapshot: dates, currencies and the extra columns.
    static func context(_ ledger: Ledger) -> SQLSnapshotContext {
        var columns = SQLSnapshotContext.standardColumns
        columns["invoices", default: []] += ledger.documents.extras.names
        columns["customers", default: []] += ledger.customers.extras.names
        return SQLSnapshotContext(asOf: ledger.snapshot.asOf, reportingCurrency: ledger.snapshot.reportingCurrency,
                                  currencies: ledger.currencies, columns: columns)
    }
}
