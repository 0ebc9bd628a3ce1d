import ARCore

/// Builds a ``Ledger`` row by row, checking each row's references as it comes.
///
/// Add rows in dependency order: entities, customers and FX rates first, then documents, then
/// what references documents (payments, disputes, promises, write-offs, dunning). A row that
/// fails a check throws ``LedgerBuildError`` and leaves the builder unchanged, so the importer can
/// reject it and go on. A row that loads but looks contradictory (paid before its issue date,
/// overpaid …) comes back with ``LedgerWarning``s.
///
/// ```swift
/// var b = LedgerBuilder(reportingCurrency: .eur)
/// try b.add(EntityRecord(id: "FR01", currency: .eur))
/// try b.add(CustomerRecord(id: "C1", region: "EMEA"))
/// try b.add(DocumentRecord(id: "INV1", entityID: "FR01", customerID: "C1", issue: d1, due: d2,
///                          amount: 100_00, currency: .eur))
/// let ledger = b.finish(asOf: nil)
/// ```
public struct LedgerBuilder: Sendable {
    public let reportingCurrency: Currency
    public private(set) var source: String?
    private var currencies: [Currency] = []
    private var currencyIndex: [String: Int32] = [:]
    private var entities = EntityTable()
    private var customers = CustomerTable()
    private var documents = DocumentTable()
    private var payments = PaymentTable()
    private var disputes = DisputeTable()
    private var promises = PromiseTable()
    private var writeOffs = WriteOffTable()
    private var dunning = DunningTable()
    private var fxRows: [(currency: Int32, day: Int32, rate: ExactRate)] = []
    /// Earliest rate day per currency index, to check that a flow can be converted.
    private var firstRateDay: [Int32: Int32] = [:]

    private var entityIndex: [String: Int32] = [:]
    private var customerIndex: [String: Int32] = [:]
    private var documentIndex: [String: Int32] = [:]
    private var paymentKeys: Set<String> = []
    private var disputeIDs: Set<String> = []
    private var promiseIDs: Set<String> = []
    private var dunningIDs: Set<String> = []
    /// Documents per (customer, currency), keyed `customer << 32 | currency`, for the default
    /// currency of promises without one (a scan of every document per customer was quadratic).
    private var documentsPerCustomerCurrency: [Int64: Int] = [:]
    private var latestDay = Int32.min
    private var latestTransactionDay = Int32.min
    private var settlements = SettlementChecks()

    /// The largest row amount accepted, in minor units: ``MinorUnits/maximumMagnitude`` for an
    /// import. A ledger rebuilt from an archive written before that limit existed (or an engine
    /// test of the checked arithmetic) may hold larger ones: raise it to `Int64.max` there.
    public var amountLimit: Int64 = MinorUnits.maximumMagnitude

    public init(reportingCurrency: Currency = .eur, source: String? = nil) {
        self.reportingCurrency = reportingCurrency
        self.source = source
    }

    // MARK: - Look-ups the importer needs while parsing

    /// The currency of a document already added (to parse amounts that follow it).
    public func documentCurrency(id: String) -> Currency? {
        documentIndex[id].map { currencies[Int(documents.currency[Int($0)])] }
    }

    /// Whether `currency` can be converted on `day`: it is the reporting currency or has a rate on or before it.
    public func hasRate(_ currency: Currency, on day: Day) -> Bool {
        if currency == reportingCurrency { return true }
        guard let c = currencyIndex[currency.code], let first = firstRateDay[c] else { return false }
        return first <= day.rawValue
    }

    /// Whether a customer id is known.
    public func hasCustomer(_ id: String) -> Bool { customerIndex[id] != nil }

    /// The customer's most frequent document currency (ties: smallest code), the default currency
    /// of its promises; `nil` when it has no document.
    public func defaultPromiseCurrency(customerID: String) -> Currency? {
        guard let c = customerIndex[customerID] else { return nil }
        var best: (currency: Currency, count: Int)?
        for (k, currency) in currencies.enumerated() {
            guard let count = documentsPerCustomerCurrency[Self.customerCurrencyKey(c, Int32(k))] else { continue }
            if let b = best, b.count > count || (b.count == count && b.currency.code < currency.code) { continue }
            best = (currency, count)
        }
        return best?.currency
    }

