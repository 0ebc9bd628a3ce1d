import ARMetrics
import ARStore

extension QueryDiagnostic {
    /// An error met while running `statement`, as a diagnostic pointing at the part of the
    /// statement it concerns (the time clause for a date, the currency clause for a rate, else
    /// the whole statement), so every front end shows it like a query error.
    static func running(_ error: any Error, in statement: CompiledStatement) -> QueryDiagnostic {
        switch error {
        case let diagnostic as QueryDiagnostic: return diagnostic
        case let error as MetricError: return engine(error, in: statement)
        case let error as SnapshotResolutionError:
            return QueryDiagnostic(.dateNotCovered, error.description, at: statement.timeSpan ?? statement.span,
                                   help: error.isStore ? "list the snapshots with 'arlens inspect' (or .snapshots in the REPL)" : nil)
        case let error as PerimeterError:
            return QueryDiagnostic(.invalidPerimeter, error.description, at: statement.span)
        default:
            return QueryDiagnostic(.dataUnavailable, "cannot read the snapshot: \(error)", at: statement.span,
                                   help: "check the store with 'arlens inspect'")
        }
    }

    private static func engine(_ error: MetricError, in statement: CompiledStatement) -> QueryDiagnostic {
        let (code, span, help): (DiagnosticCode, SourceSpan, String?) = switch error.code {
        case "no_fx_rate": (.missingRate, statement.currencySpan ?? statement.span, "add the rate to fx_rates.csv and import again")
        case "after_as_of": (.dateNotCovered, statement.timeSpan ?? statement.span, nil)
        case "unknown_attribute": (.unknownAttribute, statement.span, nil)
        case "overflow": (.overflow, statement.span, "narrow the query with 'where', or check the ledger's amounts with 'arlens inspect'")
        case "cancelled": (.cancelled, statement.span, nil)
        case "time_budget": (.timeBudget, statement.timeSpan ?? statement.span, nil)
        case "memory": (.outOfMemory, statement.timeSpan ?? statement.span, nil)
        default: (.unanswerable, statement.timeSpan ?? statement.span, nil)
        }
        return QueryDiagnostic(code, error.message, at: span, help: help)
    }

    /// Whether the error is the query's (a bad request) rather than the data's or ARLens's.
    public var isUserError: Bool { code.rawValue.hasPrefix("Q1") || code.rawValue.hasPrefix("Q2") }
}
