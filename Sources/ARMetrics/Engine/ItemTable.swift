import ARCore
import ARStore

/// Open items at a date, one row per document with a non-zero open amount plus cash on account,
/// as typed columns (row `k` of every column is one item).
///
/// Amounts are signed: credit notes and cash on account are negative. Reorder or cut it with
/// ``selecting(_:)``; read one item with ``subscript(_:)``.
public struct ItemTable: Sendable, Equatable {
    public var ids: [String] = []
    /// `invoice`, `credit_note` or `unallocated`.
    public var types: [String] = []
    public var entities: [String?] = []
    public var customers: [String] = []
    public var customerNames: [String?] = []
    public var currencies: [String] = []
    public var issueDates: [Day] = []
    public var dueDates: [Day] = []
    public var daysPastDue: [Int] = []
    /// Aging bucket under the standard spec.
    public var buckets: [String] = []
    /// Gross amount, minor units of the item's currency (negative for credit items).
    public var amounts: [Int64] = []
    /// Open amount, minor units of the item's currency.
    public var open: [Int64] = []
    /// Open amount converted at the as-of rate, minor units of ``reportingCurrency``.
    public var openReporting: [Int64] = []
    /// Has a dispute open at the as-of date.
    public var disputed: [Bool] = []
    /// The row of each item in the ledger's documents table; `-1` for cash on account.
    public var documentRows: [Int32] = []
    /// The currency of ``openReporting``.
    public var reportingCurrency: Currency
    public var asOf: Day

    public init(reportingCurrency: Currency, asOf: Day) {
        self.reportingCurrency = reportingCurrency
        self.asOf = asOf
    }

    public var count: Int { ids.count }

    /// One open item.
    public struct Row: Sendable, Equatable {
        public var id: String, type: String, entity: String?, customer: String, customerName: String?
        public var currency: String, issueDate: Day, dueDate: Day, dpd: Int, bucket: String
        public var amount: Int64, open: Int64, openReporting: Int64, disputed: Bool
        /// The ledger's document row; `-1` for cash on account.
        public var documentRow: Int32 = -1
    }

    public subscript(k: Int) -> Row {
        Row(id: ids[k], type: types[k], entity: entities[k], customer: customers[k], customerName: customerNames[k],
            currency: currencies[k], issueDate: issueDates[k], dueDate: dueDates[k], dpd: daysPastDue[k],
            bucket: buckets[k], amount: amounts[k], open: open[k], openReporting: openReporting[k], disputed: disputed[k],
            documentRow: documentRows[k])
    }

    /// The items at `indexes`, in that order (to sort or limit).
    public func selecting(_ indexes: [Int]) -> ItemTable {
        var t = ItemTable(reportingCurrency: reportingCurrency, asOf: asOf)
        for k in indexes { t.append(self[k]) }
        return t
    }

    mutating func append(_ r: Row) {
        ids.append(r.id); types.append(r.type); entities.append(r.entity); customers.append(r.customer)
        customerNames.append(r.customerName); currencies.append(r.currency); issueDates.append(r.issueDate)
        dueDates.append(r.dueDate); daysPastDue.append(r.dpd); buckets.append(r.bucket); amounts.append(r.amount)
        open.append(r.open); openReporting.append(r.openReporting); disputed.append(r.disputed)
        documentRows.append(r.documentRow)
    }
}

extension MetricEngine {
    /// Open items at `asOf` (one row per document with a non-zero open amount, plus cash on
    /// account), those the filter selects, in document order then payment order.
    /// - Parameter currency: the currency of `open_reporting`; `nil` is the reporting currency.
    /// - Throws: ``MetricError`` for a date after `as_of` or a missing rate.
    public func items(asOf: Day, filter: ItemPredicate?, currency: Currency?) throws -> ItemTable {
        try items(asOf: asOf, filter: filter, currency: currency, orderBy: nil)
    }

