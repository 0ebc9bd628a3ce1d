import ARCore
import ARImport
import ARMetrics
import ARQuery
import ARRisk
import Foundation
import Testing

/// The saved risk queries and the default scoring model on the bundled sample.
struct RiskQueriesOnSampleTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        return url
    }()

    static let runner: QueryRunner = {
        let ledger = try! SnapshotImporter.load(from: root.appendingPathComponent("datasets/sample")).ledger
        let runner = QueryRunner(ledger: ledger, providers: RiskMetrics.providers())
        let model = try! ScoringModelLoader(catalog: runner.compiler.catalog).load(path: root.appendingPathComponent("scoring/default.yaml").path)
        return runner.adding(providers: [ScoreProvider(model: model)])
    }()

    @Test func everySavedRiskQueryRunsAndReturnsRows() throws {
        let folder = Self.root.appendingPathComponent("Queries/risk")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".arql") }.sorted()
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix("--"), "\(file) should start with a comment saying what it answers")
            let rows = try Self.runner.run(text).first?.result?.rows ?? []
            #expect(!rows.isEmpty, "\(file) returned no row on the sample")
        }
    }

    @Test func exposureAddsUpToTheReceivablesOfEveryRegion() throws {
        let table = try CreditLedger.table("ar, exposure by region", runner: Self.runner)
        #expect(!table.rows.isEmpty)
        for row in table.rows { #expect(row.values[0] == row.values[1], "\(row.keys)") }
    }

    @Test func everyScoredCustomerHasAClassOfItsScore() throws {
        let table = try CreditLedger.table("score, risk_class by customer", runner: Self.runner)
        let thresholds: [Double] = [80, 65, 50, 35, 0]
        for row in table.rows {
            guard case let .percent(score) = row.values[0], case let .count(rank) = row.values[1] else {
                Issue.record("no score for \(row.keys)")
                continue
            }
            #expect((0...100).contains(score))
            #expect(rank == thresholds.firstIndex { score >= $0 }! + 1)
        }
    }
}
