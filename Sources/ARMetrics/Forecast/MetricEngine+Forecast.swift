import ARCore
import ARStore

extension MetricEngine {
    /// Marks documents without a predicted pay date in ``predictedPayDates(asOf:)``.
    public static let noPredictedPayDate = Int32.min

    /// Expected collections of the positive open items at `q.asOf`, per group and period
    /// (metrics.md, "Cash forecast" and "Forecast.").
    ///
    /// Each item's expected date is worked out on the whole ledger; the filter and dimensions only
    /// choose which items are summed and where. Amounts are converted at the as-of rate, item by item.
    /// - Throws: ``MetricError`` for a date after `as_of`, fewer than one period, or a missing rate.
    public func forecast(_ q: ForecastQuery) throws -> ForecastTable {
        try check([q.asOf])
        guard q.periods >= 1 else {
            throw MetricError(code: "bad_query", message: "a forecast needs at least one period: ask for 'next 1' or more")
        }
        let query = MetricQuery(metrics: [], dimensions: q.dimensions, filter: q.filter, dates: [q.asOf], currency: q.currency)
        let run = try QueryRun(ledger: ledger, rows: rows, query: query, derived: derived, stop: cancellation)
        if q.dimensions.isEmpty { _ = run.registry.id(0) }
        let frame = try run.frame(at: q.asOf.rawValue)
        let dates = try ExpectedDates(rows: rows, ledger: ledger, state: frame.state, book: run.book, stop: cancellation)
        let calendar = ForecastCalendar(granularity: q.granularity, periods: q.periods, asOf: q.asOf)
        // One column per (rule, period or later): rule k's periods start at column k × slots.
        let slots = q.periods + 1
        // Every row's group is registered by the frame, so the group count is final here.
        var sums = [[Int64]](repeating: run.perGroup(0), count: ForecastRule.allCases.count * slots)
        run.touched = []
        var overflow = false
        for r in 0..<rows.count where dates.expected[r] != ExpectedDates.none && frame.selected(r) {
            try cancellation.poll(row: r)
            let g = Int(frame.rowGroup[r])
            run.touch(Int32(g))
            sums[dates.rule(r).rawValue * slots + calendar.period(of: dates.expected[r])][g].add(frame.openOut[r], overflow: &overflow)
        }
        try MetricError.check(overflow || !Self.totalsFit(sums, slots: slots), "the expected collections of a group")
        return try table(q, run: run, calendar: calendar, sums: sums)
    }

    /// Whether every total a forecast shows fits in 64 bits: each group's period (its rule parts
    /// added), and each period's sum over the groups, rule by rule and in all.
    private static func totalsFit(_ sums: [[Int64]], slots: Int) -> Bool {
        let rules = ForecastRule.allCases.count
        func fits(_ x: Int128) -> Bool { x >= Int128(Int64.min) && x <= Int128(Int64.max) }
        let groups = sums.first?.count ?? 0
        for k in 0..<slots {
            var all: Int128 = 0
            for rule in 0..<rules {
                var overGroups: Int128 = 0
                for g in 0..<groups { overGroups += Int128(sums[rule * slots + k][g]) }
                all += overGroups
                if !fits(overGroups) { return false }
            }
            if !fits(all) { return false }
            for g in 0..<groups where !fits((0..<rules).reduce(Int128(0)) { $0 + Int128(sums[$1 * slots + k][g]) }) { return false }
        }
        return true
    }

