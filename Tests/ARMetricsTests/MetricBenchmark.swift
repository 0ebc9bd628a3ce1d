import ARCore
import ARStore
import Foundation
import Testing
@testable import ARMetrics

/// A throwaway timing on a generated ledger of one million invoices; runs only with
/// `ARLENS_BENCH=1` (use a release build: `swift test -c release -Xswiftc -enable-testing`).
struct MetricBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ARLENS_BENCH"] == "1"))
    func millionInvoices() throws {
        let clock = ContinuousClock()
        var ledger: Ledger!
        let built = try clock.measure { ledger = try Self.generate(invoices: 1_000_000) }
        print("bench: built \(ledger.documents.count) documents, \(ledger.payments.count) payment rows in \(built)")
        let engine = MetricEngine(ledger: ledger)
        let asOf = ledger.snapshot.asOf
        let monthly = (0..<12).map { asOf.adding(months: -$0) }.reversed().map { $0 }
        func time(_ label: String, _ query: MetricQuery) throws {
            var table: MetricTable!
            let elapsed = try clock.measure { table = try engine.run(query) }
            print("bench: \(label): \(elapsed) (\(table.rows.count) rows)")
        }
        try time("ar", MetricQuery(metrics: [MetricRequest(.ar)], dates: [asOf]))
        try time("ar+aging by region", MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.aging)], dimensions: [.region], dates: [asOf]))
        try time("ar by customer", MetricQuery(metrics: [MetricRequest(.ar)], dimensions: [.customer], dates: [asOf]))
        try time("dso std + countback", MetricQuery(metrics: [MetricRequest(.dso), MetricRequest(.dso, dsoMethod: .countback)], dates: [asOf]))
        try time("cei, days_to_pay, promises, penalties", MetricQuery(
            metrics: [MetricRequest(.cei), MetricRequest(.daysToPay), MetricRequest(.promiseKeptRate), MetricRequest(.penalties)], dates: [asOf]))
        try time("ar series 12 months", MetricQuery(metrics: [MetricRequest(.ar)], dates: monthly))
        try time("ar+dso series 12 months by region", MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.dso)], dimensions: [.region], dates: monthly))
        try time("filtered ar (dpd > 30)", MetricQuery(metrics: [MetricRequest(.ar)], filter: .compare(.dpd, .gt, .integer(30)), dates: [asOf]))
        var items: ItemTable!
        let listed = try clock.measure { items = try engine.items(asOf: asOf, filter: nil, currency: nil) }
        print("bench: items: \(listed) (\(items.count) items)")
    }

    static func generate(invoices: Int) throws -> Ledger {
        var random = SplitMix(seed: 42)
        var b = LedgerBuilder(reportingCurrency: .eur)
        let gbp = Currency(code: "GBP")!
        try b.add(EntityRecord(id: "E1", currency: .eur))
        try b.add(EntityRecord(id: "E2", currency: .usd))
        try b.add(EntityRecord(id: "E3", currency: gbp))
        let regions = ["EMEA", "AMER", "APAC", "LATAM"]
        let customers = 20_000
        for c in 0..<customers { try b.add(CustomerRecord(id: "C\(c)", segment: c % 3 == 0 ? "large" : "small", region: regions[c % 4])) }
        let start = Day(iso: "2024-01-01")!
        for m in 0..<30 {
            let day = start.adding(months: m)
            b.add(FXRateRecord(day: day, currency: .usd, rate: ExactRate(mantissa: 9_000 + Int64(m * 17), scale: 4)))
            b.add(FXRateRecord(day: day, currency: gbp, rate: ExactRate(mantissa: 11_500 - Int64(m * 13), scale: 4)))
        }
        let currencies: [(Currency, String)] = [(.eur, "E1"), (.usd, "E2"), (gbp, "E3")]
        for i in 0..<invoices {
            let (currency, entity) = currencies[Int(random.next() % 10) < 7 ? 0 : 1 + Int(random.next() % 2)]
            let issue = start.adding(days: Int(random.next() % 880))
            let id = "I\(i)", customer = "C\(random.next() % UInt64(customers))"
            let amount = Int64(random.next() % 1_000_000) + 100
            try b.add(DocumentRecord(id: id, entityID: entity, customerID: customer, issue: issue, due: issue.adding(days: 30),
                                     amount: amount, currency: currency))
            let fate = random.next() % 10
            if fate < 7 {
                try b.add(PaymentRecord(id: "P\(i)", customerID: customer, documentID: id, day: issue.adding(days: 10 + Int(random.next() % 60)),
                                        amount: fate < 6 ? amount : amount / 2, currency: currency))
            }
            if fate == 7 { try b.add(DisputeRecord(id: "D\(i)", documentID: id, opened: issue.adding(days: 20), reason: "price")) }
            if fate == 8, i % 5 == 0 { try b.add(WriteOffRecord(documentID: id, day: issue.adding(days: 200), amount: 100)) }
            if fate == 9, i % 10 == 0 {
                try b.add(PromiseRecord(id: "R\(i)", customerID: customer, documentID: id, made: issue.adding(days: 35),
                                        promised: issue.adding(days: 45), amount: 100, currency: currency))
            }
        }
        for k in 0..<10_000 {
            try b.add(PaymentRecord(id: "U\(k)", customerID: "C\(k)", documentID: nil, day: start.adding(days: Int(random.next() % 880)),
                                    amount: 5_000, currency: .eur))
        }
        return b.finish(asOf: start.adding(days: 880))
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
