import ARCore

/// What `arlens inspect` shows of a ledger: row counts, date ranges, and per entity and currency
/// the amounts invoiced and open at the as-of date, in document currency.
///
/// Open follows metrics.md: an invoice issued on or before as-of is open for its amount minus
/// allocations and write-offs dated on or before as-of; a credit note and unallocated cash count
/// negative. Items whose open amount is exactly zero are not open items.
public struct LedgerSummary: Sendable, Equatable, Codable {
    public struct TableCount: Sendable, Equatable, Codable {
        public var table: String
        public var rows: Int
    }

    /// The first and last date of one date column; `nil` when the table is empty.
    public struct DateRange: Sendable, Equatable, Codable {
        public var table: String
        public var column: String
        public var first: String?
        public var last: String?
    }

    /// Amounts of one entity in one currency, in minor units of that currency, summed in 128 bits:
    /// exact whatever the ledger holds (even an archive written before amounts were bounded).
    public struct Totals: Sendable, Equatable, Codable {
        public var entity: String
        public var currency: String
        /// Minor digits of `currency`, to read the amounts.
        public var digits: Int
        /// Invoices and credit notes issued on or before as-of.
        public var invoices: Int
        public var creditNotes: Int
        public var invoiced: Int128
        public var credited: Int128
        /// Open items at as-of (non-zero), including unallocated cash.
        public var openItems: Int
        /// The receivables balance at as-of: open invoices minus open credit notes and unallocated cash.
        public var open: Int128
    }

    public var asOf: String
    public var reportingCurrency: String
    public var source: String?
    public var counts: [TableCount]
    public var dateRanges: [DateRange]
    /// Sorted by entity id, then currency code; cash on account of a customer with no document
    /// and no `entity_id` is under entity `(none)`.
    public var totals: [Totals]
    /// Whether the ledger holds open items only: documents but no payment and no write-off, so
    /// no settled history to measure payment behaviour from (`nil` in a summary written before
    /// this field existed).
    public var openItemsOnly: Bool?

    /// Summarises `ledger` at its snapshot's as-of date.
    /// - Complexity: O(rows), one pass over documents and their CSR allocations.
    public init(_ ledger: Ledger) {
        asOf = ledger.snapshot.asOf.iso
        reportingCurrency = ledger.snapshot.reportingCurrency.code
        source = ledger.snapshot.source
        counts = [
            ("entities", ledger.entities.count), ("customers", ledger.customers.count), ("invoices", ledger.documents.count),
            ("payments", ledger.payments.count), ("disputes", ledger.disputes.count), ("promises", ledger.promises.count),
            ("write_offs", ledger.writeOffs.count), ("fx_rates", ledger.fxRates.count), ("dunning", ledger.dunning.count),
        ].map { TableCount(table: $0.0, rows: $0.1) }
        dateRanges = [
            LedgerSummary.range("invoices", "issue_date", ledger.documents.issue),
            LedgerSummary.range("invoices", "due_date", ledger.documents.due),
            LedgerSummary.range("payments", "payment_date", ledger.payments.day),
            LedgerSummary.range("disputes", "opened_date", ledger.disputes.opened),
            LedgerSummary.range("promises", "made_date", ledger.promises.made),
            LedgerSummary.range("write_offs", "write_off_date", ledger.writeOffs.day),
            LedgerSummary.range("fx_rates", "date", ledger.fxRates.day),
            LedgerSummary.range("dunning", "action_date", ledger.dunning.day),
        ]
        totals = LedgerSummary.totals(ledger)
        openItemsOnly = ledger.documents.count > 0 && ledger.payments.count == 0 && ledger.writeOffs.count == 0
    }

    private static func range(_ table: String, _ column: String, _ days: [Int32]) -> DateRange {
        DateRange(table: table, column: column, first: days.min().map { Day(rawValue: $0).iso }, last: days.max().map { Day(rawValue: $0).iso })
    }

    /// Accumulates per (entity, currency) cell of a flat array, then keeps the non-empty cells.
    private static func totals(_ ledger: Ledger) -> [Totals] {
        let d = ledger.snapshot.asOf.rawValue
        let docs = ledger.documents
        let currencyCount = ledger.currencies.count
        // One extra entity row, `(none)`, for cash on account whose entity cannot be resolved.
        let unresolved = Int32(ledger.entities.count)
        var cells = [Totals?](repeating: nil, count: (ledger.entities.count + 1) * currencyCount)
        func cell(_ entity: Int32, _ currency: Int32) -> Int { Int(entity) * currencyCount + Int(currency) }
        func touch(_ k: Int, entity: Int32, currency: Int32) {
            if cells[k] == nil {
                let c = ledger.currencies[Int(currency)]
                let name = entity == unresolved ? "(none)" : ledger.entities.ids[Int(entity)]
                cells[k] = Totals(entity: name, currency: c.code, digits: c.minorDigits,
                                  invoices: 0, creditNotes: 0, invoiced: 0, credited: 0, openItems: 0, open: 0)
            }
        }
        for i in 0..<docs.count where docs.issue[i] <= d {
            let k = cell(docs.entity[i], docs.currency[i])
            touch(k, entity: docs.entity[i], currency: docs.currency[i])
            var open = Int128(docs.amount[i])
            for a in Int(docs.allocationStart[i])..<Int(docs.allocationStart[i + 1]) where docs.allocationDay[a] <= d {
                open -= Int128(docs.allocationAmount[a])
            }
            for w in Int(docs.writeOffStart[i])..<Int(docs.writeOffStart[i + 1]) where ledger.writeOffs.day[w] <= d {
                open -= Int128(ledger.writeOffs.amount[w])
            }
            if docs.isCreditNote(i) {
                cells[k]!.creditNotes += 1
                cells[k]!.credited += Int128(docs.amount[i])
                open = -open
            } else {
                cells[k]!.invoices += 1
                cells[k]!.invoiced += Int128(docs.amount[i])
            }
            if open != 0 { cells[k]!.openItems += 1 }
            cells[k]!.open += open
        }
        let payments = ledger.payments
        for p in 0..<payments.count where payments.document[p] < 0 && payments.day[p] <= d {
            let entity = payments.resolvedEntity[p] >= 0 ? payments.resolvedEntity[p] : unresolved
            let k = cell(entity, payments.currency[p])
            touch(k, entity: entity, currency: payments.currency[p])
            cells[k]!.openItems += 1
            cells[k]!.open -= Int128(payments.amount[p])
        }
        return cells.compactMap { $0 }.sorted { ($0.entity, $0.currency) < ($1.entity, $1.currency) }
    }
}
