import ARSQL
import ARCore
import ARMetrics
import ARQuery
import Foundation
import Testing

/// The IBM "Accounts Receivable" sample (2,466 settled invoices, USD) loaded into a SQLite snapshot:
/// the SQL figures against sums computed directly from the file's own columns.
struct SQLRealDataTests {
    /// One invoice of the sample: amount in cents, dates, and the file's own days to settle and late.
    struct Row {
        var id: String, customer: String, country: String
        var issue: Day, due: Day, settled: Day
        var cents: Int64, daysToSettle: Int64, daysLate: Int64
    }

    static let file: URL? = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared/datasets/real/ibm-wa-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    static func usDate(_ text: Substring) -> Day {
        let parts = text.split(separator: "/").map { Int($0)! }
        return Day(year: parts[2], month: parts[0], day: parts[1])!
    }

    static func rows() throws -> [Row] {
        let text = try String(contentsOf: file!, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard case let .success(cents) = MinorUnits.parse(f[6], digits: 2) else { fatalError("bad amount \(f[6])") }
            return Row(id: String(f[3]), customer: String(f[1]), country: String(f[0]), issue: usDate(f[4]), due: usDate(f[5]),
                       settled: usDate(f[8]), cents: cents, daysToSettle: Int64(f[10])!, daysLate: Int64(f[11])!)
        }
    }

    /// Each invoice, its customer (country as the customer's), and one payment on its settled date.
    static func snapshot(_ rows: [Row]) throws -> SQLiteTestSnapshot {
        let s = try SQLiteTestSnapshot()
        try s.insert("snapshot", ["as_of": "2013-12-31", "reporting_currency": "USD"])
        try s.insert("entities", ["entity_id": "WA", "currency": "USD"])
        try s.execute("BEGIN")
        var customers: Set<String> = []
        for r in rows {
            if customers.insert(r.customer).inserted {
                try s.insert("customers", ["customer_id": r.customer, "country": r.country])
            }
            let amount = MinorUnits.format(r.cents, digits: 2)
            try s.insert("invoices", ["invoice_id": r.id, "entity_id": "WA", "customer_id": r.customer, "issue_date": r.issue.iso,
                                      "due_date": r.due.iso, "amount": amount, "currency": "USD"])
            try s.insert("payments", ["payment_id": "P" + r.id, "customer_id": r.customer, "invoice_id": r.id,
                                      "payment_date": r.settled.iso, "amount": amount, "currency": "USD"])
        }
        try s.execute("COMMIT")
        return s
    }

    @Test(.enabled(if: file != nil, "the IBM sample is not under shared/datasets/real: nothing to compare with"))
    func balancesAndPaymentBehaviourMatchTheFilesOwnColumns() throws {
        let rows = try Self.rows()
        #expect(rows.count == 2466)
        let s = try Self.snapshot(rows)
        let d = Day(iso: "2013-06-30")!, a = d.adding(months: -12)
        let open = rows.filter { $0.issue <= d && $0.settled > d }
        let overdue = open.filter { $0.due < d }
        let cleared = rows.filter { $0.settled > a && $0.settled <= d }
        let weight = cleared.reduce(Int64(0)) { $0 + $1.cents }
        let toPay = cleared.reduce(Int64(0)) { $0 + $1.cents * $1.daysToSettle }
        let late = cleared.reduce(Int64(0)) { $0 + $1.cents * $1.daysLate }
        let result = try SQLTestLedger.rows(s, MetricQuery(
            metrics: [.init(.ar), .init(.overdue), .init(.count), .init(.daysToPay, period: .months(12)),
                      .init(.daysLate, period: .months(12))], dates: [d]))
        #expect(result == [[String(open.reduce(0) { $0 + $1.cents }), String(overdue.reduce(0) { $0 + $1.cents }),
                            String(open.count), String(Double(toPay) / Double(weight)), String(Double(late) / Double(weight))]])

        let byCountry = try SQLTestLedger.rows(s, MetricQuery(metrics: [.init(.ar)], dimensions: [.country], dates: [d]))
        let expected = Dictionary(grouping: open, by: \.country).mapValues { $0.reduce(Int64(0)) { $0 + $1.cents } }
        #expect(byCountry.map { [$0[0]!, $0[1]!] } == expected.keys.sorted().map { [$0, String(expected[$0]!)] })
    }
}
