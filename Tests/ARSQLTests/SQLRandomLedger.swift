import ARSQL
import ARCore
import ARStore
import Foundation

/// A random ledger written twice from the same rows: as a SQLite snapshot file (every value as
/// text) and through ``LedgerBuilder`` (the Swift engine's input), so that the SQL path and the
/// engine can be compared on it. Three currencies (EUR reporting, USD, JPY with several rates on
/// some dates), credit notes with and without due dates, partial and foreign payers, cash on
/// account with and without entity, write-offs, disputes with and without amounts, promises with
/// and without invoice or currency; GBP rates for UK penalties. As of 2026-06-30.
enum SQLRandomLedger {
    static let asOf = Day(iso: "2026-06-30")!

    /// A deterministic generator (SplitMix64), so that a failing seed can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    }

    /// Both forms of the ledger of `seed`.
    static func make(seed: UInt64) throws -> (ledger: Ledger, snapshot: SQLiteTestSnapshot) {
        var w = Writer(random: Random(state: seed), snapshot: try SQLiteTestSnapshot())
        try w.snapshot.insert("snapshot", ["as_of": asOf.iso, "reporting_currency": "EUR"])
        try w.snapshot.execute("BEGIN")
        try w.parties()
        try w.rates()
        try w.invoices()
        try w.payments()
        try w.writeOffsAndDisputes()
        try w.promises()
        try w.snapshot.execute("COMMIT")
        return (w.builder.finish(asOf: asOf), w.snapshot)
    }

    private struct Document { var id: String, customer: String, currency: Currency, issue: Day, amount: Int64 }

    private struct Writer {
        var random: Random
        let snapshot: SQLiteTestSnapshot
        var builder = LedgerBuilder(reportingCurrency: .eur)
        var documents: [Document] = []
        let entities: [(String, Currency)] = [("E1", .eur), ("E2", .usd), ("E3", Currency(code: "JPY")!)]

        init(random: Random, snapshot: SQLiteTestSnapshot) {
            self.random = random
            self.snapshot = snapshot
        }

        func text(_ minor: Int64, _ currency: Currency) -> String { MinorUnits.format(minor, digits: currency.minorDigits) }

        mutating func parties() throws {
            for (id, currency) in entities {
                try builder.add(EntityRecord(id: id, currency: currency))
                try snapshot.insert("entities", ["entity_id": id, "currency": currency.code])
            }
            for c in 0..<8 {
                let segment = ["SMB", "KEY", nil][random.int(3)], region = ["EMEA", "AMER"][random.int(2)]
                let group: String? = c % 3 == 0 ? nil : "G\(c % 2)"
                try builder.add(CustomerRecord(id: "C\(c)", group: group, segment: segment, region: region))
                var row = ["customer_id": "C\(c)", "region": region]
                row["segment"] = segment
                row["customer_group"] = group
                try snapshot.insert("customers", row)
            }
        }

        mutating func rates() throws {
            for month in 0..<20 {
                let day = Day(iso: "2024-12-01")!.adding(months: month).adding(days: random.int(5))
                // GBP has rates but no documents: the fixed sum of UK penalties converts through it.
                for (currency, base, prefix) in [(Currency.usd, 9000, "0."), (entities[2].1, 600, "0.00"), (Currency(code: "GBP")!, 17000, "1.")] {
                    for _ in 0...random.int(2) {
                        let rate = prefix + String(base + random.int(base / 5))
                        builder.add(FXRateRecord(day: day, currency: currency, rate: ExactRate(rate)!))
                        try snapshot.insert("fx_rates", ["date": day.iso, "currency": currency.code, "rate": rate])
                    }
                }
            }
        }

        mutating func invoices() throws {
            for i in 0..<70 {
                let (entity, currency) = entities[random.int(3)]
                let credit = random.chance(0.12)
                let issue = Day(iso: "2025-01-05")!.adding(days: random.int(540))
                let due: Day? = credit && random.chance(0.5) ? nil : issue.adding(days: 30 + random.int(30))
                let amount = Int64(currency.minorDigits == 0 ? 1000 + random.int(90000) : 1000 + random.int(900_000))
                let document = Document(id: "D\(i)", customer: "C\(random.int(8))", currency: currency, issue: issue, amount: amount)
                try builder.add(DocumentRecord(id: document.id, entityID: entity, customerID: document.customer,
                                               kind: credit ? .creditNote : .invoice, issue: issue, due: due, amount: amount, currency: currency))
                var row = ["invoice_id": document.id, "entity_id": entity, "customer_id": document.customer,
                           "type": credit ? "credit_note" : "invoice", "issue_date": issue.iso,
                           "amount": text(amount, currency), "currency": currency.code]
                row["due_date"] = due?.iso
                try snapshot.insert("invoices", row)
                documents.append(document)
            }
        }

