import ARCore
import ARStore

/// What the ledger says, at one date `d`, about how late customers pay and how long disputes
/// take (metrics.md, "Forecast."): the inputs of every expected date.
///
/// Only events on or before `d` are looked at, so a forecast at a cut-off date inside a later
/// snapshot sees exactly what a snapshot taken on that date would have held.
struct PaymentBehaviour: Sendable {
    let day: Int32
    /// Rounded delay per customer; `nil` when none of its invoices cleared in `(d − 365, d]`.
    let customerDelay: [Int32?]
    /// Rounded delay per segment code; `nil` when no invoice of the segment cleared in the window.
    let segmentDelay: [Int32?]
    /// The whole ledger's rounded delay, 0 without any history.
    let ledgerDelay: Int32
    /// Rounded resolution days per dispute reason code; `nil` when none resolved in the window.
    let reasonResolution: [Int32?]
    /// Rounded resolution days over every reason (0 without any resolved dispute).
    let anyResolution: Int32

    static let window: Int32 = 365

    init(ledger: Ledger, book: RateBook, at d: Int32, stop: CancellationToken) throws(MetricError) {
        day = d
        let docs = ledger.documents, customers = ledger.customers
        let reporting = book.target(book.reporting)
        var customerSum = [WeightedSum](repeating: WeightedSum(), count: customers.count)
        var segmentSum = [WeightedSum](repeating: WeightedSum(), count: customers.segment.values.count)
        var ledgerSum = WeightedSum()
        for i in 0..<docs.count {
            try stop.poll(row: i)
            guard let (late, weight) = try Self.lateness(i, docs, book: book, reporting: reporting, at: d) else { continue }
            let c = Int(docs.customer[i])
            customerSum[c].add(late, weight: weight)
            let segment = customers.segment.codes[c]
            if segment >= 0 { segmentSum[Int(segment)].add(late, weight: weight) }
            ledgerSum.add(late, weight: weight)
        }
        customerDelay = customerSum.map(\.roundedMean)
        segmentDelay = segmentSum.map(\.roundedMean)
        ledgerDelay = ledgerSum.roundedMean ?? 0
        (reasonResolution, anyResolution) = Self.resolutions(ledger.disputes, at: d)
    }

    /// The behaviour at `d` from the engine's ``PaymentHistory``, with the delay of the customers
    /// `only` (every other customer's ``customerDelay`` is left `nil`): what the expected dates of
    /// those customers' items read, at the cost of their documents rather than the ledger's.
    /// Without `withResolutions`, no dispute resolution time is worked out (all are 0). The
    /// history must hold its prefix table (``PaymentHistory/prefixNumerator``).
    init(history: PaymentHistory, ledger: Ledger, book: RateBook, at d: Int32, customers only: [Int32],
         withResolutions: Bool) throws(MetricError) {
        day = d
        let docs = ledger.documents, customers = ledger.customers
        let reporting = book.target(book.reporting)
        // An invoice the pass over the ledger would fail to convert fails here too.
        for (i, cleared) in history.unconverted where cleared > d - Self.window && cleared <= d {
            _ = try book.cross(from: docs.currency[Int(i)], to: reporting, on: docs.issue[Int(i)]).apply(docs.amount[Int(i)])
        }
        var customerDelay = [Int32?](repeating: nil, count: customers.count)
        for c in only {
            var sum = WeightedSum()
            for i in history.documents(of: Int(c)) {
                guard let (late, weight) = try Self.lateness(Int(i), docs, book: book, reporting: reporting, at: d) else { continue }
                sum.add(late, weight: weight)
            }
            customerDelay[Int(c)] = sum.roundedMean
        }
        self.customerDelay = customerDelay
        let segments = customers.segment.values.count
        var ledgerSum = WeightedSum()
        var segmentDelay = [Int32?](repeating: nil, count: segments)
        for b in 0...segments {
            guard let sum = history.windowSum(bucket: b, at: d) else { continue }
            if b < segments { segmentDelay[b] = sum.roundedMean }
            ledgerSum.numerator += sum.numerator
            ledgerSum.denominator += sum.denominator
        }
        self.segmentDelay = segmentDelay
        ledgerDelay = ledgerSum.roundedMean ?? 0
        if withResolutions {
            (reasonResolution, anyResolution) = Self.resolutions(ledger.disputes, at: d)
        } else {
            (reasonResolution, anyResolution) = ([Int32?](repeating: nil, count: ledger.disputes.reason.values.count), 0)
        }
    }

