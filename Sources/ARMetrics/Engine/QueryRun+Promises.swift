import ARCore
import ARStore

extension QueryRun {
    /// Promises kept and promises counted, per group, among promises with promised date in
    /// `(a, f.day]` whose window (made … promised + grace) ends on or before the frame's date.
    func promiseKeeping(_ f: DateFrame, from a: Int32, grace: Int) throws(MetricError) -> (kept: [Int], counted: [Int]) {
        let promises = ledger.promises
        var due: [Int] = []
        for k in 0..<promises.count where promises.promised[k] > a && promises.promised[k] <= f.day
            && Int(promises.promised[k]) + grace <= Int(f.day) {
            due.append(k)
        }
        let customerLevel = due.filter { promises.document[$0] < 0 }
        var customerMask: [Bool]?
        if let filter {
            let subject = CustomerSubject(customer: customerLevel.map { promises.customer[$0] },
                                          currency: customerLevel.map { promises.currency[$0] }, rows: rows, ledger: ledger)
            customerMask = try PredicateMask.evaluate(filter, on: subject, stop: stop)
        }
        // Bound once: a copy per promise would retain every column of the index.
        let byCustomer = customerLevel.isEmpty ? CustomerPayments.empty : derived?.customerPayments(ledger) ?? CustomerPayments(ledger)
        let payments = ledger.payments, documents = ledger.documents
        var results: [(Int32, Bool)] = []
        var nextCustomerLevel = 0
        for (n, k) in due.enumerated() {
            try stop.poll(row: n)
            let doc = Int(promises.document[k])
            let windowEnd = promises.promised[k] + Int32(grace)
            let group: Int32
            let paid: Int64
            if doc >= 0 {
                guard f.selected(doc) else { continue }
                group = f.rowGroup[doc]
                paid = try documentPayments(doc, documents, from: promises.made[k], through: windowEnd, in: promises.currency[k])
            } else {
                defer { nextCustomerLevel += 1 }
                guard customerMask?[nextCustomerLevel] ?? true else { continue }
                group = customerGroup(customer: promises.customer[k], currency: promises.currency[k])
                paid = try byCustomer.total(customer: promises.customer[k], from: promises.made[k], through: windowEnd,
                                            in: promises.currency[k], payments: payments, book: book)
            }
            results.append((group, paid >= promises.amount[k]))
        }
        var kept: [Int] = perGroup(0), counted: [Int] = perGroup(0)
        for (g, ok) in results {
            counted[Int(g)] += 1
            if ok { kept[Int(g)] += 1 }
            touch(g)
        }
        return (kept, counted)
    }

    /// Allocations to document `i` dated in `[from, through]`, in currency index `c` (each
    /// converted at its own date's cross rate when the currencies differ).
    private func documentPayments(_ i: Int, _ docs: DocumentTable, from: Int32, through: Int32, in c: Int32) throws(MetricError) -> Int64 {
        let promiseCurrency = ConversionTarget(currency: currencies[Int(c)], index: c)
        var total: Int64 = 0, overflow = false
        for k in Int(docs.allocationStart[i])..<Int(docs.allocationStart[i + 1]) {
            let day = docs.allocationDay[k]
            guard day >= from, day <= through else { continue }
            total.add(c == docs.currency[i] ? docs.allocationAmount[k]
                : try book.cross(from: docs.currency[i], to: promiseCurrency, on: day).apply(docs.allocationAmount[k]), overflow: &overflow)
        }
        try MetricError.check(overflow, "the payments of document '\(docs.ids[i])'")
        return total
    }
}

/// Payment rows by customer (CSR), leaving out rows allocated to credit notes: the cash a
/// promise naming no invoice is compared with.
struct CustomerPayments: Sendable {
    let start: [Int32]
    let rows: [Int32]

    /// An index of no customer, for a query without promises naming no invoice.
    static let empty = CustomerPayments(start: [0], rows: [])

    private init(start: [Int32], rows: [Int32]) {
        self.start = start
        self.rows = rows
    }

    init(_ ledger: Ledger) {
        let pay = ledger.payments, docs = ledger.documents
        var start = [Int32](repeating: 0, count: ledger.customers.count + 1)
        func counts(_ p: Int) -> Bool { pay.document[p] < 0 || !docs.isCreditNote(Int(pay.document[p])) }
        for p in 0..<pay.count where counts(p) { start[Int(pay.customer[p]) + 1] += 1 }
        for c in 0..<ledger.customers.count { start[c + 1] += start[c] }
        var next = start, rows = [Int32](repeating: 0, count: Int(start.last!))
        for p in 0..<pay.count where counts(p) {
            let c = Int(pay.customer[p])
            rows[Int(next[c])] = Int32(p)
            next[c] += 1
        }
        self.start = start
        self.rows = rows
    }

    /// The customer's payment rows dated in `[from, through]`, in currency index `c` (each
    /// converted at its own date's cross rate when the currencies differ).
    func total(customer: Int32, from: Int32, through: Int32, in c: Int32, payments pay: PaymentTable,
               book: RateBook) throws(MetricError) -> Int64 {
        let promiseCurrency = ConversionTarget(currency: book.ledger.currencies[Int(c)], index: c)
        var total: Int64 = 0, overflow = false
        for k in Int(start[Int(customer)])..<Int(start[Int(customer) + 1]) {
            let p = Int(rows[k])
            guard pay.day[p] >= from, pay.day[p] <= through else { continue }
            total.add(pay.currency[p] == c ? pay.amount[p]
                : try book.cross(from: pay.currency[p], to: promiseCurrency, on: pay.day[p]).apply(pay.amount[p]), overflow: &overflow)
        }
        try MetricError.check(overflow, "the payments of a customer")
        return total
    }
}
