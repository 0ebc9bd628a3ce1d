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
            customerMask = try PredicateMask.evaluate(filter, on: subject)
        }
        let byCustomer = customerLevel.isEmpty ? nil : derived?.customerPayments(ledger) ?? CustomerPayments(ledger)
        var results: [(Int32, Bool)] = []
        var nextCustomerLevel = 0
        for k in due {
            let doc = Int(promises.document[k])
            let windowEnd = promises.promised[k] + Int32(grace)
            let group: Int32
            let paid: Int64
            if doc >= 0 {
                guard f.selected(doc) else { continue }
                group = f.rowGroup[doc]
                paid = try documentPayments(doc, from: promises.made[k], through: windowEnd, in: promises.currency[k])
            } else {
                defer { nextCustomerLevel += 1 }
                guard customerMask?[nextCustomerLevel] ?? true else { continue }
                group = customerGroup(customer: promises.customer[k], currency: promises.currency[k])
                paid = try byCustomer!.total(customer: promises.customer[k], from: promises.made[k], through: windowEnd,
                                             in: promises.currency[k], book: book)
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
    private func documentPayments(_ i: Int, from: Int32, through: Int32, in c: Int32) throws(MetricError) -> Int64 {
        let docs = ledger.documents
        let promiseCurrency = ConversionTarget(currency: currencies[Int(c)], index: c)
        var total: Int64 = 0
        for k in Int(docs.allocationStart[i])..<Int(docs.allocationStart[i + 1]) {
            let day = docs.allocationDay[k]
            guard day >= from, day <= through else { continue }
            total += c == docs.currency[i] ? docs.allocationAmount[k]
                : try book.cross(from: docs.currency[i], to: promiseCurrency, on: day).apply(docs.allocationAmount[k])
        }
        return total
    }
}

/// Payment rows by customer (CSR), leaving out rows allocated to credit notes: the cash a
/// promise naming no invoice is compared with.
struct CustomerPayments {
    let ledger: Ledger
    let start: [Int32]
    let rows: [Int32]

    init(_ ledger: Ledger) {
        self.ledger = ledger
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

    func total(customer: Int32, from: Int32, through: Int32, in c: Int32, book: RateBook) throws(MetricError) -> Int64 {
        let pay = ledger.payments
        let promiseCurrency = ConversionTarget(currency: ledger.currencies[Int(c)], index: c)
        var total: Int64 = 0
        for k in Int(start[Int(customer)])..<Int(start[Int(customer) + 1]) {
            let p = Int(rows[k])
            guard pay.day[p] >= from, pay.day[p] <= through else { continue }
            total += pay.currency[p] == c ? pay.amount[p]
                : try book.cross(from: pay.currency[p], to: promiseCurrency, on: pay.day[p]).apply(pay.amount[p])
        }
        return total
    }
}
