import ARCore
import ARImport
import ARMetrics
import ARQuery
import Foundation
import Testing

/// The eleven queries of the ARQL issue, and every saved query of `Queries/`, on the bundled sample.
struct ReferenceQueriesOnSampleTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static let runner: QueryRunner = {
        let result = try! SnapshotImporter.load(from: root.appendingPathComponent("datasets/sample"))
        return QueryRunner(ledger: result.ledger)
    }()

    static let reference: [String] = [
        "aging by customer_group",
        "ar, current, overdue, overdue_rate by entity as of 2026-09-30",
        "dso, dso(method: countback), bpdso, add by region",
        "cei(period: 3 months), bad_debt_rate(period: 12 months) by segment",
        "overdue_rate by entity monthly from 2025-10-31 to 2026-09-30",
        #"aging(buckets: [30, 60, 90]) by customer where region = "EMEA" having overdue > 10000 order by overdue desc limit 10"#,
        "items where dpd > 90 and not disputed order by open desc limit 20",
        "days_to_pay, days_late by customer_group over last 12 months",
        "disputed, open_disputes, dispute_days(period: 12 months) by dispute_reason",
        "promise_kept_rate(period: 6 months), penalties by entity in EUR",
        "ar by entity where entity = $entity",
    ]

    @Test(arguments: reference.indices)
    func referenceQueryRuns(_ index: Int) throws {
        let outcomes = try Self.runner.run(Self.reference[index], parameters: ["entity": "FR01"])
        guard case let .table(result, _, _)? = outcomes.first else {
            Issue.record("query \(index + 1) gave no table")
            return
        }
        #expect(!result.rows.isEmpty, "query \(index + 1) gave no rows")
    }

    @Test func breakdownsAddUpToTheTotalToTheCent() throws {
        let total = try money(Self.runner.run("ar, overdue, disputed")[0])
        let byEntity = try money(Self.runner.run("ar, overdue, disputed by entity")[0])
        let byBucket = try money(Self.runner.run("ar by bucket")[0])
        for k in 0..<3 {
            #expect(byEntity.map { $0[k] }.reduce(0, +) == total[0][k])
        }
        #expect(byBucket.map { $0[0] }.reduce(0, +) == total[0][0])
    }

    @Test func theOverdueRateSeriesMatchesAsOfQueries() throws {
        let series = try money(Self.runner.run("overdue, ar by entity monthly from 2026-07-31 to 2026-09-30")[0])
        let single = try money(Self.runner.run("overdue, ar by entity as of 2026-08-31")[0])
        // Rows of a series: date first; the August rows equal the as-of query's rows.
        let august = try rows(Self.runner.run("overdue, ar by entity monthly from 2026-07-31 to 2026-09-30")[0])
            .enumerated().filter { $0.element.first == .date(Day(iso: "2026-08-31")!) }.map { series[$0.offset] }
        #expect(august == single)
    }

    @Test func everySavedQueryRuns() throws {
        let folder = Self.root.appendingPathComponent("Queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".arql") }
        #expect(files.count >= 8)
        for file in files.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix("--"), "\(file) should start with a comment saying what it answers")
            let outcomes = try Self.runner.run(text)
            #expect(!outcomes.isEmpty, "\(file)")
        }
    }

    private func rows(_ outcome: QueryOutcome) throws -> [[ResultValue]] {
        guard case let .table(result, _, _) = outcome else { throw CancellationError() }
        return result.rows
    }

    /// The money cells of each row, in minor units.
    private func money(_ outcome: QueryOutcome) throws -> [[Int64]] {
        try rows(outcome).map { row in row.compactMap { if case let .money(m) = $0 { m } else { nil } } }
    }
}
