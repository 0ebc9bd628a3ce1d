import ARCore
import ARStore

/// The load report: for every source file and the table it fed, rows and amounts read, loaded and
/// rejected, so that nothing can go missing unnoticed.
///
/// Amounts are exact minor units of their currency, summed in 128 bits (an amount is below 10^15
/// minor units, so no file can overflow them). A row whose amount cannot be read (not a number,
/// out of range, too many decimals, unknown currency, or a dispute or write-off naming an unknown
/// invoice, whose currency is unknown) adds nothing to any currency: it is counted in
/// ``FileReport/unreadAmountRows`` instead, so `read = loaded + rejected` holds exactly per currency.
///
/// Rows that loaded with a ``LedgerWarning`` are counted per kind in ``flagCounts`` and listed in
/// ``flags`` (the first ``flagListLimit``; every one goes to the rejects file).
public struct ImportReport: Sendable, Codable, Equatable {
    /// Amounts of one currency in one file.
    public struct CurrencyTotals: Sendable, Codable, Equatable {
        /// ISO 4217 code.
        public var currency: String
        /// Minor units of every row whose amount could be read.
        public var read: Int128 = 0
        /// Minor units of the rows loaded.
        public var loaded: Int128 = 0
        /// Minor units of the rows rejected.
        public var rejected: Int128 = 0
        /// `read = loaded + rejected`.
        public var isReconciled: Bool { read == loaded + rejected }

        public init(currency: String, read: Int128 = 0, loaded: Int128 = 0, rejected: Int128 = 0) {
            self.currency = currency
            self.read = read
            self.loaded = loaded
            self.rejected = rejected
        }
    }

    /// One source file feeding one table (a file feeding several tables, such as an invoice file
    /// that implies payments, has one entry per table).
    public struct FileReport: Sendable, Codable, Equatable {
        /// The source file (or SQLite table, or mapping file for inline rates).
        public var file: String
        /// The table fed: `invoices`, or `payments (derived)` for rows a file implies.
        public var table: String
        /// Rows seen (blank lines are not rows).
        public var rowsRead = 0
        public var rowsLoaded = 0
        public var rowsRejected = 0
        /// Rows whose amount could not be read, so it counts in no currency.
        public var unreadAmountRows = 0
        /// Amounts per currency, in the order first seen.
        public var amounts: [CurrencyTotals] = []

        public init(file: String, table: String) {
            self.file = file
            self.table = table
        }

        /// Rows read = loaded + rejected, and every currency reconciles.
        public var isReconciled: Bool {
            rowsRead == rowsLoaded + rowsRejected && amounts.allSatisfy(\.isReconciled)
        }

        mutating func count(loaded: Bool, _ tally: AmountTally) {
            rowsRead += 1
            if loaded { rowsLoaded += 1 } else { rowsRejected += 1 }
            switch tally {
            case .none: break
            case .unread: unreadAmountRows += 1
            case let .amount(amount, currency):
                let k = amounts.firstIndex { $0.currency == currency.code } ?? {
                    amounts.append(CurrencyTotals(currency: currency.code))
                    return amounts.count - 1
                }()
                amounts[k].read += Int128(amount)
                if loaded { amounts[k].loaded += Int128(amount) } else { amounts[k].rejected += Int128(amount) }
            }
        }
    }

    /// A row that loaded with a warning: where it is, what it said and what is odd about it.
    public struct FlaggedRow: Sendable, Codable, Equatable {
        public var file: String
        /// The physical line (the rowid for SQLite), as for a ``Reject``.
        public var line: Int
        /// The interchange table the row went to.
        public var table: String
        /// A ``LedgerWarning/Kind`` code: `overpaid`, `paid_before_issue` …
        public var kind: String
        public var message: String
        public var raw: String

        public init(file: String, line: Int, table: String, kind: String, message: String, raw: String) {
            self.file = file
            self.line = line
            self.table = table
            self.kind = kind
            self.message = message
            self.raw = raw
        }
    }

    /// How many rows loaded with a warning of one kind.
    public struct FlagCount: Sendable, Codable, Equatable {
        public var kind: String
        public var rows: Int

