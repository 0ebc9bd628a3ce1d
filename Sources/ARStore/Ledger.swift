import ARCore

/// One snapshot of a company's receivables ledger, held in typed contiguous columns.
///
/// A `Ledger` is immutable once built (by ``LedgerBuilder``) and is a `Sendable` value, safe to
/// share across threads and requests. Rows reference each other by `Int32` row index: a payment's
/// `document` is a row of ``documents``, `-1` when it has none.
public struct Ledger: Sendable {
    public var snapshot: SnapshotInfo
    /// Every currency the ledger uses; currency columns hold indexes into it.
    public var currencies: [Currency]
    public var entities: EntityTable
    public var customers: CustomerTable
    /// Invoices and credit notes.
    public var documents: DocumentTable
    public var payments: PaymentTable
    public var disputes: DisputeTable
    public var promises: PromiseTable
    public var writeOffs: WriteOffTable
    public var fxRates: FXRateTable
    public var dunning: DunningTable

    /// The index of `currency` in ``currencies``.
    public func currencyIndex(of code: String) -> Int32? {
        currencies.firstIndex { $0.code == code }.map(Int32.init)
    }

    /// The reporting currency's index in ``currencies``, if any row uses it.
    public var reportingCurrencyIndex: Int32? { currencyIndex(of: snapshot.reportingCurrency.code) }
}

/// What the extraction says about itself (snapshot.json, or the `snapshot` table).
public struct SnapshotInfo: Sendable, Equatable, Codable {
    /// The day of the extraction: figures are computed on or before it.
    public var asOf: Day
    /// The currency totals are converted to.
    public var reportingCurrency: Currency
    /// Which system produced the snapshot.
    public var source: String?

    public init(asOf: Day, reportingCurrency: Currency = .eur, source: String? = nil) {
        self.asOf = asOf
        self.reportingCurrency = reportingCurrency
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case asOf = "as_of", reportingCurrency = "reporting_currency", source }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let asOfText = try c.decode(String.self, forKey: .asOf)
        guard let day = Day(iso: asOfText) else {
            throw DecodingError.dataCorruptedError(forKey: .asOf, in: c, debugDescription: "'\(asOfText)' is not a YYYY-MM-DD date")
        }
        asOf = day
        let code = try c.decodeIfPresent(String.self, forKey: .reportingCurrency) ?? "EUR"
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorruptedError(forKey: .reportingCurrency, in: c, debugDescription: "'\(code)' is not an ISO 4217 currency")
        }
        reportingCurrency = currency
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(asOf.iso, forKey: .asOf)
        try c.encode(reportingCurrency.code, forKey: .reportingCurrency)
        try c.encodeIfPresent(source, forKey: .source)
    }
}

/// Extra columns a user's file carried beyond the interchange layout, kept as dimensions.
public struct ExtraAttributes: Sendable, Equatable {
    /// Column names in the order first seen.
    public private(set) var names: [String] = []
    public private(set) var columns: [DictionaryColumn] = []

    public init() {}

    public init(names: [String], columns: [DictionaryColumn]) {
        self.names = names
        self.columns = columns
    }

    /// The column called `name`.
    public func column(named name: String) -> DictionaryColumn? {
        names.firstIndex(of: name).map { columns[$0] }
    }

    /// The index of column `name`, added empty when new.
    private mutating func columnIndex(_ name: String) -> Int {
        if let existing = names.firstIndex(of: name) { return existing }
        names.append(name)
        columns.append(DictionaryColumn())
        return names.count - 1
    }

    /// Sets attribute `name` of an existing row of a table of `rowCount` rows (a new column is
    /// padded to `rowCount`).
    mutating func set(row: Int, name: String, value: String, rowCount: Int) {
        let k = columnIndex(name)
        columns[k].pad(to: rowCount)
        columns[k].set(row, to: value)
    }

    /// Appends row `row`'s extras; every column is padded so that all have `row + 1` rows.
    mutating func append(row: Int, _ extras: [(name: String, value: String)]) {
        for (name, value) in extras {
            let k = columnIndex(name)
            columns[k].pad(to: row)
            columns[k].append(value)
        }
        for k in columns.indices { columns[k].pad(to: row + 1) }
    }
}