        mutating func payments() throws {
            var count = 0
            for d in documents where random.chance(0.7) {
                var left = d.amount
                for _ in 0...random.int(2) where left > 0 {
                    let amount = random.chance(0.5) ? left : max(1, left / Int64(2 + random.int(3)))
                    left -= amount
                    count += 1
                    let day = d.issue.adding(days: random.int(120))
                    let payer = random.chance(0.9) ? d.customer : "C\(random.int(8))"
                    try add(PaymentRecord(id: "P\(count)", customerID: payer, documentID: d.id, day: day, amount: amount, currency: d.currency))
                }
            }
            for k in 0..<6 {
                let currency = [Currency.eur, .usd][random.int(2)]
                let entity: String? = random.chance(0.4) ? entities[random.int(3)].0 : nil
                try add(PaymentRecord(id: "U\(k)", customerID: "C\(random.int(8))", documentID: nil, entityID: entity,
                                      day: Day(iso: "2025-03-01")!.adding(days: random.int(480)),
                                      amount: Int64(100 + random.int(50000)), currency: currency))
            }
        }

        mutating func add(_ p: PaymentRecord) throws {
            try builder.add(p)
            var row = ["payment_id": p.id, "customer_id": p.customerID, "payment_date": p.day.iso,
                       "amount": text(p.amount, p.currency), "currency": p.currency.code]
            row["invoice_id"] = p.documentID
            row["entity_id"] = p.entityID
            try snapshot.insert("payments", row)
        }

        mutating func writeOffsAndDisputes() throws {
            for d in documents where random.chance(0.06) {
                let day = d.issue.adding(days: 60 + random.int(200)), amount = max(1, d.amount / Int64(1 + random.int(3)))
                try builder.add(WriteOffRecord(documentID: d.id, day: day, amount: amount))
                try snapshot.insert("write_offs", ["invoice_id": d.id, "write_off_date": day.iso, "amount": text(amount, d.currency)])
            }
            for (k, d) in documents.enumerated() where random.chance(0.18) {
                let opened = d.issue.adding(days: random.int(60))
                let resolved: Day? = random.chance(0.5) ? opened.adding(days: random.int(90)) : nil
                let amount: Int64? = random.chance(0.5) ? max(1, d.amount / Int64(1 + random.int(4))) : nil
                let reason = ["price", "quality", nil][random.int(3)]
                try builder.add(DisputeRecord(id: "X\(k)", documentID: d.id, opened: opened, resolved: resolved, amount: amount, reason: reason))
                var row = ["dispute_id": "X\(k)", "invoice_id": d.id, "opened_date": opened.iso]
                row["resolved_date"] = resolved?.iso
                row["amount"] = amount.map { text($0, d.currency) }
                row["reason"] = reason
                try snapshot.insert("disputes", row)
            }
        }

        /// Promises are made after their invoice's issue (a promise on an invoice not yet issued is
        /// not a ledger state the two paths need to agree on).
        mutating func promises() throws {
            for k in 0..<25 {
                let d = documents[random.int(documents.count)]
                let named = random.chance(0.5)
                let made = max(d.issue, Day(iso: "2025-06-01")!.adding(days: random.int(380)))
                let promised = made.adding(days: random.int(40))
                let currency: Currency? = random.chance(0.5) ? nil : [Currency.eur, .usd][random.int(2)]
                let amount = Int64(100 + random.int(300_000))
                try builder.add(PromiseRecord(id: "R\(k)", customerID: d.customer, documentID: named ? d.id : nil, made: made,
                                              promised: promised, amount: amount, currency: currency))
                let own = currency ?? builder.defaultPromiseCurrency(customerID: d.customer)!
                var row = ["promise_id": "R\(k)", "customer_id": d.customer, "made_date": made.iso,
                           "promised_date": promised.iso, "amount": text(amount, own)]
                row["invoice_id"] = named ? d.id : nil
                row["currency"] = currency?.code
                try snapshot.insert("promises", row)
            }
        }
    }
}