        public init(kind: String, rows: Int) {
            self.kind = kind
            self.rows = rows
        }
    }

    /// Identifiers that a mapping's `normalize:` made equal: per interchange column, how many
    /// distinct values the files had and how many were merged into another (`0140104409` and
    /// `140104409` with `strip_leading_zeros`: one merged).
    public struct MergedIDs: Sendable, Codable, Equatable {
        public var column: String
        public var distinctRead: Int
        public var merged: Int

        public init(column: String, distinctRead: Int, merged: Int) {
            self.column = column
            self.distinctRead = distinctRead
            self.merged = merged
        }
    }

    /// One line per source file and table, in load order.
    public var files: [FileReport] = []
    /// The snapshot's as-of day, ISO `YYYY-MM-DD`.
    public var asOf: String
    public var reportingCurrency: String
    /// Rows that loaded with a warning, per kind, in the order of ``LedgerWarning/Kind/allCases``.
    public var flagCounts: [FlagCount] = []
    /// The first ``flagListLimit`` flagged rows, in load order.
    public var flags: [FlaggedRow] = []
    /// Where the as-of date came from: `snapshot.json`, `mapping 'x.yaml'`, `note file 'x'`,
    /// `--as-of`, or `inferred` (the latest transaction date: see ``notices``); `nil` in reports
    /// written before it was recorded.
    public var asOfOrigin: String?
    /// What the reader must know before trusting a figure (an inferred as-of date), each with a `help:` line.
    public var notices: [String] = []
    /// Identifiers merged by the mapping's normalisation, per column.
    public var mergedIDs: [MergedIDs] = []

    /// Flagged rows kept in the report (and in a store's `report.json`); all go to the rejects file.
    public static let flagListLimit = 1_000

    public init(files: [FileReport], asOf: String, reportingCurrency: String, flags: [FlaggedRow] = []) {
        self.files = files
        self.asOf = asOf
        self.reportingCurrency = reportingCurrency
        self.flags = Array(flags.prefix(Self.flagListLimit))
        var counts: [String: Int] = [:]
        for flag in flags { counts[flag.kind, default: 0] += 1 }
        flagCounts = LedgerWarning.Kind.allCases.compactMap { kind in counts[kind.rawValue].map { FlagCount(kind: kind.rawValue, rows: $0) } }
    }

    enum CodingKeys: String, CodingKey { case files, asOf, reportingCurrency, flagCounts, flags, asOfOrigin, notices, mergedIDs }

    /// Whether the as-of date was inferred from the rows rather than given.
    public var asOfIsInferred: Bool { asOfOrigin == "inferred" }

    /// Reads reports written before flags existed too.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        files = try c.decode([FileReport].self, forKey: .files)
        asOf = try c.decode(String.self, forKey: .asOf)
        reportingCurrency = try c.decode(String.self, forKey: .reportingCurrency)
        flagCounts = try c.decodeIfPresent([FlagCount].self, forKey: .flagCounts) ?? []
        flags = try c.decodeIfPresent([FlaggedRow].self, forKey: .flags) ?? []
        asOfOrigin = try c.decodeIfPresent(String.self, forKey: .asOfOrigin)
        notices = try c.decodeIfPresent([String].self, forKey: .notices) ?? []
        mergedIDs = try c.decodeIfPresent([MergedIDs].self, forKey: .mergedIDs) ?? []
    }

    /// Rows loaded with a warning, over all kinds.
    public var rowsFlagged: Int { flagCounts.reduce(0) { $0 + $1.rows } }

    /// Every file reconciles: rows read = loaded + rejected, and the same for each currency's amounts.
    public var isReconciled: Bool { files.allSatisfy(\.isReconciled) }

    /// Rows read over all files.
    public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    /// Rows rejected over all files (the number of rejects).
    public var rowsRejected: Int { files.reduce(0) { $0 + $1.rowsRejected } }
}

/// What one row contributes to its file's amount totals.
enum AmountTally {
    /// The row has no amount (an entity, a customer, a dispute on the whole open amount).
    case none
    /// The row has an amount that could not be read or placed in a currency.
    case unread
    case amount(Int64, Currency)
}
