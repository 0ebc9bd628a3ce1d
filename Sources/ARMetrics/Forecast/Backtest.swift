import ARCore
import ARStore

/// Measures the cash forecast against what was collected (metrics.md, "Backtest.").
///
/// ```swift
/// let report = try Backtest.run(ledger: ledger, cutOff: Day(iso: "2013-06-30")!, weeks: 13)
/// print(report.rendered)
/// ```
public enum Backtest {
    static let methodNames = ["arlens", "due_date", "due_date_plus_ledger_delay"]

    /// Forecasts from `snapshot` at its as-of date and compares with the payments `actuals` (a
    /// later snapshot of the same ledger) records after that date. Documents are matched by id.
    /// - Parameters:
    ///   - filter: the perimeter, evaluated on `snapshot` at its as-of date.
    ///   - cancellation: polled while it works (``MetricEngine/cancellable(by:)``).
    /// - Throws: ``MetricError`` when `weeks` is below 1, the actuals snapshot is older than the
    ///   snapshot or reports in another currency, or an amount has no rate at the as-of date.
    public static func run(snapshot: Ledger, actuals: Ledger, weeks: Int = 13, filter: ItemPredicate? = nil,
                           cancellation: CancellationToken = .never) throws -> BacktestReport {
        guard actuals.snapshot.asOf >= snapshot.snapshot.asOf else {
            throw MetricError(code: "bad_query", message: "the actuals snapshot (\(actuals.snapshot.asOf.iso)) is older than the "
                + "forecast snapshot (\(snapshot.snapshot.asOf.iso)): give a later snapshot as actuals")
        }
        guard actuals.snapshot.reportingCurrency == snapshot.snapshot.reportingCurrency else {
            throw MetricError(code: "bad_query", message: "the actuals snapshot reports in \(actuals.snapshot.reportingCurrency.code), "
                + "the forecast snapshot in \(snapshot.snapshot.reportingCurrency.code): give two snapshots of one ledger")
        }
        return try run(engine: MetricEngine(ledger: snapshot).cancellable(by: cancellation), actuals: actuals,
                       at: snapshot.snapshot.asOf, weeks: weeks, filter: filter)
    }

    /// Replays one snapshot at a cut-off date: everything is computed as of `cutOff` from `ledger`,
    /// and the events after it are the actuals.
    /// - Throws: ``MetricError`` when `cutOff` is after the snapshot's as-of date or `weeks` is below 1.
    public static func run(ledger: Ledger, cutOff: Day, weeks: Int = 13, filter: ItemPredicate? = nil,
                           cancellation: CancellationToken = .never) throws -> BacktestReport {
        try run(engine: MetricEngine(ledger: ledger).cancellable(by: cancellation), cutOff: cutOff, weeks: weeks, filter: filter)
    }

    /// The replay at `cutOff` of the engine's ledger; ``RollingBacktest`` lays the rows out once
    /// for all its cut-offs this way.
    static func run(engine: MetricEngine, cutOff: Day, weeks: Int, filter: ItemPredicate?) throws -> BacktestReport {
        try run(engine: engine, actuals: engine.ledger, at: cutOff, weeks: weeks, filter: filter)
    }

    private static func run(engine: MetricEngine, actuals: Ledger, at d: Day, weeks: Int, filter: ItemPredicate?) throws -> BacktestReport {
        guard weeks >= 1 else {
            throw MetricError(code: "bad_query", message: "a backtest needs at least one week: give weeks of 1 or more")
        }
        let snapshot = engine.ledger
        try engine.check([d])
        let run = try QueryRun(ledger: snapshot, rows: engine.rows, query: MetricQuery(metrics: [], filter: filter, dates: [d]),
                               derived: engine.derived, stop: engine.cancellation)
        let frame = try run.frame(at: d.rawValue)
        let dates = try ExpectedDates(rows: engine.rows, ledger: snapshot, state: frame.state, book: run.book,
                                      stop: engine.cancellation)
        let calendar = ForecastCalendar(granularity: .weekly, periods: weeks, asOf: d)
        let perimeter = (0..<engine.rows.documentCount).filter { dates.expected[$0] != ExpectedDates.none && frame.selected($0) }
        let outcome = try ActualCollections(perimeter: perimeter, snapshot: snapshot, open: frame.state.open,
                                            actuals: actuals, calendar: calendar, at: d.rawValue)
        let predictions = [dates.expected, dates.dueDateBaseline(rows: engine.rows), dates.ledgerDelayBaseline(rows: engine.rows)]
        var methods: [BacktestReport.Method] = []
        for (name, predicted) in zip(methodNames, predictions) {
            methods.append(try score(name, predicted: predicted, perimeter: perimeter, amounts: frame.openOut, calendar: calendar,
                                     outcome: outcome))
        }
        _ = try outcome.weekly.checkedSum("the collections after the cut-off")
        return BacktestReport(asOf: d.iso, weeks: weeks, currency: run.target.currency.code,
                              weekStarts: calendar.starts.dropLast().map { Day(rawValue: $0).iso }, actual: outcome.weekly,
                              openAtAsOf: try perimeter.lazy.map { frame.openOut[$0] }.checkedSum("the open amount of the perimeter"),
                              settledInvoices: outcome.settled.count,
                              settledOpenAmount: try outcome.settled.lazy.map { frame.openOut[$0.row] }.checkedSum("the amount settled"),
                              actualsComplete: actuals.snapshot.asOf.rawValue >= calendar.starts[weeks] - 1, methods: methods)
    }

    /// The forecast of one method by week, its WAPE and its amount-weighted MAE in days.
    /// - Throws: ``MetricError/overflow(_:)`` when a week's forecast, or its error, does not fit in 64 bits.
    static func score(_ name: String, predicted: [Int32], perimeter: [Int], amounts: [Int64],
                      calendar: ForecastCalendar, outcome: ActualCollections) throws(MetricError) -> BacktestReport.Method {
        let weeks = calendar.periods
        var forecast = [Int64](repeating: 0, count: weeks + 1)
        var overflow = false
        for r in perimeter { forecast[calendar.period(of: predicted[r])].add(amounts[r], overflow: &overflow) }
        var absoluteErrors: Int128 = 0, actualTotal: Int128 = 0
        var weekly: [Double?] = []
        for w in 0..<weeks {
            let error = abs(Int128(forecast[w]) - Int128(outcome.weekly[w]))
            overflow = overflow || Int64(exactly: error) == nil
            absoluteErrors += error
            actualTotal += Int128(outcome.weekly[w])
            weekly.append(outcome.weekly[w] > 0 ? Double(error) / Double(outcome.weekly[w]) : nil)
        }
        try MetricError.check(overflow, "the \(name) forecast of a week")
        var weightedDays: Int128 = 0, weight: Int128 = 0
        for (r, day) in outcome.settled {
            weightedDays += Int128(amounts[r]) * Int128(abs(predicted[r] - day))
            weight += Int128(amounts[r])
        }
        return BacktestReport.Method(name: name, forecast: Array(forecast[0..<weeks]), later: forecast[weeks], weeklyWAPE: weekly,
                                     absoluteError: Int64(clamping: absoluteErrors),
                                     wape: actualTotal > 0 ? Double(absoluteErrors) / Double(actualTotal) : nil,
                                     maeDays: weight > 0 ? Double(weightedDays) / Double(weight) : nil)
    }
}
