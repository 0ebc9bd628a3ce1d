import ARCore
import ARStore

extension QueryRun {
    /// The values of `key` for each of `items` (open item rows of `f`), in that order.
    /// - Parameter predicted: the predicted pay day of each of `items`, when `key` reads it.
    func sortValues(_ key: ItemSortKey, items: [Int32], frame f: DateFrame, predicted: [Int32]?) throws(MetricError) -> ItemSortValues {
        let d = Int64(f.day)
        guard case let .field(field) = key.column else {
            let days = predicted ?? []
            return .integers(days.map(Int64.init), missing: days.map { $0 == MetricEngine.noPredictedPayDate })
        }
        switch field {
        case .dpd: return .integers(items.map { d - Int64(rows.due[Int($0)]) }, missing: nil)
        case .age: return .integers(items.map { d - Int64(rows.issue[Int($0)]) }, missing: nil)
        case .issueDate: return .integers(items.map { Int64(rows.issue[Int($0)]) }, missing: nil)
        case .dueDate: return .integers(items.map { Int64(rows.due[Int($0)]) }, missing: nil)
        case .open: return .integers(items.map { f.openOut[Int($0)] }, missing: nil)
        case .amount: return .integers(try grossAmounts(items, frame: f), missing: nil)
        case .id: return .texts(items.map { rows.id(Int($0), in: ledger) })
        case let .dimension(dimension): return try dimensionValues(dimension, items: items, frame: f)
        }
    }

    /// The signed gross amount of each item (credit items negative) in the output currency at
    /// the frame's rate.
    private func grossAmounts(_ items: [Int32], frame f: DateFrame) throws(MetricError) -> [Int64] {
        var amounts: [Int64] = []
        amounts.reserveCapacity(items.count)
        for (k, item) in items.enumerated() {
            try stop.poll(row: k)
            let r = Int(item)
            let signed = rows.type[r] == ItemRows.invoiceType ? rows.amount[r] : -rows.amount[r]
            amounts.append(try f.factors.convert(signed, currency: rows.currency[r], currencies: currencies, day: f.day))
        }
        return amounts
    }

    /// A dimension's value of each item: buckets by their order, other values by their text.
    private func dimensionValues(_ dimension: Dimension, items: [Int32], frame f: DateFrame) throws(MetricError) -> ItemSortValues {
        switch dimension {
        case .bucket:
            let basis = bucketSpec.basis == .dueDate ? rows.due : rows.issue
            return .integers(items.map { Int64(bucketSpec.bucket(days: Int(f.day) - Int(basis[Int($0)]))) }, missing: nil)
        case .disputeReason:
            return Self.collated(items.map { f.state.reason[Int($0)] }, values: ledger.disputes.reason.values)
        default:
            // Every other dimension is fixed per row.
            let source = try DimensionSource(dimension, rows: rows, ledger: ledger, aging: bucketSpec)
            let codes = source.rowCodes ?? []
            return Self.collated(items.map { codes[Int($0)] }, values: source.values)
        }
    }

    /// Dimension codes (`-1` missing) compared by their values' text: as ranks of the sorted
    /// values, or as the texts themselves when there are more values than items to order
    /// (`items where … order by customer limit 20` does not sort every customer's id).
    static func collated(_ codes: [Int32], values: [String]) -> ItemSortValues {
        if values.count > codes.count { return .texts(codes.map { $0 < 0 ? nil : values[Int($0)] }) }
        let rank = MetricColumns.ranks(of: values)
        let missing = codes.map { $0 < 0 }
        return .integers(codes.map { $0 < 0 ? 0 : Int64(rank[Int($0)]) }, missing: missing.contains(true) ? missing : nil)
    }
}
