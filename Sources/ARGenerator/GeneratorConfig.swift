import ARCore

/// What ``LedgerGenerator`` produces: size, seed, date and the mix of behaviours.
public struct GeneratorConfig: Sendable, Equatable {
    /// Number of rows of invoices.csv (invoices and credit notes).
    public var invoices: Int
    /// The same seed gives the same files, byte for byte.
    public var seed: UInt64
    /// The extraction date: nothing is dated after it.
    public var asOf: Day
    /// Months of history before `asOf` (invoices are issued over this span).
    public var historyMonths: Int
    /// Average number of documents per customer; the customer count is `invoices / this`.
    public var invoicesPerCustomer: Int
    /// Written to snapshot.json `source`.
    public var source: String

    public init(invoices: Int, seed: UInt64 = 42, asOf: Day, historyMonths: Int = 24,
                invoicesPerCustomer: Int = 50, source: String = "arlens generate") {
        self.invoices = invoices
        self.seed = seed
        self.asOf = asOf
        self.historyMonths = historyMonths
        self.invoicesPerCustomer = invoicesPerCustomer
        self.source = source
    }

    /// The first day invoices may be issued.
    public var historyStart: Day { asOf.adding(months: -historyMonths).adding(days: 1) }

    /// Number of customers.
    public var customerCount: Int { max(1, invoices / max(1, invoicesPerCustomer)) }
}

/// How the snapshot is written.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// A folder of CSV files plus snapshot.json.
    case csv
    /// One SQLite file `ledger.sqlite` in the folder, with the same tables plus `snapshot`.
    case sqlite
}

/// What was written.
public struct GeneratorSummary: Sendable, Equatable, Codable {
    /// Rows written per table name (`invoices`, `payments`, …).
    public var rows: [String: Int]
    /// The files written, relative to the output folder.
    public var files: [String]
    public var asOf: String
    public var seed: UInt64

    /// One line per table, for the CLI.
    public var renderedTable: String {
        let width = rows.keys.map(\.count).max() ?? 0
        return rows.keys.sorted().map { name in
            let count = String(rows[name]!)
            return name + String(repeating: " ", count: width - name.count + 2) + count
        }.joined(separator: "\n")
    }
}

/// Called every few thousand invoices with (invoices written, invoices to write).
public typealias GeneratorProgress = @Sendable (_ written: Int, _ total: Int) -> Void

/// Why a ledger could not be generated.
public struct GeneratorError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
}
