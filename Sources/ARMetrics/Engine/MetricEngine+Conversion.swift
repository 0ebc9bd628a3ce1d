import ARCore

extension MetricEngine {
    /// Converts `minor` units of `source` to `target` at the rates valid on `day`, rounding half
    /// away from zero once, exactly as the engine converts an item (metrics.md, "Conversion").
    /// - Throws: ``MetricError`` `no_fx_rate` when either currency has no rate on `day`, `overflow`.
    public func convert(_ minor: Int64, from source: Currency, to target: Currency, on day: Day) throws(MetricError) -> Int64 {
        if source == target { return minor }
        let book = RateBook(ledger: ledger)
        let index = ledger.currencyIndex(of: source.code) ?? -1
        return try book.cross(from: source, index: index, to: book.target(target), on: day.rawValue).apply(minor)
    }
}
