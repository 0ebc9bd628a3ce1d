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
    /// The date the cash forecast expects each item to be paid (`nil` for credit items), when
    /// the items were asked for with `predictingPayDates`; otherwise `nil`.
    public var predictedPayDates: [Day?]?
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

    /// The items at `indexes`, in that order (to cut or reorder).
    public func selecting(_ indexes: [Int]) -> ItemTable {
        var t = ItemTable(reportingCurrency: reportingCurrency, asOf: asOf)
        for k in indexes { t.append(self[k]) }
        t.predictedPayDates = predictedPayDates.map { dates in indexes.map { dates[$0] } }
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
