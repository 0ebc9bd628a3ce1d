import ARCore
import ARQuery
import ARRisk
import ARStore
import Foundation
import Testing

/// Alerts over a real store of two snapshots of ``CreditLedger``: 2026-02-15, then 2026-03-31
/// with C3's new invoice taking it over its limit.
struct AlertTests {
    static let rules = """
    alerts:
      - name: limit_breached
        severity: high
        query: "over_limit by customer having over_limit > 0"
    """

    @Test func newSinceThePreviousSnapshotOrStillOpen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrisk-alerts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SnapshotStore(at: folder)
        _ = try store.add(try CreditLedger.make(asOf: Day(iso: "2026-02-15")!), source: "february", report: nil)
        _ = try store.add(try CreditLedger.make(laterInvoice: true), source: "march", report: nil)
        let runner = try QueryRunner(source: SnapshotSource(store: store), providers: RiskMetrics.providers())
        let report = try AlertReport(rules: try AlertRules.parse(Self.rules, file: "alerts.yaml", compiler: runner.compiler),
                                     runner: runner)
        #expect(report.previous == Day(iso: "2026-02-15")!)
        let rows = report.result.rows.map { row in row[2...4].map { if case let .string(s) = $0 { s } else { "" } } }
        // C1: 1200.00 − 1000.00; C3: 350.00 − 300.00 (new); C4: 250 GBP − 200 GBP at 1.25.
        #expect(rows == [["open", "customer=C1", "over_limit=200.00 EUR"], ["new", "customer=C3", "over_limit=50.00 EUR"],
                         ["open", "customer=C4", "over_limit=62.50 EUR"]])
    }

    @Test func aBadRuleNamesItsLineAndColumn() throws {
        let runner = QueryRunner(ledger: try CreditLedger.make(), providers: RiskMetrics.providers())
        let bad = Self.rules.replacingOccurrences(of: "by customer having", with: "by custmer having")
        #expect(throws: ConfigError(file: "alerts.yaml", line: 4, column: 27, "expected a dimension, found 'custmer'",
                                    help: "did you mean 'customer'?")) {
            try AlertRules.parse(bad, file: "alerts.yaml", compiler: runner.compiler)
        }
    }
}