    /// Open items as ``items(asOf:filter:currency:)``, ordered by `column` (one of
    /// ``ItemTable/columnNames``; stable: ties keep document order; an unknown column keeps
    /// document order) and cut to `limit`.
    ///
    /// Ordered by a numeric or date column, only the `limit` items kept are laid out as rows
    /// (`items where dpd > 90 order by open desc limit 20` at 1M documents sorts 20k keys and
    /// builds 20 rows, not 20k).
    public func items(asOf: Day, filter: ItemPredicate?, currency: Currency?, orderBy column: String?,
                      descending: Bool = false, limit: Int? = nil) throws -> ItemTable {
        try check([asOf])
        let query = MetricQuery(metrics: [], filter: filter, dates: [asOf], currency: currency)
        let run = try QueryRun(ledger: ledger, rows: rows, query: query, derived: derived)
        let f = try run.frame(at: asOf.rawValue)
        var selected = f.itemRows.map(Int.init)
        if let column, let key = sortKey(column, frame: f) {
            // Each key read once, not twice per comparison.
            var keyed = selected.map { (key: key($0), row: $0) }
            keyed.sort { a, b in
                if a.key == b.key { return a.row < b.row }
                return descending ? b.key < a.key : a.key < b.key
            }
            selected = keyed.prefix(max(0, limit ?? keyed.count)).map(\.row)
            return itemTable(selected, frame: f, run: run, asOf: asOf)
        }
        var table = itemTable(selected, frame: f, run: run, asOf: asOf)
        if let column, let order = table.order(by: column, descending: descending) {
            table = table.selecting(Array(order.prefix(limit ?? order.count)))
        } else if let limit, limit < table.count {
            table = table.selecting(Array(0..<limit))
        }
        return table
    }

    /// The value of a numeric or date column for row `r`, as ``ItemTable/cell(_:_:)`` orders it;
    /// `nil` for a text column.
    private func sortKey(_ column: String, frame f: DateFrame) -> ((Int) -> Int64)? {
        let rows = rows, d = Int64(f.day)
        switch column {
        case "open_reporting": return { f.openOut[$0] }
        case "open": return { f.state.open[$0] }
        case "amount": return { rows.type[$0] == ItemRows.invoiceType ? rows.amount[$0] : -rows.amount[$0] }
        case "dpd": return { d - Int64(rows.due[$0]) }
        case "issue_date": return { Int64(rows.issue[$0]) }
        case "due_date": return { Int64(rows.due[$0]) }
        default: return nil
        }
    }

    /// The rows `selected` (item rows of `f`) laid out as an item table, in that order.
    private func itemTable(_ selected: [Int], frame f: DateFrame, run: QueryRun, asOf: Day) -> ItemTable {
        var table = ItemTable(reportingCurrency: run.target.currency, asOf: asOf)
        let names = AgingSpec.standard.bucketNames
        for r in selected {
            let c = Int(rows.customer[r])
            let dpd = Int(asOf.rawValue) - Int(rows.due[r])
            table.append(ItemTable.Row(
                id: rows.id(r, in: ledger), type: ItemRows.typeNames[Int(rows.type[r])],
                entity: rows.entity[r] >= 0 ? ledger.entities.ids[Int(rows.entity[r])] : nil,
                customer: ledger.customers.ids[c], customerName: ledger.customers.names[c],
                currency: ledger.currencies[Int(rows.currency[r])].code,
                issueDate: Day(rawValue: rows.issue[r]), dueDate: Day(rawValue: rows.due[r]), dpd: dpd,
                bucket: names[AgingSpec.standard.bucket(days: dpd)],
                amount: rows.type[r] == ItemRows.invoiceType ? rows.amount[r] : -rows.amount[r],
                open: f.state.open[r], openReporting: f.openOut[r], disputed: f.state.hasOpenDispute[r],
                documentRow: r < rows.documentCount ? Int32(r) : -1))
        }
        return table
    }
}