    /// Assembles the rows in the engine's group order (dimension values sorted, missing last).
    private func table(_ q: ForecastQuery, run: QueryRun, calendar: ForecastCalendar, sums: [[Int64]]) throws(MetricError) -> ForecastTable {
        let columns = (0..<sums.count).map { MetricColumn(name: "c\($0)", kind: .money) }
        let values = sums.map { column in column.map(MetricValue.money) }
        let ordered = try MetricColumns.rows(run: run, dates: [q.asOf], columns: columns, perDate: [(values, run.touched)],
                                         forceEmptyGroup: q.dimensions.isEmpty)
        let slots = q.periods + 1
        let rows = ordered.map { row -> ForecastTable.Row in
            let money = row.values.map { value -> Int64 in
                if case let .money(m) = value { return m }
                return 0
            }
            let amounts = (0..<slots).map { k in
                ForecastAmounts(promise: money[ForecastRule.promise.rawValue * slots + k],
                                behaviour: money[ForecastRule.behaviour.rawValue * slots + k],
                                dispute: money[ForecastRule.dispute.rawValue * slots + k],
                                noHistory: money[ForecastRule.noHistory.rawValue * slots + k])
            }
            return ForecastTable.Row(keys: row.keys, periods: Array(amounts.prefix(q.periods)), later: amounts[q.periods])
        }
        return ForecastTable(granularity: q.granularity, asOf: q.asOf,
                             periodStarts: calendar.starts.dropLast().map(Day.init(rawValue:)),
                             laterStart: Day(rawValue: calendar.starts[q.periods]),
                             dimensions: q.dimensions.map(\.name), currency: run.target.currency, rows: rows)
    }

    /// The predicted pay date of every document row at `asOf` (raw ``Day`` values), the date the
    /// cash forecast expects it: ``noPredictedPayDate`` for documents that are not positive open
    /// items (settled, not issued yet, credit notes).
    /// - Throws: ``MetricError`` for a date after `as_of` or a missing rate.
    public func predictedPayDates(asOf: Day) throws -> [Int32] {
        try check([asOf])
        return try allPredictedPayDays(asOf: asOf)
    }

    /// ``predictedPayDates(asOf:)`` once the date is checked.
    private func allPredictedPayDays(asOf: Day) throws(MetricError) -> [Int32] {
        let dates = try expectedDates(at: asOf.rawValue)
        return Array(dates.expected[0..<rows.documentCount])
    }

    /// The predicted pay date at `asOf` of each of `documents` (document rows; negative for
    /// cash on account): for each, what ``predictedPayDates(asOf:)`` gives its row, or
    /// ``noPredictedPayDate``. A few rows cost in proportion to their customers' documents and
    /// promises, not to the ledger (`items … limit 20` shows 20 dates).
    /// - Throws: ``MetricError`` for a date after `as_of` or a missing rate.
    public func predictedPayDates(asOf: Day, documents: [Int32]) throws -> [Int32] {
        try check([asOf])
        return try predictedPayDays(asOf: asOf, documents: documents)
    }

    /// ``predictedPayDates(asOf:documents:)`` once the date is checked.
    func predictedPayDays(asOf: Day, documents: [Int32]) throws(MetricError) -> [Int32] {
        // A large share of the ledger: one pass over all of it costs no more.
        if documents.count > rows.documentCount / 8 {
            let all = try allPredictedPayDays(asOf: asOf)
            return documents.map { $0 >= 0 ? all[Int($0)] : Self.noPredictedPayDate }
        }
        return try selectedExpectedDates(documents, at: asOf.rawValue)
    }

    /// The expected dates of `documents` at `d` from what they depend on (``SelectedExpectedDates``).
    func selectedExpectedDates(_ documents: [Int32], at d: Int32) throws(MetricError) -> [Int32] {
        let selected = SelectedExpectedDates(ledger: ledger, history: try derived.paymentHistory(ledger, stop: cancellation),
                                             book: RateBook(ledger: ledger), day: d, stop: cancellation)
        return try selected.expected(documents)
    }

    /// The expected dates of every item row at `d`.
    func expectedDates(at d: Int32) throws(MetricError) -> ExpectedDates {
        let state = try OpenState(rows: rows, ledger: ledger, at: d, checked: !derived.amountBounds(ledger).openAmountsFit,
                                  stop: cancellation)
        return try ExpectedDates(rows: rows, ledger: ledger, state: state, book: RateBook(ledger: ledger), stop: cancellation)
    }
}