    private static func customerCurrencyKey(_ customer: Int32, _ currency: Int32) -> Int64 {
        Int64(customer) << 32 | Int64(currency)
    }

    // MARK: - Adding rows

    public mutating func add(_ r: EntityRecord) throws(LedgerBuildError) {
        guard entityIndex[r.id] == nil else { throw .duplicateID(table: "entity", id: r.id) }
        entityIndex[r.id] = Int32(entities.count)
        entities.ids.append(r.id)
        entities.names.append(r.name)
        entities.currency.append(intern(r.currency))
        entities.country.append(r.country)
    }

    public mutating func add(_ r: CustomerRecord) throws(LedgerBuildError) {
        guard customerIndex[r.id] == nil else { throw .duplicateID(table: "customer", id: r.id) }
        let row = customers.count
        customerIndex[r.id] = Int32(row)
        customers.ids.append(r.id)
        customers.names.append(r.name)
        customers.group.append(r.group)
        customers.segment.append(r.segment)
        customers.region.append(r.region)
        customers.country.append(r.country)
        customers.salesRep.append(r.salesRep)
        customers.paymentTermsDays.append(r.paymentTermsDays)
        customers.creditLimit.append(r.creditLimit)
        customers.insuredLimit.append(r.insuredLimit)
        customers.extras.append(row: row, r.extras)
    }

    public mutating func add(_ r: FXRateRecord) {
        let c = intern(r.currency)
        fxRows.append((c, r.day.rawValue, r.rate))
        firstRateDay[c] = min(firstRateDay[c] ?? .max, r.day.rawValue)
    }

    /// Adds an invoice or credit note.
    /// - Returns: warnings about the row (an invoice due before its issue date).
    @discardableResult
    public mutating func add(_ r: DocumentRecord) throws(LedgerBuildError) -> [LedgerWarning] {
        guard documentIndex[r.id] == nil else { throw .duplicateID(table: "invoice", id: r.id) }
        guard let e = entityIndex[r.entityID] else { throw .unknownEntity(r.entityID) }
        guard let c = customerIndex[r.customerID] else { throw .unknownCustomer(r.customerID) }
        try check(r.amount)
        if r.kind == .invoice, r.due == nil { throw .missingDueDate(documentID: r.id) }
        guard hasRate(r.currency, on: r.issue) else { throw .noRate(currency: r.currency.code, day: r.issue) }
        let row = documents.count
        documentIndex[r.id] = Int32(row)
        documents.ids.append(r.id)
        documents.entity.append(e)
        documents.customer.append(c)
        documents.kind.append(r.kind.rawValue)
        documents.issue.append(r.issue.rawValue)
        documents.due.append((r.due ?? r.issue).rawValue)
        documents.amount.append(r.amount)
        let currency = intern(r.currency)
        documents.currency.append(currency)
        documentsPerCustomerCurrency[Self.customerCurrencyKey(c, currency), default: 0] += 1
        documents.extras.append(row: row, r.extras)
        settlements.addDocument()
        see(r.issue)
        see(r.due, transaction: false)
        return SettlementChecks.document(r)
    }

