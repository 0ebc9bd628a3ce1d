import ARCore
import ARStore

/// The per-row work of a ``BalanceSweep``: a range of item rows swept over all dates into one
/// flat accumulator, so that ranges can run on several threads and be added up after.
///
/// Accumulator layout: six parts of `(dates + 1) × groups` slots (`date × groups + group`) —
/// AR, current, count, then the AR, current and count *steps* of the items whose converted
/// value only changes at their own events — then per aging spec `dates × buckets × groups`.
struct SweepPass: Sendable {
    let rows: ItemRows
    let documents: DocumentTable
    let writeOffs: WriteOffTable
    /// Group of each row.
    let group: [Int32]
    let groups: Int
    let dates: [Int32]
    let dateIndex: DateIndex
    let rates: SweepRates
    let specs: [AgingSpec]
    /// Start of each aging spec's part in the accumulator.
    let bucketBase: [Int]
    let bucketCounts: [Int]
    /// Slots in one of the six date-by-group parts.
    let part: Int
    /// Slots in the whole accumulator.
    let size: Int
    /// Polled every `pollMask + 1` rows: a row walks up to every date, so the fewer rows the
    /// more dates (about 16k item-date steps between two polls).
    let cancellation: CancellationToken
    let pollMask: Int
    /// Whether the ledger's amounts need overflow checks (``AmountBounds``).
    let checked: Bool

    init(run: QueryRun, dates: [Int32], specs: [AgingSpec]) throws(MetricError) {
        rows = run.rows
        documents = run.ledger.documents
        writeOffs = run.ledger.writeOffs
        group = try run.groupRows(nil).groups
        groups = run.registry.count
        cancellation = run.stop
        checked = run.checksOpenAmounts || run.checksSums
        let rowsPerPoll = max(1, CancellationToken.rowsPerPoll / max(1, dates.count))
        pollMask = (1 << (Int.bitWidth - 1 - rowsPerPoll.leadingZeroBitCount)) - 1   // a power of two, minus 1
        self.dates = dates
        dateIndex = DateIndex(dates)
        rates = try SweepRates(run: run, dates: dates)
        self.specs = specs
        part = (dates.count + 1) * groups
        bucketCounts = specs.map(\.bucketNames.count)
        var base: [Int] = [], next = 6 * part
        for count in bucketCounts {
            base.append(next)
            next += dates.count * count * groups
        }
        bucketBase = base
        size = next
    }

    /// Adds rows `range` into `acc` (``size`` slots), with overflow checks when `checked`.
    func run(_ range: Range<Int>, into acc: UnsafeMutablePointer<Int64>) throws(MetricError) {
        if checked { try run(range, into: acc, CheckedAddition.self) } else { try run(range, into: acc, UncheckedAddition.self) }
    }

    private func run<A: MoneyAddition>(_ range: Range<Int>, into acc: UnsafeMutablePointer<Int64>, _: A.Type) throws(MetricError) {
        let n = dates.count, docs = documents
        let ar = acc, current = acc + part, count = acc + 2 * part
        let arStep = acc + 3 * part, currentStep = acc + 4 * part, countStep = acc + 5 * part
        var overflow = false
        for r in range {
            if r & pollMask == 0 { try cancellation.checkpoint() }
            var j = dateIndex.first(notBefore: rows.issue[r])
            guard j < n else { continue }
            let g = Int(group[r]), isDocument = r < rows.documentCount, c = Int(rows.currency[r]), due = rows.due[r]
            let negate = rows.type[r] != ItemRows.invoiceType, stretches = specs.isEmpty && rates.isConstant[c]
            var o = rows.amount[r]
            var k = isDocument ? Int(docs.allocationStart[r]) : 0, w = isDocument ? Int(docs.writeOffStart[r]) : 0
            let kEnd = isDocument ? Int(docs.allocationStart[r + 1]) : 0, wEnd = isDocument ? Int(docs.writeOffStart[r + 1]) : 0
            while j < n {
                let d = dates[j]
                while k < kEnd, docs.allocationDay[k] <= d { A.subtract(&o, docs.allocationAmount[k], &overflow); k += 1 }
                while w < wEnd, writeOffs.day[w] <= d { A.subtract(&o, writeOffs.amount[w], &overflow); w += 1 }
                if o == 0 {
                    if k == kEnd && w == wEnd { break }   // settled for good
                    j += 1
                    continue
                }
                let signed = negate ? A.negate(o, &overflow) : o
                if stretches {
                    // Open at `signed` until the next allocation or write-off, current up to its due date.
                    let next = min(k < kEnd ? docs.allocationDay[k] : .max, w < wEnd ? writeOffs.day[w] : .max)
                    let stop = dateIndex.first(notBefore: next)
                    let currentStop = min(stop, dateIndex.first(after: due))
                    A.add(&arStep[j * groups + g], signed, &overflow)
                    A.subtract(&arStep[stop * groups + g], signed, &overflow)
                    countStep[j * groups + g] += 1
                    countStep[stop * groups + g] -= 1
                    if currentStop > j {
                        A.add(&currentStep[j * groups + g], signed, &overflow)
                        A.subtract(&currentStep[currentStop * groups + g], signed, &overflow)
                    }
                    j = stop
                    continue
                }
                let value = try rates.convert(signed, date: j, currency: c)
                let slot = j * groups + g
                A.add(&ar[slot], value, &overflow)
                count[slot] += 1
                if due >= d { A.add(&current[slot], value, &overflow) }
                for s in specs.indices {
                    let basis = specs[s].basis == .dueDate ? due : rows.issue[r]
                    A.add(&acc[bucketBase[s] + (j * bucketCounts[s] + specs[s].bucket(days: Int(d) - Int(basis))) * groups + g],
                          value, &overflow)
                }
                j += 1
            }
        }
        try MetricError.check(overflow, "the open items of a group in a series")
    }
}
