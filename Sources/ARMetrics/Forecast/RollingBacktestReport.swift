/// The backtests of a range of cut-offs (``RollingBacktest``): each scored cut-off's WAPE and
/// MAE per method, the skipped cut-offs with their reason, and a summary per method.
///
/// Money is in minor units of ``currency``; each cut-off converts at its own as-of rate.
public struct RollingBacktestReport: Sendable, Equatable, Codable {
    /// The range asked for, `YYYY-MM-DD`.
    public var from: String
    public var to: String
    public var every: RollingBacktest.Step
    public var weeks: Int
    public var currency: String
    /// The scored cut-offs, in date order.
    public var cutOffs: [CutOff]
    /// The cut-offs of the range that were not scored, in date order.
    public var skipped: [Skipped]
    /// ARLens's method first, then the due-date and ledger-delay baselines.
    public var methods: [Summary]

    /// One scored cut-off.
    public struct CutOff: Sendable, Equatable, Codable {
        public var asOf: String
        /// Collections within the weeks (the WAPE's denominator), and per week.
        public var actual: Int64
        public var weeklyActual: [Int64]
        /// Invoices settled within the weeks (the MAE's subjects) and their open amount at the cut-off.
        public var settledInvoices: Int
        public var settledOpenAmount: Int64
        public var methods: [Score]

        /// The figures of one method at one cut-off, as ``BacktestReport`` gives them.
        public struct Score: Sendable, Equatable, Codable {
            public var name: String
            /// `Σ |forecast − actual|` over the weeks, and `|forecast − actual|` per week.
            public var absoluteError: Int64
            public var weeklyAbsoluteError: [Int64]
            public var wape: Double
            /// `nil` when no invoice was settled within the weeks.
            public var maeDays: Double?
        }

        init(_ report: BacktestReport) {
            asOf = report.asOf
            actual = report.actual.reduce(0, +)
            weeklyActual = report.actual
            settledInvoices = report.settledInvoices
            settledOpenAmount = report.settledOpenAmount
            methods = report.methods.map { method in
                Score(name: method.name, absoluteError: method.absoluteError,
                      weeklyAbsoluteError: zip(method.forecast, report.actual).map { abs($0 - $1) },
                      wape: method.wape ?? 0, maeDays: method.maeDays)
            }
        }
    }

    /// A cut-off of the range that was not scored.
    public struct Skipped: Sendable, Equatable, Codable {
        public var asOf: String
        public var reason: Reason

        public enum Reason: String, Sendable, Codable {
            /// The ledger's as-of date falls before the end of the last week.
            case actualsIncomplete = "actuals_incomplete"
            /// Nothing was collected within the weeks on the invoices open at the cut-off.
            case noCollections = "no_collections"
        }
    }

    /// One method over all scored cut-offs.
    public struct Summary: Sendable, Equatable, Codable {
        public var name: String
        /// Mean of the cut-offs' WAPEs; `nil` without a scored cut-off.
        public var meanWAPE: Double?
        /// `Σ |forecast − actual| / Σ actual` over every cut-off and week: large cut-offs weigh more,
        /// and one quiet cut-off cannot swing it.
        public var pooledWAPE: Double?
        /// The pooled WAPE of each week of the horizon on its own (week 1 holds the cut-off);
        /// `nil` for a week without collections at any cut-off.
        public var pooledWAPEByWeek: [Double?]
        /// Mean of the cut-offs' MAEs in days, over the cut-offs with a settled invoice.
        public var meanMAEDays: Double?
        /// Amount-weighted MAE over every settled invoice of every cut-off:
        /// `Σ (MAE × settled open amount) / Σ settled open amount`.
        public var pooledMAEDays: Double?
        /// Cut-offs where this method's WAPE (MAE) is lower than both others'; a shared lowest
        /// counts for no method (see ``RollingBacktestReport/tiedWAPE``).
        public var bestWAPE: Int
        public var bestMAE: Int
    }

    /// Cut-offs with an MAE (with at least one invoice settled within the weeks).
    public var cutOffsWithMAE: Int
    /// Cut-offs where two or three methods share the lowest WAPE (e.g. before any invoice has
    /// cleared, when every method predicts the due date) or the lowest MAE.
    public var tiedWAPE: Int
    public var tiedMAE: Int

    /// The positions of the smallest value of `values`.
    static func lowest(_ values: [Double]) -> [Int] {
        guard let least = values.min() else { return [] }
        return values.indices.filter { values[$0] == least }
    }

    /// The summary of the method named `name`.
    public func method(_ name: String) -> Summary? { methods.first { $0.name == name } }

    init(from: String, to: String, every: RollingBacktest.Step, weeks: Int, currency: String,
         cutOffs: [CutOff], skipped: [Skipped]) {
        self.from = from
        self.to = to
        self.every = every
        self.weeks = weeks
        self.currency = currency
        self.cutOffs = cutOffs
        self.skipped = skipped
        methods = Backtest.methodNames.indices.map { Self.summary(of: $0, over: cutOffs, weeks: weeks) }
        cutOffsWithMAE = cutOffs.count { $0.methods.first?.maeDays != nil }
        tiedWAPE = cutOffs.count { Self.lowest($0.methods.map(\.wape)).count > 1 }
        tiedMAE = cutOffs.count { Self.lowest($0.methods.compactMap(\.maeDays)).count > 1 }
    }

    /// The summary of the `m`-th method.
    private static func summary(of m: Int, over cutOffs: [CutOff], weeks: Int) -> Summary {
        var wapeSum = 0.0, maeSum = 0.0, maeCount = 0, weightedDays = 0.0
        var errors: Int128 = 0, actuals: Int128 = 0, weights: Int128 = 0
        var weeklyErrors = [Int128](repeating: 0, count: weeks), weeklyActuals = weeklyErrors
        var bestWAPE = 0, bestMAE = 0
        for cut in cutOffs {
            let score = cut.methods[m]
            for w in 0..<weeks {
                weeklyErrors[w] += Int128(score.weeklyAbsoluteError[w])
                weeklyActuals[w] += Int128(cut.weeklyActual[w])
            }
            wapeSum += score.wape
            errors += Int128(score.absoluteError)
            actuals += Int128(cut.actual)
            if lowest(cut.methods.map(\.wape)) == [m] { bestWAPE += 1 }
            guard let mae = score.maeDays else { continue }
            maeSum += mae
            maeCount += 1
            weightedDays += mae * Double(cut.settledOpenAmount)
            weights += Int128(cut.settledOpenAmount)
            if lowest(cut.methods.compactMap(\.maeDays)) == [m] { bestMAE += 1 }
        }
        return Summary(name: Backtest.methodNames[m],
                       meanWAPE: cutOffs.isEmpty ? nil : wapeSum / Double(cutOffs.count),
                       pooledWAPE: actuals > 0 ? Double(errors) / Double(actuals) : nil,
                       pooledWAPEByWeek: (0..<weeks).map { w in
                           weeklyActuals[w] > 0 ? Double(weeklyErrors[w]) / Double(weeklyActuals[w]) : nil
                       },
                       meanMAEDays: maeCount > 0 ? maeSum / Double(maeCount) : nil,
                       pooledMAEDays: weights > 0 ? weightedDays / Double(weights) : nil,
                       bestWAPE: bestWAPE, bestMAE: bestMAE)
    }
}