    /// Adds one allocation of a payment (or cash on account when it names no document).
    /// - Returns: warnings about the row (paid before the document's issue date, by another
    ///   customer, beyond the invoice's amount).
    @discardableResult
    public mutating func add(_ r: PaymentRecord) throws(LedgerBuildError) -> [LedgerWarning] {
        guard let c = customerIndex[r.customerID] else { throw .unknownCustomer(r.customerID) }
        let key = r.id + "\u{0}" + (r.documentID ?? "")
        guard !paymentKeys.contains(key) else { throw .duplicateID(table: "payment", id: r.id) }
        try check(r.amount)
        var d: Int32 = -1
        if let docID = r.documentID {
            guard let found = documentIndex[docID] else { throw .unknownDocument(docID) }
            let expected = currencies[Int(documents.currency[Int(found)])]
            guard expected == r.currency else {
                throw .currencyMismatch(documentID: docID, documentCurrency: expected.code, found: r.currency.code)
            }
            d = found
        }
        var e: Int32 = -1
        if let entityID = r.entityID {
            guard let found = entityIndex[entityID] else { throw .unknownEntity(entityID) }
            e = found
        }
        guard hasRate(r.currency, on: r.day) else { throw .noRate(currency: r.currency.code, day: r.day) }
        var warnings: [LedgerWarning] = []
        if d >= 0 {
            warnings = try settlements.payment(r, document: Int(d), of: documents,
                                               customerID: customers.ids[Int(documents.customer[Int(d)])], currency: r.currency)
        }
        paymentKeys.insert(key)
        payments.ids.append(r.id)
        payments.customer.append(c)
        payments.document.append(d)
        payments.entity.append(e)
        payments.day.append(r.day.rawValue)
        payments.amount.append(r.amount)
        payments.currency.append(intern(r.currency))
        see(r.day)
        return warnings
    }

    public mutating func add(_ r: DisputeRecord) throws(LedgerBuildError) {
        guard !disputeIDs.contains(r.id) else { throw .duplicateID(table: "dispute", id: r.id) }
        guard let d = documentIndex[r.documentID] else { throw .unknownDocument(r.documentID) }
        if let amount = r.amount { try check(amount) }
        if let resolved = r.resolved, resolved < r.opened {
            throw .resolvedBeforeOpened(disputeID: r.id, opened: r.opened, resolved: resolved)
        }
        disputeIDs.insert(r.id)
        disputes.ids.append(r.id)
        disputes.document.append(d)
        disputes.opened.append(r.opened.rawValue)
        disputes.resolved.append(r.resolved?.rawValue)
        disputes.amount.append(r.amount)
        disputes.reason.append(r.reason)
        see(r.opened, r.resolved)
    }

    /// Adds a promise to pay.
    /// - Returns: a warning when the promise was made after the date it promised.
    @discardableResult
    public mutating func add(_ r: PromiseRecord) throws(LedgerBuildError) -> [LedgerWarning] {
        guard !promiseIDs.contains(r.id) else { throw .duplicateID(table: "promise", id: r.id) }
        guard let c = customerIndex[r.customerID] else { throw .unknownCustomer(r.customerID) }
        var d: Int32 = -1
        if let docID = r.documentID {
            guard let found = documentIndex[docID] else { throw .unknownDocument(docID) }
            d = found
        }
        try check(r.amount)
        let currency = r.currency ?? defaultPromiseCurrency(customerID: r.customerID) ?? reportingCurrency
        promiseIDs.insert(r.id)
        promises.ids.append(r.id)
        promises.customer.append(c)
        promises.document.append(d)
        promises.made.append(r.made.rawValue)
        promises.promised.append(r.promised.rawValue)
        promises.amount.append(r.amount)
        promises.currency.append(intern(currency))
        see(r.made)
        guard r.promised < r.made else { return [] }
        return [LedgerWarning(.promiseAfterDate, "promise \(quoted(r.id)) was made on \(r.made.iso), after the date it promised, \(r.promised.iso)")]
    }

    /// Adds a write-off of an invoice.
    /// - Returns: a warning when payments and write-offs together pass the invoice's amount.
    @discardableResult
    public mutating func add(_ r: WriteOffRecord) throws(LedgerBuildError) -> [LedgerWarning] {
        guard let d = documentIndex[r.documentID] else { throw .unknownDocument(r.documentID) }
        try check(r.amount)
        let warnings = try settlements.writeOff(r, document: Int(d), of: documents,
                                                currency: currencies[Int(documents.currency[Int(d)])])
        writeOffs.document.append(d)
        writeOffs.day.append(r.day.rawValue)
        writeOffs.amount.append(r.amount)
        writeOffs.reason.append(r.reason)
        see(r.day)
        return warnings
    }

    /// A row amount must be positive and within the representable range.
    private func check(_ amount: Int64) throws(LedgerBuildError) {
        guard amount > 0 else { throw .nonPositiveAmount(amount) }
        guard amount <= amountLimit else { throw .amountOutOfRange(amount) }
    }

