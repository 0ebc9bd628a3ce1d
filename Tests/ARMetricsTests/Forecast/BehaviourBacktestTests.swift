import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// A generated ledger where each customer keeps its own habit (prompt, a little late, very
/// late): ARLens's customer delays must beat both baselines, on WAPE and on MAE.
struct BehaviourBacktestTests {
    /// A small linear congruential generator, so the ledger is the same on every run.
    struct Dice {
        var state: UInt64
        mutating func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
    }

    /// 30 customers over 2025–2026, one invoice each 5 to 15 days, 30-day terms; customer `k`
    /// pays `habit(k)` ± 4 days after due: 0, 20 or 60 days depending on `k % 3`.
    func ledger() throws -> Ledger {
        var b = LedgerBuilder(reportingCurrency: .eur)
        try b.add(EntityRecord(id: "E1", currency: .eur))
        var dice = Dice(state: 2026)
        var invoice = 0
        for k in 0..<30 {
            try b.add(CustomerRecord(id: "C\(k)", segment: k % 2 == 0 ? "A" : "B"))
            let habit = [0, 20, 60][k % 3]
            var issue = d("2025-01-01").adding(days: dice.next(0...10))
            while issue < d("2026-12-31") {
                invoice += 1
                let id = "I\(invoice)", due = issue.adding(days: 30)
                let amount = Int64(dice.next(100...5_000)) * 100
                try b.add(DocumentRecord(id: id, entityID: "E1", customerID: "C\(k)", issue: issue, due: due,
                                         amount: amount, currency: .eur))
                let paid = due.adding(days: max(-5, habit + dice.next(-4...4)))
                if paid <= d("2026-12-31") {
                    try b.add(PaymentRecord(id: "P\(invoice)", customerID: "C\(k)", documentID: id, day: paid,
                                            amount: amount, currency: .eur))
                }
                issue = issue.adding(days: dice.next(5...15))
            }
        }
        return b.finish(asOf: d("2026-12-31"))
    }

    @Test func customerDelaysBeatBothBaselines() throws {
        let ledger = try ledger()
        for cutOff in ["2026-03-31", "2026-06-30", "2026-09-30"] {
            let report = try Backtest.run(ledger: ledger, cutOff: d(cutOff), weeks: 13)
            let arlens = try #require(report.method("arlens")), due = try #require(report.method("due_date"))
            let ledgerDelay = try #require(report.method("due_date_plus_ledger_delay"))
            let wape = try #require(arlens.wape), mae = try #require(arlens.maeDays)
            #expect(wape < (due.wape ?? 0) && wape < (ledgerDelay.wape ?? 0), "\(cutOff)\n\(report.rendered)")
            #expect(mae < (due.maeDays ?? 0) && mae < (ledgerDelay.maeDays ?? 0), "\(cutOff)\n\(report.rendered)")
            #expect(mae < 4, "\(cutOff): habits vary by ±4 days around the customer's mean")
        }
    }
}