    /// Days late and weight (amount at the issue-date rate in the reporting currency) of
    /// invoice `i` if it cleared in `(d − 365, d]`; `nil` for credit notes and other invoices.
    @inline(__always)
    private static func lateness(_ i: Int, _ docs: DocumentTable, book: RateBook, reporting: ConversionTarget,
                                 at d: Int32) throws(MetricError) -> (late: Int128, weight: Int128)? {
        guard !docs.isCreditNote(i), let cleared = clearingDay(i, docs), cleared > d - window, cleared <= d else { return nil }
        let weight = Int128(try book.cross(from: docs.currency[i], to: reporting, on: docs.issue[i]).apply(docs.amount[i]))
        return (Int128(max(0, cleared - docs.due[i])), weight)
    }

    /// Rounded resolution days per reason code and over every reason, of the disputes resolved
    /// in `(d − 365, d]`.
    private static func resolutions(_ disputes: DisputeTable, at d: Int32) -> ([Int32?], Int32) {
        var reasonSum = [WeightedSum](repeating: WeightedSum(), count: disputes.reason.values.count)
        var allSum = WeightedSum()
        for k in 0..<disputes.count {
            guard let resolved = disputes.resolved[k], resolved > d - Self.window, resolved <= d else { continue }
            let days = Int128(resolved - disputes.opened[k])
            let reason = disputes.reason.codes[k]
            if reason >= 0 { reasonSum[Int(reason)].add(days, weight: 1) }
            allSum.add(days, weight: 1)
        }
        return (reasonSum.map { $0.roundedMean.map { max(0, $0) } }, max(0, allSum.roundedMean ?? 0))
    }

    /// The customer's delay, else its segment's, else the ledger's.
    func delay(customer c: Int, segment: Int32) -> Int32 {
        if let own = customerDelay[c] { return own }
        if segment >= 0, let bySegment = segmentDelay[Int(segment)] { return bySegment }
        return ledgerDelay
    }

    /// The resolution time of a dispute of reason code `reason` (`-1`: no reason, so all reasons).
    func resolution(reason: Int32) -> Int32 {
        if reason >= 0, let own = reasonResolution[Int(reason)] { return own }
        return anyResolution
    }

    /// The first date document `i`'s cumulative allocations reach its amount (write-offs never
    /// clear an invoice).
    @inline(__always)
    static func clearingDay(_ i: Int, _ docs: DocumentTable) -> Int32? {
        var paid: Int64 = 0
        for k in Int(docs.allocationStart[i])..<Int(docs.allocationStart[i + 1]) {
            // Saturating: allocations adding up beyond 64 bits must not trap, and past Int64.max
            // they have reached any amount.
            let (sum, overflow) = paid.addingReportingOverflow(docs.allocationAmount[k])
            paid = overflow ? (sum < 0 ? .max : .min) : sum
            if paid >= docs.amount[i] { return docs.allocationDay[k] }
        }
        return nil
    }
}

/// A weighted mean kept exact: `Σ weight × value` and `Σ weight`.
struct WeightedSum: Sendable {
    var numerator: Int128 = 0
    var denominator: Int128 = 0

    mutating func add(_ value: Int128, weight: Int128) {
        numerator += value * weight
        denominator += weight
    }

    /// The mean rounded half up to a whole number (`floor(mean + 1/2)`); `nil` without weight.
    var roundedMean: Int32? {
        guard denominator > 0 else { return nil }
        return Int32(floorDivide(2 * numerator + denominator, 2 * denominator))
    }
}

/// `⌊a / b⌋` for `b > 0`.
func floorDivide(_ a: Int128, _ b: Int128) -> Int128 {
    let q = a / b
    return (a % b != 0 && a < 0) ? q - 1 : q
}
