import ARCore
import ARStore

/// Everything at one date of a query: the open state, open amounts converted to the output
/// currency at that date's rate, the filter's flags, and each row's group.
struct DateFrame {
    let day: Int32
    let state: OpenState
    /// Conversion factors of every currency to the output currency at `day`.
    let factors: [CrossRate?]
    /// Open amount in output-currency minor units; 0 for rows that are not open items.
    let openOut: [Int64]
    /// Filter flag per row; `nil` when the query has no filter.
    let mask: [Bool]?
    /// Packed dimension key (empty without dimensions) and dense group id per row.
    let rowKey: [Int64]
    let rowGroup: [Int32]
    /// The rows that are open items passing the filter, ascending: the loops over items walk
    /// these instead of testing every row.
    let itemRows: [Int32]

    /// Whether row `r` passes the filter.
    @inline(__always)
    func selected(_ r: Int) -> Bool { mask?[r] ?? true }
}

/// The mutable working state of one `run`: the dimension sources, the group registry shared by
/// every date, and frames already computed (a CEI start date is often another series date).
final class QueryRun {
    let ledger: Ledger
    let rows: ItemRows
    let book: RateBook
    let target: ConversionTarget
    let dimensions: [DimensionSource]
    /// The aging spec of the `bucket` dimension.
    let bucketSpec: AgingSpec
    let filter: ItemPredicate?
    var registry: GroupRegistry
    /// The last two frames computed, kept only for CEI (its start date is usually the previous
    /// series date); a frame holds several arrays as long as the ledger.
    private var frames: [DateFrame] = []
    /// Whether the last frames are kept (CEI reads the frame of its start date).
    let keepsFrames: Bool
    private var fixedGroups: (keys: [Int64], groups: [Int32])?
    /// Factors of flows (sales, write-offs) at their own dates.
    lazy var flowRates = FlowRates(book: book, target: target)
    /// Groups with a contribution at the date being computed.
    var touched: [Bool] = []

    /// Facts of the engine kept between queries; `nil` derives what a query needs afresh.
    let derived: DerivedFacts?
    /// Polled between blocks of rows; the query stops with its error when it says so.
    let stop: CancellationToken
    /// Whether open amounts in their own currency, and sums of amounts converted to the output
    /// currency, need overflow checks (``AmountBounds``): false for every real ledger.
    let checksOpenAmounts: Bool
    let checksSums: Bool

    init(ledger: Ledger, rows: ItemRows, query: MetricQuery, derived: DerivedFacts? = nil,
         stop: CancellationToken) throws(MetricError) {
        self.ledger = ledger
        self.rows = rows
        self.derived = derived
        self.stop = stop
        book = RateBook(ledger: ledger)
        target = book.target(query.currency ?? ledger.snapshot.reportingCurrency)
        bucketSpec = query.metrics.first { $0.kind == .aging }?.aging ?? .standard
        filter = query.filter
        keepsFrames = query.metrics.contains { $0.kind == .cei || $0.kind == .collectionsRate }
        var sources: [DimensionSource] = []
        for d in query.dimensions {
            sources.append(try DimensionSource(d, rows: rows, ledger: ledger, aging: bucketSpec))
        }
        dimensions = sources
        registry = try GroupRegistry(valueCounts: sources.map(\.values.count))
        let bounds = derived?.amountBounds(ledger) ?? AmountBounds(ledger)
        checksOpenAmounts = !bounds.openAmountsFit
        checksSums = !bounds.sumsFit(to: target.currency, index: target.index, currencies: ledger.currencies)
    }

    var currencies: [Currency] { ledger.currencies }

    func touch(_ g: Int32) {
        if Int(g) >= touched.count { touched.append(contentsOf: repeatElement(false, count: registry.count - touched.count)) }
        touched[Int(g)] = true
    }

    /// Marks every group whose count is non-zero (one pass after a hot loop, rather than per row).
    func touch(counts: [Int]) {
        for (g, n) in counts.enumerated() where n > 0 { touch(Int32(g)) }
    }

    /// A zeroed per-group array, one slot per group known so far.
    func perGroup<T>(_ zero: T) -> [T] { [T](repeating: zero, count: registry.count) }

    func frame(at d: Int32) throws(MetricError) -> DateFrame {
        if let cached = frames.first(where: { $0.day == d }) { return cached }
        // The filter's conjuncts on fixed fields (region, type, dpd…) run first, on no state:
        // rows they reject get no open amount, conversion or group (nothing reads them).
        let split = filter?.splitByState
        var mask: [Bool]?
        if let fixed = split?.fixed {
            mask = try PredicateMask.evaluate(fixed, on: subject(OpenState(emptyAt: d)), stop: stop)
        }
        let state = try OpenState(rows: rows, ledger: ledger, at: d, only: mask, checked: checksOpenAmounts, stop: stop)
        if let dated = split?.dated {
            let flags = try PredicateMask.evaluate(dated, on: subject(state), stop: stop)
            mask = mask.map { zip($0, flags).map { $0 && $1 } } ?? flags
        }
        let factors = try book.factors(to: target, on: d)
        let (openOut, items) = try Self.convert(state.open, currencies: rows.currency, mask: mask, factors: factors,
                                                ledgerCurrencies: ledger.currencies, day: d, stop: stop)
        let (keys, groups) = try groupRows(state, only: mask)
        let frame = DateFrame(day: d, state: state, factors: factors, openOut: openOut, mask: mask, rowKey: keys,
                              rowGroup: groups, itemRows: items)
        if keepsFrames { frames = (frames + [frame]).suffix(2) }
        return frame
    }

