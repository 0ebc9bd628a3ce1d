import ARCore
import ARStore

/// The item rows at one date as a ``PredicateSubject``: state fields (`dpd`, `open`, `disputed`,
/// `bucket`, `dispute_reason`) are evaluated at that date; money in the query's output currency
/// at that date's rate (the currency its money literals are written in).
struct ItemSubject: PredicateSubject {
    let rows: ItemRows
    let ledger: Ledger
    let state: OpenState
    let aging: AgingSpec
    let book: RateBook
    /// The currency `open` and `amount` are compared in: the query's output currency.
    let target: ConversionTarget
    let stop: CancellationToken

    var count: Int { rows.count }

    func dimensionColumn(_ dimension: Dimension) throws(MetricError) -> (values: [String], codes: [Int32])? {
        let source = try DimensionSource(dimension, rows: rows, ledger: ledger, aging: aging)
        if let codes = source.rowCodes { return (source.values, codes) }
        switch dimension {
        case .bucket: return (source.values, bucketCodes(state: state, rows: rows, aging: aging))
        default: return (source.values, state.reason)
        }
    }

    func integerColumn(_ field: ItemField) throws(MetricError) -> [Int64?]? {
        let d = state.day
        switch field {
        case .dpd: return rows.due.map { Int64(d) - Int64($0) }
        case .age: return rows.issue.map { Int64(d) - Int64($0) }
        case .issueDate: return rows.issue.map { Int64($0) }
        case .dueDate: return rows.due.map { Int64($0) }
        case .open, .amount:
            let factors = try book.factors(to: target, on: d)
            var out = [Int64?](repeating: nil, count: rows.count)
            for r in 0..<rows.count where rows.issue[r] <= d {
                try stop.poll(row: r)
                let signed = field == .open ? state.open[r]
                    : (rows.type[r] == ItemRows.invoiceType ? rows.amount[r] : -rows.amount[r])
                out[r] = signed == 0 ? 0 : try factors.convert(signed, currency: rows.currency[r], currencies: ledger.currencies, day: d)
            }
            return out
        case .dimension, .id: return nil
        }
    }

    func integerFlags(_ field: ItemField, _ test: (Int64) -> Bool) -> [Bool]? {
        let d = Int64(state.day)
        switch field {
        case .dpd: return rows.due.map { test(d - Int64($0)) }
        case .age: return rows.issue.map { test(d - Int64($0)) }
        case .issueDate: return rows.issue.map { test(Int64($0)) }
        case .dueDate: return rows.due.map { test(Int64($0)) }
        default: return nil
        }
    }

    func idColumn() -> [String]? { (0..<rows.count).map { rows.id($0, in: ledger) } }

    func disputedColumn() -> [Bool]? { state.hasOpenDispute }
}

/// The aging bucket of each open row at the state's date (`-1` for rows not open).
func bucketCodes(state: OpenState, rows: ItemRows, aging: AgingSpec) -> [Int32] {
    let d = state.day
    let basis = aging.basis == .dueDate ? rows.due : rows.issue
    var codes = [Int32](repeating: -1, count: rows.count)
    for r in 0..<rows.count where state.open[r] != 0 {
        codes[r] = Int32(aging.bucket(days: Int(d) - Int(basis[r])))
    }
    return codes
}

/// Customers (the subjects of promises that name no invoice): only customer-level dimensions
/// and the promise's currency are known; every other field is unknown, so its tests are false.
struct CustomerSubject: PredicateSubject {
    let customer: [Int32]
    let currency: [Int32]
    let rows: ItemRows
    let ledger: Ledger

    var count: Int { customer.count }

    func dimensionColumn(_ dimension: Dimension) throws(MetricError) -> (values: [String], codes: [Int32])? {
        if dimension == .currency { return (ledger.currencies.map(\.code), currency) }
        let source = try DimensionSource(dimension, rows: rows, ledger: ledger, aging: .standard)
        guard let byCustomer = source.customerCodes else { return nil }
        return (source.values, customer.map { byCustomer[Int($0)] })
    }

    func integerColumn(_ field: ItemField) throws(MetricError) -> [Int64?]? { nil }
    func idColumn() -> [String]? { nil }
    func disputedColumn() -> [Bool]? { nil }
}
