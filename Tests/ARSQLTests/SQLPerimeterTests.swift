import ARSQL
import ARCore
import ARGenerator
import ARImport
import ARMetrics
import ARQuery
import ARStore
import Foundation
import Testing

/// Perimeters two ways: the engine on `Ledger.restricted(to:)` (Swift, rows dropped before any
/// computation) and the SQL reading every table through its `p_` restriction of the full file
/// (SQL, written separately from the same rule). Random queries must agree to the cent.
struct SQLPerimeterTests {
    typealias Random = SQLRandomLedger.Random

    /// Runs `count` random queries under `perimeter` both ways; returns how many agreed.
    static func compare(ledger: Ledger, sqlite: URL, perimeter: Perimeter, seed: UInt64, count: Int) throws -> Int {
        let engine = MetricEngine(ledger: try ledger.restricted(to: perimeter))
        var context = try SQLSnapshotContext.read(from: sqlite)
        context.perimeter = perimeter
        var random = Random(state: seed)
        var agreed = 0
        for k in 0..<count {
            let query = SQLDifferentialTests.query(&random, asOf: ledger.snapshot.asOf)
            let expected = SQLDifferentialTests.rows(of: try engine.run(query)).sorted { "\($0)" < "\($1)" }
            let actual = try SQLCompiler.run(try SQLCompiler.compile(query, snapshot: context), on: sqlite).sorted { "\($0)" < "\($1)" }
            let same = expected.count == actual.count
                && zip(expected, actual).allSatisfy { e, a in e.count == a.count && zip(e, a).allSatisfy(SQLDifferentialTests.agree) }
            #expect(same, "query \(k) under \(perimeter): \(query)\nengine: \(expected.prefix(5))\nsql: \(actual.prefix(5))")
            if same { agreed += 1 }
        }
        return agreed
    }

    static let randomLedgerPerimeters: [Perimeter] = [
        Perimeter(["entity": ["E1"]]), Perimeter(["entity": ["E2", "E3"]]), Perimeter(["region": ["EMEA"]]),
        Perimeter(["customer_group": ["G1"], "currency": ["EUR", "USD"]]), Perimeter(["segment": ["KEY"], "entity": ["E1", "E2"]]),
    ]

    @Test(arguments: [UInt64(31), 32])
    func randomLedgersAgreeUnderPerimeters(seed: UInt64) throws {
        let (ledger, snapshot) = try SQLRandomLedger.make(seed: seed)
        for (k, perimeter) in Self.randomLedgerPerimeters.enumerated() {
            #expect(try Self.compare(ledger: ledger, sqlite: snapshot.url, perimeter: perimeter, seed: seed &+ UInt64(k), count: 30) == 30)
        }
    }

    @Test func aGeneratedLedgerAgreesUnderPerimeters() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-perimeter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try LedgerGenerator.write(GeneratorConfig(invoices: 600, seed: 41, asOf: Day(iso: "2026-06-30")!, invoicesPerCustomer: 12),
                                  to: folder, format: .sqlite)
        let file = folder.appendingPathComponent("ledger.sqlite")
        let ledger = try SnapshotImporter.load(from: file).ledger
        for (k, perimeter) in [Perimeter(["entity": ["FR01"]]), Perimeter(["entity": ["US01", "JP01"]]),
                               Perimeter(["region": ["EMEA"], "segment": ["SMB"]])].enumerated() {
            #expect(try Self.compare(ledger: ledger, sqlite: file, perimeter: perimeter, seed: 50 + UInt64(k), count: 40) == 40)
        }
    }

    @Test func anUnknownFieldIsAnErrorBothWays() throws {
        let (ledger, snapshot) = try SQLRandomLedger.make(seed: 33)
        let perimeter = Perimeter(["regoin": ["EMEA"]])
        #expect(throws: PerimeterError(field: "regoin")) { try ledger.restricted(to: perimeter) }
        var context = try SQLSnapshotContext.read(from: snapshot.url)
        context.perimeter = perimeter
        #expect(throws: SQLCompileError.self) {
            try SQLCompiler.compile(MetricQuery(metrics: [MetricRequest(.ar)], dates: [ledger.snapshot.asOf]), snapshot: context)
        }
    }
}