    public mutating func add(_ r: DunningRecord) throws(LedgerBuildError) {
        guard !dunningIDs.contains(r.id) else { throw .duplicateID(table: "dunning", id: r.id) }
        guard let c = customerIndex[r.customerID] else { throw .unknownCustomer(r.customerID) }
        var d: Int32 = -1
        if let docID = r.documentID {
            guard let found = documentIndex[docID] else { throw .unknownDocument(docID) }
            d = found
        }
        dunningIDs.insert(r.id)
        dunning.ids.append(r.id)
        dunning.customer.append(c)
        dunning.document.append(d)
        dunning.day.append(r.day.rawValue)
        dunning.level.append(r.level)
        dunning.channel.append(r.channel)
        see(r.day)
    }

    /// Sets extra attributes of a document already added (the unknown columns of a payment,
    /// dispute … row kept on the invoice it names). Returns false when no such document.
    @discardableResult
    public mutating func annotate(documentID: String, _ extras: [(name: String, value: String)]) -> Bool {
        guard let d = documentIndex[documentID] else { return false }
        for (name, value) in extras { documents.extras.set(row: Int(d), name: name, value: value, rowCount: documents.count) }
        return true
    }

    /// Sets extra attributes of a customer already added. Returns false when no such customer.
    @discardableResult
    public mutating func annotate(customerID: String, _ extras: [(name: String, value: String)]) -> Bool {
        guard let c = customerIndex[customerID] else { return false }
        for (name, value) in extras { customers.extras.set(row: Int(c), name: name, value: value, rowCount: customers.count) }
        return true
    }

    // MARK: - Finishing

    /// The latest date seen in documents, payments, disputes, promises, write-offs and dunning:
    /// the as-of date of a snapshot that does not state one.
    public var latestDate: Day? { latestDay == .min ? nil : Day(rawValue: latestDay) }

    /// The latest date something happened in the rows added so far: issue, payment, dispute
    /// opened or resolved, promise made, write-off, dunning (due and promised dates excluded).
    /// The best guess of an extraction's date when the export does not say it.
    public var latestTransactionDate: Day? { latestTransactionDay == .min ? nil : Day(rawValue: latestTransactionDay) }

    /// Lays out the per-document allocations, write-offs and disputes, resolves the entity of
    /// unallocated cash, sorts the FX rates, and returns the immutable ledger.
    /// - Parameter asOf: the snapshot's date; `nil` takes ``latestDate``.
    public func finish(asOf: Day?, source: String? = nil) -> Ledger {
        var documents = self.documents
        var payments = self.payments
        layOutAllocations(&documents)
        let writeOffs = layOutWriteOffs(&documents)
        let disputes = layOutDisputes(&documents)
        payments.resolvedEntity = resolveEntities()
        let asOf = asOf ?? latestDate ?? Day(rawValue: 0)
        return Ledger(
            snapshot: SnapshotInfo(asOf: asOf, reportingCurrency: reportingCurrency, source: source ?? self.source),
            currencies: currencies, entities: entities, customers: customers, documents: documents,
            payments: payments, disputes: disputes, promises: promises, writeOffs: writeOffs,
            fxRates: sortedRates(), dunning: dunning)
    }

    private mutating func intern(_ currency: Currency) -> Int32 {
        if let i = currencyIndex[currency.code] { return i }
        let i = Int32(currencies.count)
        currencies.append(currency)
        currencyIndex[currency.code] = i
        return i
    }

    /// Records dates for ``latestDate``; `transaction`: also for ``latestTransactionDate`` (a due
    /// date is a promise about the future, not something that happened before the extraction).
    private mutating func see(_ days: Day?..., transaction: Bool = true) {
        for day in days {
            guard let day else { continue }
            latestDay = max(latestDay, day.rawValue)
            if transaction { latestTransactionDay = max(latestTransactionDay, day.rawValue) }
        }
    }

