import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// The engine against a naive oracle on a random ledger: open amounts from the raw payment and
/// write-off rows (not the CSR layout), converted with `Ledger.toReporting` (not `CrossRate`).
struct OracleTests {
    /// - Parameter extra: adds rows before the ledger is finished.
    static func randomLedger(seed: UInt64, extra: (inout LedgerFixture) throws -> Void = { _ in }) throws -> Ledger {
        var random = SplitMix(seed: seed)
        var f = try LedgerFixture()
        for c in 0..<12 { try f.customer("C\(c)", region: c % 3 == 0 ? nil : ["EMEA", "AMER"][c % 2]) }
        let start = d("2025-01-01")
        for m in 0..<16 {
            f.rate(.usd, start.adding(months: m).iso, "0.\(8000 + random.next() % 2000)")
            f.rate(LedgerFixture.jpy, start.adding(months: m).iso, "0.00\(600 + random.next() % 50)")
        }
        let currencies: [(Currency, String)] = [(.eur, "E1"), (.usd, "E2"), (LedgerFixture.jpy, "E1")]
        for i in 0..<300 {
            let (currency, entity) = currencies[Int(random.next() % 3)]
            let issue = start.adding(days: Int(random.next() % 420)).iso
            let amount = Int64(random.next() % 100_000) + 1
            let customer = "C\(random.next() % 12)"
            if random.next() % 6 == 0 {
                try f.creditNote("N\(i)", customer, entity: entity, issue: issue, amount: amount, currency: currency)
                if random.next() % 2 == 0 {
                    try f.pay("PN\(i)", customer, to: "N\(i)", on: d(issue).adding(days: 20).iso, amount: amount / 2 + 1, currency: currency)
                }
                continue
            }
            try f.invoice("I\(i)", customer, entity: entity, issue: issue, due: d(issue).adding(days: 30).iso, amount: amount, currency: currency)
            for k in 0..<Int(random.next() % 3) {
                try f.pay("P\(i)-\(k)", customer, to: "I\(i)", on: d(issue).adding(days: Int(random.next() % 90)).iso,
                          amount: amount / 2 + Int64(k), currency: currency)
            }
            if random.next() % 7 == 0 {
                let opened = d(issue).adding(days: Int(random.next() % 60))
                let resolved = random.next() % 2 == 0 ? opened.adding(days: Int(random.next() % 90)).iso : nil
                try f.dispute("D\(i)", "I\(i)", opened: opened.iso, resolved: resolved,
                              amount: random.next() % 3 == 0 ? nil : Int64(random.next() % UInt64(amount)) + 1)
            }
            if random.next() % 10 == 0 { try f.writeOff("I\(i)", on: d(issue).adding(days: 100).iso, amount: amount / 3 + 1) }
            if random.next() % 15 == 0 {
                try f.pay("U\(i)", customer, to: nil, on: issue, amount: amount / 4 + 1, currency: currency)
            }
        }
        try extra(&f)
        return f.builder.finish(asOf: d("2026-03-31"))
    }