    /// Open amounts converted to the output currency (0 for rows that are not open items passing
    /// the mask) and the rows that are, ascending; rows are worked in blocks on a few threads.
    private static func convert(_ open: [Int64], currencies rowCurrency: ItemColumn<Int32>, mask: [Bool]?, factors: [CrossRate?],
                                ledgerCurrencies: [Currency], day d: Int32,
                                stop: CancellationToken) throws(MetricError) -> (openOut: [Int64], items: [Int32]) {
        var itemBlocks: [[Int32]] = []
        var failure: MetricError?
        let openOut = [Int64].filledByRows(count: open.count) { out in
            do throws(MetricError) {
                itemBlocks = try ParallelRows.map(count: open.count, stop: stop) { (range: Range<Int>) throws(MetricError) -> [Int32] in
                    var items: [Int32] = []
                    for r in range {
                        if open[r] != 0 && mask?[r] != false {
                            out.set(r, try factors.convert(open[r], currency: rowCurrency[r], currencies: ledgerCurrencies, day: d))
                            items.append(Int32(r))
                        } else {
                            out.set(r, 0)
                        }
                    }
                    return items
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return (openOut, itemBlocks.count == 1 ? itemBlocks[0] : Array(itemBlocks.joined()))
    }

    private func subject(_ state: OpenState) -> ItemSubject {
        ItemSubject(rows: rows, ledger: ledger, state: state, aging: bucketSpec, book: book, target: target, stop: stop)
    }

    /// A frame with the fixed dimensions' groups only and no open state: enough for the flows
    /// (sales, write-offs, days to pay) of a query without filter or date-dependent dimension.
    func fixedGroupFrame(at d: Int32) throws(MetricError) -> DateFrame {
        if fixedGroups == nil { fixedGroups = try groupRows(nil) }
        let (keys, groups) = fixedGroups!
        return DateFrame(day: d, state: OpenState(emptyAt: d), factors: try book.factors(to: target, on: d), openOut: [],
                         mask: nil, rowKey: keys, rowGroup: groups, itemRows: [])
    }

    /// The packed key and group id of every row at the state's date (`nil`: fixed dimensions only).
    /// Rows `only` flags false get group `-1` and register none.
    func groupRows(_ state: OpenState?, only mask: [Bool]? = nil) throws(MetricError) -> (keys: [Int64], groups: [Int32]) {
        // Without dimensions every row is group 0 and no key is read (`disputeGroup` needs one).
        if dimensions.isEmpty { return ([], [Int32](repeating: registry.id(0), count: rows.count)) }
        let keys = try rowKeys(state)
        // A local copy keeps the class property's exclusivity checks out of the loop.
        var local = registry
        let n = rows.count
        var groups: [Int32]
        if let mask {
            groups = [Int32](repeating: -1, count: n)
            var failure: MetricError?
            groups.withUnsafeMutableBufferPointer { buffer in
                mask.withUnsafeBufferPointer { selected in
                    for block in stride(from: 0, to: n, by: CancellationToken.rowsPerPoll) {
                        if let reason = stop.stopReason {
                            failure = .stopped(reason)
                            return
                        }
                        for r in block..<min(n, block + CancellationToken.rowsPerPoll) where selected[r] { buffer[r] = local.id(keys[r]) }
                    }
                }
            }
            if let failure { throw failure }
        } else {
            var failure: MetricError?
            groups = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
                for block in stride(from: 0, to: n, by: CancellationToken.rowsPerPoll) {
                    if let reason = stop.stopReason {
                        failure = .stopped(reason)
                        return
                    }
                    for r in block..<min(n, block + CancellationToken.rowsPerPoll) { buffer[r] = local.id(keys[r]) }
                    initialized = min(n, block + CancellationToken.rowsPerPoll)
                }
            }
            if let failure { throw failure }
        }
        registry = local
        return (keys, groups)
    }

    /// The packed dimension key of every row at the state's date (`nil`: fixed dimensions only).
    private func rowKeys(_ state: OpenState?) throws(MetricError) -> [Int64] {
        var keys = [Int64](repeating: 0, count: rows.count)
        for (k, source) in dimensions.enumerated() {
            try stop.checkpoint()
            let codes: [Int32]
            if let fixed = source.rowCodes {
                codes = fixed
            } else if let state, source.dimension == .bucket {
                codes = bucketCodes(state: state, rows: rows, aging: bucketSpec)
            } else if let state {
                codes = state.reason
            } else {
                preconditionFailure("a date-dependent dimension needs a state")
            }
            let stride = registry.strides[k]
            for r in 0..<rows.count { keys[r] += (Int64(codes[r]) + 1) * stride }
        }
        return keys
    }

    /// The group of a dispute: its document's, with the dispute's own reason for `dispute_reason`.
    func disputeGroup(_ k: Int, frame: DateFrame) -> Int32 {
        let doc = Int(ledger.disputes.document[k])
        guard let slot = dimensions.firstIndex(where: { $0.dimension == .disputeReason }) else { return frame.rowGroup[doc] }
        let itemReason = frame.state.reason[doc], own = ledger.disputes.reason.codes[k]
        if itemReason == own { return frame.rowGroup[doc] }
        let key = frame.rowKey[doc] - registry.part(itemReason, dimension: slot) + registry.part(own, dimension: slot)
        return registry.id(key)
    }

    /// The group of a customer-level figure (a promise naming no invoice).
    func customerGroup(customer c: Int32, currency: Int32) -> Int32 {
        var key: Int64 = 0
        for (k, source) in dimensions.enumerated() {
            let code: Int32 = source.dimension == .currency ? currency : (source.customerCodes?[Int(c)] ?? -1)
            key += registry.part(code, dimension: k)
        }
        return registry.id(key)
    }
}
