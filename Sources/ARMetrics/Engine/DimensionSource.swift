import ARCore
import ARStore

/// One dimension of a query: its distinct values and the code of each item row.
///
/// `bucket` and `dispute_reason` depend on the date and are coded per date (``OpenState``);
/// every other dimension is fixed per row.
struct DimensionSource: Sendable {
    let dimension: Dimension
    /// Distinct values; codes index into it, `-1` is missing.
    let values: [String]
    /// Code per item row; `nil` for the date-dependent dimensions.
    let rowCodes: [Int32]?
    /// Code per customer for dimensions a customer alone determines; `nil` otherwise.
    let customerCodes: [Int32]?
    /// Whether values sort by code (bucket order, terms in days) rather than as strings.
    var sortsByCode: Bool { dimension == .bucket || dimension == .paymentTermsDays }

    init(_ dimension: Dimension, rows: ItemRows, ledger: Ledger, aging: AgingSpec) throws(MetricError) {
        self.dimension = dimension
        let customers = ledger.customers
        func byCustomer(_ column: DictionaryColumn) -> ([String], [Int32]?, [Int32]?) {
            (column.values, rows.customer.map { $0 < 0 ? -1 : column.codes[Int($0)] }, column.codes)
        }
        let triple: ([String], [Int32]?, [Int32]?)
        switch dimension {
        case .entity: triple = (ledger.entities.ids, rows.codes(.entity), nil)
        case .customer: triple = (customers.ids.strings, rows.codes(.customer), (0..<customers.count).map(Int32.init))
        case .customerGroup: triple = byCustomer(customers.group)
        case .segment: triple = byCustomer(customers.segment)
        case .region: triple = byCustomer(customers.region)
        case .country: triple = byCustomer(customers.country)
        case .salesRep: triple = byCustomer(customers.salesRep)
        case .customerName: triple = byCustomer(customers.names)
        case .creditLimit: triple = byCustomer(customers.creditLimit)
        case .insuredLimit: triple = byCustomer(customers.insuredLimit)
        case .paymentTermsDays:
            let (values, byCustomer) = Self.paymentTerms(customers.paymentTermsDays)
            triple = (values, rows.customer.map { $0 < 0 ? -1 : byCustomer[Int($0)] }, byCustomer)
        case .currency: triple = (ledger.currencies.map(\.code), rows.codes(.currency), nil)
        case .bucket: triple = (aging.bucketNames, nil, nil)
        case .disputeReason: triple = (ledger.disputes.reason.values, nil, nil)
        case .issueMonth: triple = Self.issueMonths(rows)
        case .type: triple = (ItemRows.typeNames, rows.type.map(Int32.init), nil)
        case let .documentAttribute(name):
            guard let column = ledger.documents.extras.column(named: name) else {
                throw .unknownAttribute(name, table: "invoices")
            }
            let codes = (0..<rows.count).map { r in r < rows.documentCount && r < column.count ? column.codes[r] : -1 }
            triple = (column.values, codes, nil)
        case let .customerAttribute(name):
            guard let column = customers.extras.column(named: name) else {
                throw .unknownAttribute(name, table: "customers")
            }
            let padded = (0..<customers.count).map { $0 < column.count ? column.codes[$0] : -1 }
            triple = (column.values, rows.customer.map { padded[Int($0)] }, padded)
        }
        (values, rowCodes, customerCodes) = triple
    }

    /// The distinct payment terms as text in increasing number of days, and each customer's code.
    private static func paymentTerms(_ terms: OptionalColumn<Int32>) -> ([String], [Int32]) {
        let distinct = Array(Set((0..<terms.count).compactMap { terms[$0] })).sorted()
        let code = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, Int32($0)) })
        return (distinct.map(String.init), (0..<terms.count).map { terms[$0].flatMap { code[$0] } ?? -1 })
    }

    /// `YYYY-MM` of each row's issue date (payment date for cash on account).
    private static func issueMonths(_ rows: ItemRows) -> ([String], [Int32]?, [Int32]?) {
        let months = rows.issue.map { day -> Int32 in
            let (y, m, _) = Day(rawValue: day).components
            return Int32(y * 12 + m - 1)
        }
        guard let first = months.min(), let last = months.max() else { return ([], [], nil) }
        let values = (first...last).map { index -> String in
            let y = Int(index) / 12, m = Int(index) % 12 + 1
            return String(y) + (m < 10 ? "-0" : "-") + String(m)
        }
        return (values, months.map { $0 - first }, nil)
    }
}