    /// Open amount of every item at `day`, in reporting minor units, by region; and the aging.
    static func oracle(_ l: Ledger, at day: Day) throws -> (byRegion: [String?: Int64], aging: [Int64], sales: Int64) {
        var byRegion: [String?: Int64] = [:], aging = [Int64](repeating: 0, count: 6), sales: Int64 = 0
        func add(_ open: Int64, currency: Int32, customer: Int32, due: Int32) throws {
            guard open != 0 else { return }
            let value = try l.toReporting(open, currency: currency, on: day.rawValue)
            byRegion[l.customers.region[Int(customer)], default: 0] += value
            aging[AgingSpec.standard.bucket(days: Int(day.rawValue - due))] += value
        }
        let docs = l.documents
        for i in 0..<docs.count where docs.issue[i] <= day.rawValue {
            var open = docs.amount[i]
            for p in 0..<l.payments.count where l.payments.document[p] == Int32(i) && l.payments.day[p] <= day.rawValue {
                open -= l.payments.amount[p]
            }
            for w in 0..<l.writeOffs.count where l.writeOffs.document[w] == Int32(i) && l.writeOffs.day[w] <= day.rawValue {
                open -= l.writeOffs.amount[w]
            }
            try add(docs.isCreditNote(i) ? -open : open, currency: docs.currency[i], customer: docs.customer[i], due: docs.due[i])
            if docs.issue[i] > day.adding(months: -1).rawValue {
                let s = try l.toReporting(docs.amount[i], currency: docs.currency[i], on: docs.issue[i])
                sales += docs.isCreditNote(i) ? -s : s
            }
        }
        for p in 0..<l.payments.count where l.payments.document[p] < 0 && l.payments.day[p] <= day.rawValue {
            try add(-l.payments.amount[p], currency: l.payments.currency[p], customer: l.payments.customer[p], due: l.payments.day[p])
        }
        return (byRegion, aging, sales)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func engineAgreesWithTheOracle(seed: UInt64) throws {
        let ledger = try Self.randomLedger(seed: seed)
        let engine = MetricEngine(ledger: ledger)
        let dates = (0..<8).map { d("2026-03-31").adding(months: -2 * $0) }.reversed().map { $0 }
        let metrics = [MetricRequest(.ar), MetricRequest(.aging), MetricRequest(.sales)]
        let swept = try engine.run(MetricQuery(metrics: metrics, dimensions: [.region], dates: dates))
        let framed = try engine.run(MetricQuery(metrics: metrics, dimensions: [.region], filter: .or(.disputed, .not(.disputed)), dates: dates))
        #expect(swept == framed)
        for day in dates {
            let expected = try Self.oracle(ledger, at: day)
            let rows = swept.rows.filter { $0.date == day }
            #expect(rows.count >= 2 && expected.byRegion.values.contains { $0 != 0 }, "a meaningful ledger at \(day)")
            var byRegion: [String?: Int64] = [:], aging = [Int64](repeating: 0, count: 6), sales: Int64 = 0
            for row in rows {
                guard case let .money(ar) = row.values[0], case let .money(s) = row.values[7] else { continue }
                byRegion[row.keys[0]] = ar
                sales += s
                for b in 0..<6 { if case let .money(v) = row.values[1 + b] { aging[b] += v } }
            }
            #expect(byRegion.filter { $0.value != 0 } == expected.byRegion.filter { $0.value != 0 }, "AR by region at \(day)")
            #expect(aging == expected.aging, "aging at \(day)")
            #expect(sales == expected.sales, "sales at \(day)")
        }
    }

    /// Flows and dispute figures against straightforward recomputations at one date.
    @Test(arguments: [4, 5] as [UInt64])
    func flowsAgreeWithTheOracle(seed: UInt64) throws {
        let l = try Self.randomLedger(seed: seed)
        let engine = MetricEngine(ledger: l)
        for day in [d("2025-06-30"), d("2025-11-15"), d("2026-03-31")] {
            let a = day.adding(months: -1).rawValue, t = day.rawValue
            var weight: Int64 = 0, weightedDays: Int64 = 0, writeOffs: Int64 = 0, disputed: Int64 = 0
            var count = 0, customers = Set<Int32>()
            let docs = l.documents
            for i in 0..<docs.count {
                // Cleared: first payment date (by date, then row) where the running sum reaches the amount.
                let pays = (0..<l.payments.count).filter { l.payments.document[$0] == Int32(i) }.sorted { (l.payments.day[$0], $0) < (l.payments.day[$1], $1) }
                var paid: Int64 = 0, cleared: Int32?
                for p in pays where cleared == nil {
                    paid += l.payments.amount[p]
                    if paid >= docs.amount[i] { cleared = l.payments.day[p] }
                }
                if !docs.isCreditNote(i), let c = cleared, c > a, c <= t {
                    let w = try l.toReporting(docs.amount[i], currency: docs.currency[i], on: docs.issue[i])
                    weight += w
                    weightedDays += w * Int64(c - docs.issue[i])
                }
                guard docs.issue[i] <= t else { continue }
                let open = docs.amount[i] - pays.filter { l.payments.day[$0] <= t }.reduce(0) { $0 + l.payments.amount[$1] }
                    - (0..<l.writeOffs.count).filter { l.writeOffs.document[$0] == Int32(i) && l.writeOffs.day[$0] <= t }.reduce(0) { $0 + l.writeOffs.amount[$1] }
                if open != 0 { count += 1; customers.insert(docs.customer[i]) }
                let openDisputes = (0..<l.disputes.count).filter {
                    l.disputes.document[$0] == Int32(i) && l.disputes.opened[$0] <= t && (l.disputes.resolved[$0].map { $0 > t } ?? true)
                }
                if open > 0, !docs.isCreditNote(i), !openDisputes.isEmpty {
                    let whole = openDisputes.contains { l.disputes.amount[$0] == nil }
                    let part = whole ? open : min(open, openDisputes.reduce(0) { $0 + l.disputes.amount[$1]! })
                    disputed += try l.toReporting(part, currency: docs.currency[i], on: t)
                }
            }
            for w in 0..<l.writeOffs.count where l.writeOffs.day[w] > a && l.writeOffs.day[w] <= t {
                let i = Int(l.writeOffs.document[w])
                writeOffs += try l.toReporting(l.writeOffs.amount[w], currency: docs.currency[i], on: l.writeOffs.day[w])
            }
            for p in 0..<l.payments.count where l.payments.document[p] < 0 && l.payments.day[p] <= t {
                count += 1
                customers.insert(l.payments.customer[p])
            }
            let row = try engine.run(MetricQuery(metrics: [MetricRequest(.daysToPay), MetricRequest(.writeOffs), MetricRequest(.disputed),
                                                           MetricRequest(.count), MetricRequest(.customers)], dates: [day])).rows[0]
            #expect(row.values[0] == (weight == 0 ? .missing : .days(Double(weightedDays) / Double(weight))), "days to pay at \(day)")
            #expect(row.values[1] == .money(writeOffs), "write-offs at \(day)")
            #expect(row.values[2] == .money(disputed), "disputed at \(day)")
            #expect(row.values[3] == .count(count), "count at \(day)")
            #expect(row.values[4] == .count(customers.count), "customers at \(day)")
            #expect(disputed != 0 && count > 0, "a meaningful ledger at \(day)")
        }
    }
}
