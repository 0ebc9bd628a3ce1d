import ARCore
import ARImport
@testable import ARMetrics
import ARQuery
import ARStore
import Foundation
import Testing

/// The predicted pay dates of a few items (what `items … limit 20` shows, worked out from those
/// items' customers) against the whole-ledger pass of the cash forecast, item by item: on the
/// bundled sample and on random ledgers, at several dates.
struct SelectedPredictedDatesTests {
    static let sample: Ledger = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return try! SnapshotImporter.load(from: url.appendingPathComponent("datasets/sample")).ledger
    }()

    /// The documents whose narrow date differs from the whole-ledger one at `day`, as
    /// `id@day: narrow ≠ whole`: every document at once, then subsets of 20 (every `step`-th
    /// row from several starts), with the history's prefix table and without it.
    static func differences(_ ledger: Ledger, at day: Day, step: Int = 97) throws -> [String] {
        let engine = MetricEngine(ledger: ledger)
        let whole = try engine.predictedPayDates(asOf: day)
        let count = ledger.documents.count
        var subsets = [Array(0..<Int32(count)) + [-1]]
        for start in stride(from: 0, to: min(count, 400), by: 23) {
            subsets.append(stride(from: start, to: count, by: step).prefix(20).map(Int32.init) + [-1])
        }
        let book = RateBook(ledger: ledger)
        let histories = [engine.derived.paymentHistory(ledger), PaymentHistory(ledger: ledger, book: book, maxPrefixCells: 0)]
        var differences: [String] = []
        for history in histories {
            let selected = SelectedExpectedDates(ledger: ledger, history: history, book: book, day: day.rawValue)
            for subset in subsets {
                let narrow = try selected.expected(subset)
                for (row, date) in zip(subset, narrow) {
                    let expected = row >= 0 ? whole[Int(row)] : MetricEngine.noPredictedPayDate
                    if date != expected { differences.append("\(row)@\(day.iso): \(date) ≠ \(expected)") }
                }
            }
        }
        return differences
    }

    @Test(arguments: ["2026-10-31", "2026-06-30", "2026-01-15", "2025-09-30"])
    func sampleAgreesWithTheWholeLedger(day: String) throws {
        let ledger = Self.sample
        let whole = try MetricEngine(ledger: ledger).predictedPayDates(asOf: Day(iso: day)!)
        // The comparison means something only if the sample forecasts items at that date.
        #expect(whole.filter { $0 != MetricEngine.noPredictedPayDate }.count > 100)
        #expect(try Self.differences(ledger, at: Day(iso: day)!) == [])
    }

    @Test(arguments: [UInt64(31), 32, 33, 34, 35])
    func randomLedgersAgreeWithTheWholeLedger(seed: UInt64) throws {
        let (ledger, _) = try SQLRandomLedger.make(seed: seed)
        #expect(ledger.promises.count > 0)
        for day in ["2026-06-30", "2026-05-31", "2026-03-15", "2025-12-31"] {
            #expect(try Self.differences(ledger, at: Day(iso: day)!, step: 7) == [])
        }
    }

    /// `items … limit 20` shows the whole-ledger date of each of its 20 items; ordered by the
    /// predicted date, the items come in the whole-ledger order of dates.
    @Test func itemsShowTheWholeLedgerDates() throws {
        let runner = QueryRunner(ledger: Self.sample)
        let whole = try runner.engine.predictedPayDates(asOf: Self.sample.snapshot.asOf)
        let ids = Self.sample.documents.ids
        func shown(_ query: String) throws -> [(String, Day?)] {
            guard case let .table(result, _, _)? = try runner.run(query).first else { return [] }
            let id = try #require(result.columns.firstIndex { $0.name == "id" })
            let predicted = try #require(result.columns.firstIndex { $0.name == "predicted_pay_date" })
            return result.rows.map { row in
                guard case let .string(text) = row[id] else { return ("?", nil) }
                if case let .date(date) = row[predicted] { return (text, date) }
                return (text, nil)
            }
        }
        func wholeDate(_ id: String) -> Day? {
            guard let i = (0..<ids.count).first(where: { ids[$0] == id }), whole[i] != MetricEngine.noPredictedPayDate else { return nil }
            return Day(rawValue: whole[i])
        }
        let overdue = try shown("items where dpd > 90 and not disputed order by open desc limit 20")
        #expect(overdue.count == 20)
        #expect(overdue.allSatisfy { $0.1 != nil && $0.1 == wholeDate($0.0) })
        let disputed = try shown("items where disputed order by dpd, open desc limit 15")
        #expect(disputed.count == 15)
        #expect(disputed.allSatisfy { $0.1 == wholeDate($0.0) })
        let byDate = try shown("items where type = \"invoice\" order by predicted_pay_date desc limit 30")
        let expected = (0..<ids.count).filter { whole[$0] != MetricEngine.noPredictedPayDate }.map { whole[$0] }.sorted(by: >).prefix(30)
        #expect(byDate.map { $0.1?.rawValue } == expected.map { Optional($0) })
    }
}
