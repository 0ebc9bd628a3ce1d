import ARCore
import ARStore

/// One import in progress: the ledger builder, the rejects and the per-file report lines.
///
/// Each row either enters the builder or becomes a ``Reject``; either way it is counted, with
/// its amount, in its file's report line.
struct ImportSession {
    var builder: LedgerBuilder
    var rejects: [Reject] = []
    /// Rows that loaded with a warning, in load order.
    var flags: [ImportReport.FlaggedRow] = []
    /// Warnings of the row being added, moved to ``flags`` once it has loaded.
    var warnings: [LedgerWarning] = []
    var reports: [ImportReport.FileReport] = []
    let progress: (@Sendable (ImportProgress) -> Void)?
    let currencies = CurrencyCache()
    /// Default promise currency per customer, computed once each (the builder's look-up scans documents).
    var promiseCurrency: [String: Currency] = [:]
    /// Distinct values before and after normalisation, per normalised identifier column.
    var identifierTallies: [String: IdentifierTally] = [:]
    /// Unknown columns of payments, disputes, promises, write-offs and dunning rows, kept on the
    /// document (or, without one, the customer) the row names.
    var attributes = RowAttributes()

    static let progressInterval = 1 << 16

    init(builder: LedgerBuilder, progress: (@Sendable (ImportProgress) -> Void)?) {
        self.builder = builder
        self.progress = progress
    }

    /// Reads every row of `source` into `spec.table`.
    /// - Throws: ``ImportError`` when the header lacks a required column or the source breaks.
    mutating func load(_ source: some RowSource, spec: SourceSpec) throws(ImportError) {
        for column in spec.normalization.keys where identifierTallies[column] == nil {
            identifierTallies[column] = IdentifierTally(column: column)
        }
        let tallies = identifierTallies
        let binding = try ColumnBinding(header: source.header, spec: spec, fileName: source.name) { tallies[$0] }
        var derived = try DerivedRows(spec: spec, binding: binding, fileName: source.name)
        var report = ImportReport.FileReport(file: source.name, table: spec.table.rawValue)
        var row = RowBuffer()
        var rowsDone = 0
        let columns = spec.table.columns   // built once: the property makes a new array each call
        let unread: AmountTally = spec.table.hasAmount ? .unread : .none
        while true {
            let outcome = try source.next(into: &row)
            if outcome == .end { break }
            rowsDone += 1
            if rowsDone & (ImportSession.progressInterval - 1) == 0 {
                progress?(ImportProgress(file: source.name, rowsDone: rowsDone, bytesDone: source.bytesDone, bytesTotal: source.bytesTotal))
            }
            if outcome == .unterminatedQuote {
                reject(source, row, spec.table, RowFailure("bad_quoting", "a quoted field is never closed: the rest of the file was read as this one row"))
                report.count(loaded: false, unread)
                break
            }
            guard row.fieldCount == binding.sourceFieldCount else {
                reject(source, row, spec.table, RowFailure("field_count",
                    "the row has \(row.fieldCount) fields but the header has \(binding.sourceFieldCount): check separators and quotes"))
                report.count(loaded: false, unread)
                continue
            }
            binding.complete(&row)
            let fields = RowFields(row: row, field: binding.field, format: spec.format, columns: columns, currencies: currencies)
            var tally = AmountTally.none
            do throws(RowFailure) {
                try loadRow(spec.table, fields, extras: binding.extras, derived: &derived, tally: &tally)
                report.count(loaded: true, tally)
                flag(source, row, spec.table)
            } catch {
                warnings.removeAll()
                reject(source, row, spec.table, error)
                report.count(loaded: false, tally)
                continue
            }
            if derived.derivesAfterDocument { derived.afterDocument(fields, session: &self, source: source) }
        }
        progress?(ImportProgress(file: source.name, rowsDone: rowsDone, bytesDone: source.bytesDone, bytesTotal: source.bytesTotal))
        reports.append(report)
        reports.append(contentsOf: derived.reports)
    }

    /// Moves the warnings of the row just loaded into ``flags``.
    mutating func flag(_ source: some RowSource, _ row: RowBuffer, _ table: TargetTable) {
        guard !warnings.isEmpty else { return }
        let raw = source.rawText(of: row)
        for w in warnings {
            flags.append(.init(file: source.name, line: row.line, table: table.rawValue, kind: w.kind.rawValue, message: w.message, raw: raw))
        }
        warnings.removeAll()
    }

    mutating func reject(_ source: some RowSource, _ row: RowBuffer, _ table: TargetTable, _ failure: RowFailure) {
        rejects.append(Reject(file: source.name, line: row.line, raw: source.rawText(of: row), reason: failure.reason,
                              message: failure.message, table: table.rawValue))
    }

    private mutating func loadRow(_ table: TargetTable, _ f: RowFields, extras: [(name: String, index: Int)],
                                  derived: inout DerivedRows, tally: inout AmountTally) throws(RowFailure) {
        switch table {
        case .entities: try addEntity(f)
        case .customers: try addCustomer(f, extras: extras)
        case .fxRates: try addRate(f)
        case .invoices: try addDocument(f, extras: extras, derived: &derived, tally: &tally)
        case .payments: try addPayment(f, tally: &tally)
        case .disputes: try addDispute(f, tally: &tally)
        case .promises: try addPromise(f, tally: &tally)
        case .writeOffs: try addWriteOff(f, tally: &tally)
        case .dunning: try addDunning(f)
        }
        if !extras.isEmpty, !table.attributePrefix.isEmpty { keepAttributes(table, f, extras) }
    }
}

extension RowFailure {
    /// The reject for a row the builder refused.
    init(_ error: LedgerBuildError) {
        self.init(error.code, error.description)
    }
}

extension TargetTable {
    /// Whether rows carry an amount that the report sums.
    var hasAmount: Bool {
        switch self {
        case .invoices, .payments, .disputes, .promises, .writeOffs: true
        default: false
        }
    }
}