    /// Rows grouped by document (stable, so file order breaks ties), then by `day` within one.
    private func csrOrder(document: [Int32], day: [Int32], documentCount: Int) -> (order: [Int], start: [Int32]) {
        var start = [Int32](repeating: 0, count: documentCount + 1)
        for d in document where d >= 0 { start[Int(d) + 1] += 1 }
        for i in 0..<documentCount { start[i + 1] += start[i] }
        var next = start
        var order = [Int](repeating: 0, count: Int(start[documentCount]))
        for (row, d) in document.enumerated() where d >= 0 {
            order[Int(next[Int(d)])] = row
            next[Int(d)] += 1
        }
        for i in 0..<documentCount where start[i + 1] - start[i] > 1 {
            let range = Int(start[i])..<Int(start[i + 1])
            let sorted = order[range].sorted { (day[$0], $0) < (day[$1], $1) }
            order.replaceSubrange(range, with: sorted)
        }
        return (order, start)
    }

    private func layOutAllocations(_ documents: inout DocumentTable) {
        let (order, start) = csrOrder(document: payments.document, day: payments.day, documentCount: documents.count)
        documents.allocationStart = start
        documents.allocationDay = order.map { payments.day[$0] }
        documents.allocationAmount = order.map { payments.amount[$0] }
        documents.allocationPayment = order.map { Int32($0) }
    }

    private func layOutWriteOffs(_ documents: inout DocumentTable) -> WriteOffTable {
        let (order, start) = csrOrder(document: writeOffs.document, day: writeOffs.day, documentCount: documents.count)
        documents.writeOffStart = start
        var sorted = WriteOffTable()
        sorted.document = order.map { writeOffs.document[$0] }
        sorted.day = order.map { writeOffs.day[$0] }
        sorted.amount = order.map { writeOffs.amount[$0] }
        sorted.reason = DictionaryColumn(codes: order.map { writeOffs.reason.codes[$0] }, values: writeOffs.reason.values)
        return sorted
    }

    private func layOutDisputes(_ documents: inout DocumentTable) -> DisputeTable {
        let (order, start) = csrOrder(document: disputes.document, day: disputes.opened, documentCount: documents.count)
        documents.disputeStart = start
        var sorted = DisputeTable()
        for row in order {
            sorted.ids.append(disputes.ids[row])
            sorted.document.append(disputes.document[row])
            sorted.opened.append(disputes.opened[row])
            sorted.resolved.append(disputes.resolved[row])
            sorted.amount.append(disputes.amount[row])
        }
        sorted.reason = DictionaryColumn(codes: order.map { disputes.reason.codes[$0] }, values: disputes.reason.values)
        return sorted
    }

    /// The entity each payment row belongs to (metrics.md, "Unallocated cash").
    private func resolveEntities() -> [Int32] {
        var counts: [Int32: [Int32: Int]] = [:]   // customer -> entity -> documents
        for i in 0..<documents.count { counts[documents.customer[i], default: [:]][documents.entity[i], default: 0] += 1 }
        var mostDocuments: [Int32: Int32] = [:]
        for (customer, byEntity) in counts {
            mostDocuments[customer] = byEntity.min { a, b in
                a.value != b.value ? a.value > b.value : entities.ids[Int(a.key)] < entities.ids[Int(b.key)]
            }?.key
        }
        return (0..<payments.count).map { p in
            if payments.document[p] >= 0 { return documents.entity[Int(payments.document[p])] }
            if payments.entity[p] >= 0 { return payments.entity[p] }
            return mostDocuments[payments.customer[p]] ?? -1
        }
    }

    private func sortedRates() -> FXRateTable {
        let order = fxRows.indices.sorted { (fxRows[$0].currency, fxRows[$0].day, $0) < (fxRows[$1].currency, fxRows[$1].day, $1) }
        var table = FXRateTable()
        table.start = [Int32](repeating: 0, count: currencies.count + 1)
        for row in order {
            let r = fxRows[row]
            table.currency.append(r.currency)
            table.day.append(r.day)
            table.mantissa.append(r.rate.mantissa)
            table.scale.append(UInt8(r.rate.scale))
            table.start[Int(r.currency) + 1] += 1
        }
        for c in 0..<currencies.count { table.start[c + 1] += table.start[c] }
        return table
    }
}
