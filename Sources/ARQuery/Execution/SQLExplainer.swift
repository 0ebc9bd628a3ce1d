import ARMetrics
import ARStore

/// `explain sql`: the SQLite query, over the interchange tables, that computes the same figures.
enum SQLExplainer {
    static func sql(for statement: BoundStatement, ledger: Ledger) throws -> String {
        throw QueryDiagnostic(.unsupportedClause, "explain sql is not available in this build", at: SourceSpan(start: 0, end: 0))
    }
}
