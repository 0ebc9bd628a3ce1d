import ARCore
import ARStore

/// The parts of ``PaymentBehaviour`` that do not depend on the as-of date, derived once per
/// engine so that the predicted dates of a few items cost in proportion to those items.
///
/// - Each customer's documents (CSR by customer, document order): a customer's own delay and
///   its account-level promise pool read only these.
/// - The delay sums of the segments and of the ledger by clearing day, as prefix sums per
///   segment (plus one bucket for customers without segment): the sums over a window
///   `(d − 365, d]` are two look-ups per bucket. Kept only while the table is small
///   (``maxPrefixCells``); otherwise the window sums are a pass over the documents per date.
struct PaymentHistory: Sendable {
    /// `customerStart[c] ..< customerStart[c + 1]` indexes ``customerDocuments``.
    let customerStart: [Int32]
    let customerDocuments: [Int32]
    /// First clearing day of the prefix table; its columns are days `firstDay ..< firstDay + dayCount`.
    let firstDay: Int32
    let dayCount: Int
    /// Per bucket (segment code, then the no-segment bucket last), `dayCount + 1` running sums:
    /// entry `k` sums the invoices cleared before `firstDay + k`. `nil` when the table would be too large.
    let prefixNumerator: [Int128]?
    let prefixDenominator: [Int128]?
    /// Invoices whose weight (amount at the issue-date rate) cannot be converted, in document
    /// order with their clearing day: converting one that clears in a window throws, as the
    /// whole-ledger pass does.
    let unconverted: [(document: Int32, cleared: Int32)]

    static let maxPrefixCells = 1 << 20

    /// - Parameters:
    ///   - maxPrefixCells: the largest prefix table kept (buckets × days).
    ///   - stop: polled every few thousand documents.
    init(ledger: Ledger, book: RateBook, maxPrefixCells: Int = PaymentHistory.maxPrefixCells,
         stop: CancellationToken = .never) throws(MetricError) {
        let docs = ledger.documents, customers = ledger.customers
        (customerStart, customerDocuments) = Self.byCustomer(docs.customer, customerCount: customers.count)
        // The issue-date factors between rate changes: the same conversion as `RateBook.cross`.
        let rates = FlowRates(book: book, target: book.target(book.reporting))
        var cleared = [Int32](repeating: PaymentHistory.notCleared, count: docs.count)
        var first = Int32.max, last = Int32.min
        for i in 0..<docs.count where !docs.isCreditNote(i) {
            try stop.poll(row: i)
            guard let day = PaymentBehaviour.clearingDay(i, docs) else { continue }
            cleared[i] = day
            first = min(first, day)
            last = max(last, day)
        }
        var unconverted: [(document: Int32, cleared: Int32)] = []
        let buckets = customers.segment.values.count + 1
        let days = first <= last ? Int(last - first) + 1 : 0
        let fits = buckets * (days + 1) <= maxPrefixCells
        var numerator = [Int128](repeating: 0, count: fits ? buckets * (days + 1) : 0)
        var denominator = numerator
        // Without the table, the behaviour at each date is the whole-ledger pass: nothing to keep.
        for i in 0..<docs.count where fits && cleared[i] != Self.notCleared {
            try stop.poll(row: i)
            guard let weight = try? rates.convert(docs.amount[i], currency: docs.currency[i], on: docs.issue[i]) else {
                unconverted.append((Int32(i), cleared[i]))
                continue
            }
            let segment = customers.segment.codes[Int(docs.customer[i])]
            let cell = (segment >= 0 ? Int(segment) : buckets - 1) * (days + 1) + Int(cleared[i] - first) + 1
            numerator[cell] += Int128(max(0, cleared[i] - docs.due[i])) * Int128(weight)
            denominator[cell] += Int128(weight)
        }
        if fits {
            for b in 0..<buckets {
                for k in 1..<(days + 1) {
                    numerator[b * (days + 1) + k] += numerator[b * (days + 1) + k - 1]
                    denominator[b * (days + 1) + k] += denominator[b * (days + 1) + k - 1]
                }
            }
        }
        firstDay = first
        dayCount = days
        prefixNumerator = fits ? numerator : nil
        prefixDenominator = fits ? denominator : nil
        self.unconverted = unconverted
    }

    private static let notCleared = Int32.min

    /// Document rows grouped by customer, each group in document order (a counting sort).
    private static func byCustomer(_ customer: [Int32], customerCount: Int) -> ([Int32], [Int32]) {
        var start = [Int32](repeating: 0, count: customerCount + 1)
        for c in customer where c >= 0 { start[Int(c) + 1] += 1 }
        for c in 0..<customerCount { start[c + 1] += start[c] }
        var next = start
        var documents = [Int32](repeating: 0, count: Int(start[customerCount]))
        for (i, c) in customer.enumerated() where c >= 0 {
            documents[Int(next[Int(c)])] = Int32(i)
            next[Int(c)] += 1
        }
        return (start, documents)
    }

    /// The documents of customer `c`, in document order.
    func documents(of c: Int) -> ArraySlice<Int32> {
        customerDocuments[Int(customerStart[c])..<Int(customerStart[c + 1])]
    }

    /// The delay sums of bucket `b` over the invoices cleared in `(d − 365, d]`; `nil` without the table.
    func windowSum(bucket b: Int, at d: Int32) -> WeightedSum? {
        guard let numerator = prefixNumerator, let denominator = prefixDenominator else { return nil }
        let base = b * (dayCount + 1)
        let upper = base + prefixIndex(through: d), lower = base + prefixIndex(through: d - PaymentBehaviour.window)
        return WeightedSum(numerator: numerator[upper] - numerator[lower], denominator: denominator[upper] - denominator[lower])
    }

    /// The prefix entry that sums the days up to and including `day`.
    private func prefixIndex(through day: Int32) -> Int {
        if dayCount == 0 || day < firstDay { return 0 }
        return min(dayCount, Int(day - firstDay) + 1)
    }
}
