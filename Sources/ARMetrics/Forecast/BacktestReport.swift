import ARCore
/// How well the cash forecast of one date matched the collections recorded after it
/// (metrics.md, "Backtest."), for ARLens's method and the two baselines.
///
/// Money is in minor units of ``currency``, each item or payment row converted at the as-of rate.
public struct BacktestReport: Sendable, Equatable, Codable {
    /// The forecast date `d`, `YYYY-MM-DD`.
    public var asOf: String
    public var weeks: Int
    public var currency: String
    /// The Monday of each week, `YYYY-MM-DD`; week 1 contains `d`.
    public var weekStarts: [String]
    /// Payment rows dated after `d` and up to the end of the last week, allocated to the
    /// perimeter's invoices open and positive at `d`, per week.
    public var actual: [Int64]
    /// Positive open amount of the perimeter at `d`.
    public var openAtAsOf: Int64
    /// Invoices whose payments after `d` reach their open amount within the weeks (the MAE's subjects).
    public var settledInvoices: Int
    /// Open amount at `d` of the settled invoices: the weight of the MAE.
    public var settledOpenAmount: Int64
    /// False when the actuals ledger ends before the last week does (the actuals are then short).
    public var actualsComplete: Bool
    /// ARLens's method first, then the due-date and ledger-delay baselines.
    public var methods: [Method]

    public struct Method: Sendable, Equatable, Codable {
        /// `arlens`, `due_date` or `due_date_plus_ledger_delay`.
        public var name: String
        public var forecast: [Int64]
        /// Forecast after the last week (left out of the WAPE).
        public var later: Int64
        /// `|forecast − actual| / actual` per week; `nil` for a week without collections.
        public var weeklyWAPE: [Double?]
        /// `Σ |forecast − actual|` over the weeks: the WAPE's numerator.
        public var absoluteError: Int64
        /// `Σ |forecast − actual| / Σ actual` over the weeks; `nil` without any collection.
        public var wape: Double?
        /// Mean absolute error in days of the settled invoices, weighted by open amount at `d`.
        public var maeDays: Double?
    }

    /// The method named `name`.
    public func method(_ name: String) -> Method? { methods.first { $0.name == name } }

    /// A plain-text table: one line per week, then WAPE and MAE per method.
    public var rendered: String {
        let names = methods.map(\.name)
        let digits = Currency(code: currency)?.minorDigits ?? 2
        func money(_ minor: Int64) -> String { MinorUnits.formatGrouped(minor, digits: digits) }
        var lines = ["backtest as of \(asOf), \(weeks) weeks, amounts in \(currency)"
            + (actualsComplete ? "" : " (actuals end before the last week)")]
        lines.append(row(["week", "actual"] + names))
        for w in 0..<weeks {
            lines.append(row([weekStarts[w], money(actual[w])] + methods.map { money($0.forecast[w]) }))
        }
        lines.append(row(["later", ""] + methods.map { money($0.later) }))
        lines.append(row(["WAPE", ""] + methods.map { percentText($0.wape) }))
        lines.append(row(["MAE days", ""] + methods.map { daysText($0.maeDays) }))
        lines.append("open at as-of: \(money(openAtAsOf)); invoices settled within the weeks: \(settledInvoices)")
        return lines.joined(separator: "\n")
    }

    private func row(_ cells: [String]) -> String {
        cells.enumerated().map { k, cell in
            let width = k == 0 ? 10 : (k == 1 ? 16 : 28)
            let pad = String(repeating: " ", count: max(0, width - cell.count))
            return k == 0 ? cell + pad : pad + cell
        }.joined(separator: " ")
    }
}

/// A fraction as a percentage with one decimal, `-` when undefined.
func percentText(_ value: Double?) -> String {
    value.map { fixedDecimals($0 * 100, decimals: 1) + " %" } ?? "-"
}

/// Days with two decimals, `-` when undefined.
func daysText(_ value: Double?) -> String {
    value.map { fixedDecimals($0, decimals: 2) } ?? "-"
}

/// `value` with a fixed number of decimals, without Foundation's locale-dependent formatting.
func fixedDecimals(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale), fraction = Int(scaled) - whole * Int(scale)
    var digits = String(fraction)
    while digits.count < decimals { digits = "0" + digits }
    return (value < 0 && scaled != 0 ? "-" : "") + String(whole) + (decimals > 0 ? "." + digits : "")
}
