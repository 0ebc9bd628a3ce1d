import ARSQL
import ARCore
import ARGenerator
import ARImport
import ARMetrics
import ARQuery
import ARStore
import Foundation
import Testing

/// The second, independent path: random metric queries answered by the Swift engine and by the
/// SQL compiler on SQLite, over the same snapshot, must agree to the cent (ratios to 1e-9).
///
/// The snapshots are generated ledgers written as SQLite files by `ARGenerator` and read back
/// by `ARImport` (so the importer is on the path too), and random ledgers of `SQLRandomLedger`.
struct SQLDifferentialTests {
    typealias Random = SQLRandomLedger.Random

    static let metricPool: [MetricRequest] = [
        .init(.ar), .init(.current), .init(.overdue), .init(.overdueRate), .init(.disputed), .init(.count), .init(.customers),
        .init(.aging), .init(.aging, aging: AgingSpec(basis: .issueDate, bounds: [30, 60, 90, 120])),
        .init(.aging, aging: AgingSpec(bounds: [15, 45])), .init(.sales), .init(.sales, period: .days(90)),
        .init(.dso), .init(.dso, dsoMethod: .countback), .init(.dso, period: .months(3)), .init(.bpdso), .init(.add),
        .init(.cei), .init(.cei, period: .months(3)), .init(.badDebtRate), .init(.writeOffs, period: .months(12)),
        .init(.daysToPay, period: .months(6)), .init(.daysLate, period: .months(12)), .init(.disputeDays, period: .months(12)),
        .init(.openDisputes), .init(.promiseKeptRate, period: .months(6)), .init(.promiseKeptRate, period: .months(6), graceDays: 3),
        .init(.penalties), .init(.penalties, penalties: .france), .init(.penalties, penalties: .uk),
        .init(.collections), .init(.collections, period: .months(3)), .init(.collectionsRate), .init(.collectionsRate, period: .days(90)),
        .init(.disputesOpened, period: .months(6)), .init(.disputesResolved, period: .months(6)),
        .init(.disputedOpened, period: .months(12)), .init(.daysToPay, period: .months(6), weighted: false),
        .init(.daysLate, period: .months(12), weighted: false), .init(.paidLateRate, period: .months(6)), .init(.paidOnTimeRate),
    ]

    static let dimensionPool: [[ARMetrics.Dimension]] = [
        [], [], [.entity], [.currency], [.customerGroup], [.segment], [.region], [.country], [.salesRep], [.type],
        [.bucket], [.issueMonth], [.customer], [.entity, .segment], [.region, .currency], [.disputeReason],
        [.customerName], [.paymentTermsDays], [.creditLimit, .insuredLimit],
    ]

    static let filterPool: [ItemPredicate?] = [
        nil, nil, nil, .compare(.dpd, .gt, .integer(30)), .not(.disputed), .disputed,
        .compare(.dimension(.type), .eq, .string("credit_note")),
        .compare(.dimension(.type), .ne, .string("unallocated")),
        .and(.compare(.dpd, .gt, .integer(0)), .compare(.open, .gt, .integer(100_000))),
        .or(.compare(.dimension(.segment), .eq, .string("SMB")), .compare(.age, .le, .integer(60))),
        .compare(.dimension(.paymentTermsDays), .eq, .string("60")),
    ]

    /// A random query over `ledger`'s history.
    static func query(_ random: inout Random, asOf: Day) -> MetricQuery {
        var metrics: [MetricRequest] = []
        for _ in 0..<(1 + Int(random.next() % 3)) { metrics.append(random.pick(metricPool)) }
        let dates: [Day] = switch random.next() % 4 {
        case 0: [asOf.adding(months: -Int(random.next() % 12))]
        case 1: (0..<3).map { asOf.adding(months: -3 + $0) }
        default: [asOf]
        }
        let currency: Currency? = random.chance(0.15) ? .usd : nil
        return MetricQuery(metrics: metrics, dimensions: random.pick(dimensionPool), filter: random.pick(filterPool),
                           dates: dates, currency: currency)
    }

    /// The engine's table as the SQL's text rows: keys, the date of a series, then the values.
    static func rows(of table: MetricTable) -> [[String?]] {
        table.rows.map { row in
            row.keys + (table.isSeries ? [row.date.iso] : []) + row.values.map { value -> String? in
                switch value {
                case let .money(m): String(m)
                case let .count(n): String(n)
                case let .ratio(x), let .days(x), let .percent(x): x.description
                case .missing: nil
                }
            }
        }
    }

    /// Whether two cells agree: text and integers exactly, decimals to 1e-9 relative.
    static func agree(_ a: String?, _ b: String?) -> Bool {
        if a == b { return true }
        guard let a, let b, let x = Double(a), let y = Double(b) else { return false }
        return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
    }

    /// Runs `count` random queries both ways; returns how many agreed.
    static func compare(ledger: Ledger, sqlite: URL, seed: UInt64, count: Int) throws -> Int {
        let engine = MetricEngine(ledger: ledger)
        let context = try SQLSnapshotContext.read(from: sqlite)
        var random = Random(state: seed)
        var agreed = 0
        for k in 0..<count {
            let query = query(&random, asOf: ledger.snapshot.asOf)
            let expected = rows(of: try engine.run(query))
            let actual = try SQLCompiler.run(try SQLCompiler.compile(query, snapshot: context), on: sqlite)
            let sortedExpected = expected.sorted { "\($0)" < "\($1)" }, sortedActual = actual.sorted { "\($0)" < "\($1)" }
            let same = sortedExpected.count == sortedActual.count
                && zip(sortedExpected, sortedActual).allSatisfy { e, a in e.count == a.count && zip(e, a).allSatisfy(agree) }
            #expect(same, "query \(k) of seed \(seed): \(query)\nengine: \(expected.prefix(5))\nsql: \(actual.prefix(5))")
            if same { agreed += 1 }
        }
        return agreed
    }

    @Test(arguments: [UInt64(11), 12, 13, 14])
    func randomLedgersAgree(seed: UInt64) throws {
        let (ledger, snapshot) = try SQLRandomLedger.make(seed: seed)
        #expect(try Self.compare(ledger: ledger, sqlite: snapshot.url, seed: seed, count: 150) == 150)
    }

    @Test(arguments: [UInt64(21), 22])
    func generatedLedgersImportedFromSQLiteAgree(seed: UInt64) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arlens-diff-\(seed)-\(UUID().uuidString)")
        try LedgerGenerator.write(GeneratorConfig(invoices: 600, seed: seed, asOf: Day(iso: "2026-06-30")!,
                                                  invoicesPerCustomer: 12),
                                  to: folder, format: .sqlite)
        let file = folder.appendingPathComponent("ledger.sqlite")
        let imported = try SnapshotImporter.load(from: file)
        #expect(imported.rejects.isEmpty)
        #expect(try Self.compare(ledger: imported.ledger, sqlite: file, seed: seed, count: 200) == 200)
    }
}

extension SQLRandomLedger.Random {
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}
