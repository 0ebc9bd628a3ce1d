import ARCore

/// The load report: for every source file and the table it fed, rows and amounts read, loaded and
/// rejected, so that nothing can go missing unnoticed.
///
/// Amounts are exact minor units of their currency. A row whose amount cannot be read (not a
/// number, too many decimals, unknown currency, or a dispute or write-off naming an unknown
/// invoice, whose currency is unknown) adds nothing to any currency: it is counted in
/// ``FileReport/unreadAmountRows`` instead, so `read = loaded + rejected` still holds per currency.
/// So does a row whose amount would push a total past 64 bits.
public struct ImportReport: Sendable, Codable, Equatable {
    /// Amounts of one currency in one file.
    public struct CurrencyTotals: Sendable, Codable, Equatable {
        /// ISO 4217 code.
        public var currency: String
        /// Minor units of every row whose amount could be read.
        public var read: Int64 = 0
        /// Minor units of the rows loaded.
        public var loaded: Int64 = 0
        /// Minor units of the rows rejected.
        public var rejected: Int64 = 0
        /// `read = loaded + rejected`.
        public var isReconciled: Bool { read == loaded + rejected }

        public init(currency: String, read: Int64 = 0, loaded: Int64 = 0, rejected: Int64 = 0) {
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
                // A total that would overflow 64 bits leaves the row uncounted in amounts, visibly.
                let (read, o1) = amounts[k].read.addingReportingOverflow(amount)
                let (part, o2) = (loaded ? amounts[k].loaded : amounts[k].rejected).addingReportingOverflow(amount)
                if o1 || o2 { unreadAmountRows += 1; return }
                amounts[k].read = read
                if loaded { amounts[k].loaded = part } else { amounts[k].rejected = part }
            }
        }
    }

    /// One line per source file and table, in load order.
    public var files: [FileReport] = []
    /// The snapshot's as-of day, ISO `YYYY-MM-DD`.
    public var asOf: String
    public var reportingCurrency: String

    public init(files: [FileReport], asOf: String, reportingCurrency: String) {
        self.files = files
        self.asOf = asOf
        self.reportingCurrency = reportingCurrency
    }

    /// Every file reconciles: rows read = loaded + rejected, and the same for each currency's amounts.
    public var isReconciled: Bool { files.allSatisfy(\.isReconciled) }

    /// Rows read over all files.
    public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    /// Rows rejected over all files (the number of rejects).
    public var rowsRejected: Int { files.reduce(0) { $0 + $1.rowsRejected } }
}

extension ImportReport {
    /// A plain-text table: one line per file and currency, then a verdict.
    public var rendered: String {
        var notes: [Int: String] = [:]   // after row index: a line outside the columns
        var rows: [[String]] = [["file", "table", "read", "loaded", "rejected", "currency", "amount read", "loaded", "rejected"]]
        for f in files {
            let counts = [f.file, f.table, String(f.rowsRead), String(f.rowsLoaded), String(f.rowsRejected)]
            if f.amounts.isEmpty { rows.append(counts + ["", "", "", ""]) }
            for (k, a) in f.amounts.enumerated() {
                let digits = Currency(code: a.currency)?.minorDigits ?? 2
                let money = [a.read, a.loaded, a.rejected].map { MinorUnits.format($0, digits: digits) }
                rows.append((k == 0 ? counts : ["", "", "", "", ""]) + [a.currency] + money)
            }
            if f.unreadAmountRows > 0 { notes[rows.count - 1] = "\(f.unreadAmountRows) rows with an unreadable amount" }
        }
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var text = ""
        for (r, row) in rows.enumerated() {
            let cells = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c >= 2 && c != 5 ? pad + cell : cell + pad
            }
            text += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            if r == 0 { text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
            if let note = notes[r] { text += String(repeating: " ", count: widths[0] + 2) + "(" + note + ")\n" }
        }
        text += "as of \(asOf), reporting currency \(reportingCurrency): "
        text += isReconciled ? "reconciled, \(rowsRejected) of \(rowsRead) rows rejected\n" : "NOT reconciled\n"
        return text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// What one row contributes to its file's amount totals.
enum AmountTally {
    /// The row has no amount (an entity, a customer, a dispute on the whole open amount).
    case none
    /// The row has an amount that could not be read or placed in a currency.
    case unread
    case amount(Int64, Currency)
}
