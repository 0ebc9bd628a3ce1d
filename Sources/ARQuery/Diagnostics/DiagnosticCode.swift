/// The stable code of a query diagnostic, shared by tests, the REPL and the HTTP API.
///
/// `Q1xxx` are syntax errors, `Q2xxx` binding errors, `Q3xxx` errors met while running a well-formed
/// statement (a date no snapshot covers, a missing rate), `Q9xxx` broken invariants (bugs).
public enum DiagnosticCode: String, Hashable, Sendable, CaseIterable {
    /// A token that cannot appear here.
    case unexpectedToken = "Q1001"
    /// A string literal with no closing quote.
    case unterminatedString = "Q1002"
    /// A date literal that is not a real `YYYY-MM-DD` day.
    case invalidDate = "Q1003"
    /// A character that starts no token.
    case unexpectedCharacter = "Q1004"
    /// A clause given twice.
    case duplicateClause = "Q1005"
    /// A number too large or badly written.
    case invalidNumber = "Q1006"
    /// Parentheses or lists nested too deeply.
    case nestingTooDeep = "Q1007"
    case unknownMetric = "Q2001"
    case unknownDimension = "Q2002"
    case unknownParameter = "Q2003"
    /// A `where` field that items do not have.
    case unknownField = "Q2004"
    /// A literal of the wrong type for what it is compared with.
    case typeMismatch = "Q2005"
    /// A metric argument the metric does not take.
    case unknownArgument = "Q2006"
    /// A metric argument whose value is not allowed.
    case invalidArgument = "Q2007"
    case unknownCurrency = "Q2008"
    /// A time clause that gives no dates or too many.
    case invalidTimeRange = "Q2009"
    case unknownChartKind = "Q2010"
    /// A `having` or `order by` key that is not a single value (`aging`).
    case notAScalar = "Q2011"
    /// A dimension or argument given twice.
    case duplicateName = "Q2012"
    /// A bound parameter whose text does not fit where it is used.
    case invalidParameterValue = "Q2013"
    /// A clause the statement kind does not take.
    case unsupportedClause = "Q2014"
    /// A metric whose series cannot be projected (`project` on `aging`, `sales`, …).
    case notProjectable = "Q2015"
    /// No FX rate converts an amount at a date.
    case missingRate = "Q3001"
    /// A date no snapshot can answer (after the latest extraction).
    case dateNotCovered = "Q3002"
    /// A dimension or field the snapshot answering the query does not have.
    case unknownAttribute = "Q3003"
    /// A figure too large for 64-bit minor units.
    case overflow = "Q3004"
    /// A statement the engine cannot answer as asked.
    case unanswerable = "Q3005"
    /// The query was cancelled (Ctrl-C, a closed connection).
    case cancelled = "Q3006"
    /// The query ran past its time budget.
    case timeBudget = "Q3007"
    /// The query needs more memory than the process may use.
    case outOfMemory = "Q3008"
    /// A snapshot that cannot be read (a damaged or missing archive).
    case dataUnavailable = "Q3009"
    /// A perimeter naming a field the snapshot does not have.
    case invalidPerimeter = "Q3010"
    /// A broken invariant: a bug in ARLens, not in the query.
    case internalError = "Q9001"
}
