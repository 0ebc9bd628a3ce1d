import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Delay(customer): amount-weighted mean days late of invoices cleared in (d − 365, d], the
/// customer's, else its segment's, else the ledger's, else 0, rounded half up.
struct ForecastDelayTests {
    /// As of 2026-06-03. History (amount, days late):
    /// C1: H1 100.00 late 10, H2 100.00 late 3 → 6.5 → 7 (half up).
    /// C3 (SME): H3 200.00 late 20, H3B 200.00 paid early (late 0) → 10; so segment SME → 10.
    /// C6: H6 cleared exactly on d − 365 (late 100): outside the window.
    /// C7: H7 cleared on d itself, late 4.
    /// Ledger: (10000×10 + 10000×3 + 20000×20 + 20000×0 + 10000×4) / 70000 = 8.14 → 8.
    func ledger() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.customer("C1")
        try f.customer("C2", segment: "SME")
        try f.customer("C3", segment: "SME")
        try f.customer("C4")
        try f.customer("C5", segment: "Large")
        try f.customer("C6")
        try f.customer("C7")
        try f.invoice("H1", "C1", issue: "2026-01-01", due: "2026-02-01", amount: 10_000)
        try f.pay("PH1", "C1", to: "H1", on: "2026-02-11", amount: 10_000)
        try f.invoice("H2", "C1", issue: "2026-02-01", due: "2026-03-01", amount: 10_000)
        try f.pay("PH2a", "C1", to: "H2", on: "2026-02-20", amount: 4_000)
        try f.pay("PH2b", "C1", to: "H2", on: "2026-03-04", amount: 6_000)
        try f.invoice("H3", "C3", issue: "2026-03-01", due: "2026-04-01", amount: 20_000)
        try f.pay("PH3", "C3", to: "H3", on: "2026-04-21", amount: 20_000)
        try f.invoice("H3B", "C3", issue: "2026-03-01", due: "2026-04-30", amount: 20_000)
        try f.pay("PH3B", "C3", to: "H3B", on: "2026-04-10", amount: 20_000)
        try f.invoice("H6", "C6", issue: "2025-01-01", due: "2025-02-23", amount: 90_000)
        try f.pay("PH6", "C6", to: "H6", on: "2025-06-03", amount: 90_000)
        try f.invoice("H7", "C7", issue: "2026-04-01", due: "2026-05-30", amount: 10_000)
        try f.pay("PH7", "C7", to: "H7", on: "2026-06-03", amount: 10_000)
        // A partly paid invoice is not cleared and adds no history.
        try f.invoice("P4", "C4", issue: "2026-01-01", due: "2026-01-31", amount: 10_000)
        try f.pay("PP4", "C4", to: "P4", on: "2026-05-30", amount: 9_999)

        try f.invoice("O1", "C1", issue: "2026-05-01", due: "2026-06-01", amount: 5_000)
        try f.invoice("O2", "C2", issue: "2026-05-01", due: "2026-06-01", amount: 5_000)
        try f.invoice("O3", "C3", issue: "2026-05-01", due: "2026-05-20", amount: 5_000)
        try f.invoice("O4", "C4", issue: "2026-05-01", due: "2026-06-01", amount: 5_000)
        try f.invoice("O5", "C5", issue: "2026-05-01", due: "2026-06-10", amount: 5_000)
        try f.invoice("O6", "C6", issue: "2026-05-01", due: "2026-06-01", amount: 5_000)
        try f.invoice("O7", "C7", issue: "2026-05-01", due: "2026-06-02", amount: 5_000)
        return f.engine(asOf: "2026-06-03")
    }

    @Test func customerThenSegmentThenLedgerDelay() throws {
        let e = try ledger()
        #expect(try e.predicted(["O1", "O2", "O3", "O4", "O5", "O6", "O7"], at: "2026-06-03") == [
            "2026-06-08", // C1's own 6.5 rounded half up to 7
            "2026-06-11", // no history: segment SME's 10
            "2026-06-03", // own 10: 05-30 is before d, so d
            "2026-06-09", // no segment, only a partly paid invoice: the ledger's 8
            "2026-06-18", // segment Large has no history: the ledger's 8
            "2026-06-09", // cleared on d − 365: outside the window, the ledger's 8
            "2026-06-06", // cleared on d itself: own 4
        ])
    }

    @Test func noHistoryAtAllMeansNoDelay() throws {
        var f = try LedgerFixture()
        try f.invoice("O1", issue: "2026-05-01", due: "2026-06-10", amount: 5_000)
        try f.invoice("O2", issue: "2026-05-01", due: "2026-05-01", amount: 5_000)
        #expect(try f.engine(asOf: "2026-06-03").predicted(["O1", "O2"], at: "2026-06-03") == ["2026-06-10", "2026-06-03"])
    }

    /// Weights at issue-date rates: U1 100 USD at 0.5 (50 EUR) late 10, U2 100 USD at 1.5
    /// (150 EUR) late 2 → (5000×10 + 15000×2) / 20000 = 4 (unconverted weights would give 6).
    @Test func weightsAreIssueDateReportingAmounts() throws {
        var f = try LedgerFixture()
        f.rate(.usd, "2026-01-01", "0.5")
        f.rate(.usd, "2026-02-01", "1.5")
        try f.invoice("U1", entity: "E2", issue: "2026-01-10", due: "2026-02-10", amount: 10_000, currency: .usd)
        try f.pay("PU1", to: "U1", on: "2026-02-20", amount: 10_000, currency: .usd)
        try f.invoice("U2", entity: "E2", issue: "2026-02-10", due: "2026-03-10", amount: 10_000, currency: .usd)
        try f.pay("PU2", to: "U2", on: "2026-03-12", amount: 10_000, currency: .usd)
        try f.invoice("O1", issue: "2026-05-01", due: "2026-06-10", amount: 5_000)
        #expect(try f.engine(asOf: "2026-06-03").predicted(["O1"], at: "2026-06-03") == ["2026-06-14"])
    }

    /// The forecast at an earlier date sees only what was known then: at 2026-03-01 only H1
    /// (late 10) has cleared for C1, so O0 due 2026-03-05 is expected on 2026-03-15.
    @Test func earlierDateUsesOnlyEarlierHistory() throws {
        var f = try LedgerFixture()
        try f.invoice("H1", issue: "2026-01-01", due: "2026-02-01", amount: 10_000)
        try f.pay("PH1", to: "H1", on: "2026-02-11", amount: 10_000)
        try f.invoice("H2", issue: "2026-02-01", due: "2026-03-01", amount: 10_000)
        try f.pay("PH2", to: "H2", on: "2026-03-04", amount: 10_000)
        try f.invoice("O0", issue: "2026-02-20", due: "2026-03-05", amount: 5_000)
        let e = f.engine(asOf: "2026-06-03")
        #expect(try e.predicted(["O0", "H2"], at: "2026-03-01") == ["2026-03-15", "2026-03-11"])
    }
}
