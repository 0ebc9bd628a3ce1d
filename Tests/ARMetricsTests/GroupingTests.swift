import ARCore
import ARStore
import Testing
@testable import ARMetrics

/// Dimensions (attributes, missing values), filters on flows, and per-group figures, at 2026-03-31.
struct GroupingTests {
    func engine() throws -> MetricEngine {
        var f = try LedgerFixture()
        try f.customer("C1", region: "EMEA", extras: [("tier", "gold")])
        try f.customer("C2", region: "AMER")
        try f.customer("C3")
        f.rate(.usd, "2026-01-01", "0.8")
        try f.invoice("G1", issue: "2026-03-05", due: "2026-04-04", amount: 40_000, extras: [("channel", "web")])
        try f.invoice("G2", issue: "2026-02-10", due: "2026-03-12", amount: 20_000, extras: [("channel", "edi")])
        try f.invoice("G3", "C2", issue: "2026-03-20", due: "2026-04-19", amount: 10_000)
        try f.invoice("G4", "C3", issue: "2026-01-15", due: "2026-02-14", amount: 30_000)
        try f.creditNote("GN", "C3", issue: "2026-03-25", amount: 10_000)
        try f.pay("GP", "C3", to: "GN", on: "2026-03-28", amount: 4_000)
        try f.invoice("G5", "C2", entity: "E2", issue: "2026-03-25", due: "2026-04-24", amount: 12_345, currency: .usd)
        try f.promise("GR1", "C1", made: "2026-03-01", promised: "2026-03-15", amount: 1_000)
        try f.pay("GQ", "C1", to: "G2", on: "2026-03-10", amount: 1_000)
        return f.engine(asOf: "2026-03-31")
    }

    @Test func missingDimensionValuesComeLast() throws {
        let rows = try engine().byDimension(.ar, .region, at: "2026-03-31")
        #expect(rows.map(\.0) == ["AMER", "EMEA", nil])
        // G5: 123.45 USD × 0.8 = 98.76. GN: 100.00 partly consumed by a 40.00 row: −60.00 open.
        #expect(rows.map(\.1) == [.money(19_876), .money(59_000), .money(24_000)])
    }

    @Test func attributesAreDimensions() throws {
        let e = try engine()
        let byTier = try e.byDimension(.ar, .customerAttribute("tier"), at: "2026-03-31")
        #expect(byTier.map(\.0) == ["gold", nil])
        #expect(byTier.map(\.1) == [.money(59_000), .money(43_876)])
        let byChannel = try e.byDimension(.sales, .documentAttribute("channel"), at: "2026-03-31")
        #expect(byChannel.map(\.0) == ["web", nil])
        #expect(byChannel.map(\.1) == [.money(40_000), .money(9_876)])
        let error = #expect(throws: MetricError.self) { try e.byDimension(.ar, .documentAttribute("nope"), at: "2026-03-31") }
        #expect(error?.description == "unknown invoices attribute 'nope': the snapshot's invoices file has no such column")
    }

    @Test func twoDimensions() throws {
        let table = try engine().run(MetricQuery(metrics: [MetricRequest(.ar), MetricRequest(.count), MetricRequest(.customers)],
                                                 dimensions: [.entity, .type], dates: [d("2026-03-31")]))
        #expect(table.rows.map(\.keys) == [["E1", "credit_note"], ["E1", "invoice"], ["E2", "invoice"]])
        #expect(table.rows.map { $0.values } == [
            [.money(-6_000), .count(1), .count(1)],
            [.money(99_000), .count(4), .count(3)],
            [.money(9_876), .count(1), .count(1)],
        ])
    }

    @Test func filterSelectsTheDocumentsOfFlows() throws {
        let e = try engine()
        let emea = ItemPredicate.compare(.dimension(.region), .eq, .string("EMEA"))
        #expect(try e.value(MetricRequest(.sales), at: "2026-03-31", filter: emea) == .money(40_000))
        // The customer-level promise is tested on its customer: region is known, dpd is not.
        #expect(try e.value(MetricRequest(.promiseKeptRate), at: "2026-03-31", filter: emea) == .ratio(1))
        let late = ItemPredicate.compare(.dpd, .gt, .integer(0))
        #expect(try e.value(MetricRequest(.promiseKeptRate), at: "2026-03-31", filter: late) == .missing)
        #expect(try e.value(MetricRequest(.promiseKeptRate), at: "2026-03-31", filter: .not(late)) == .ratio(1))
    }

    @Test func countBackPerGroup() throws {
        let rows = try engine().run(MetricQuery(metrics: [MetricRequest(.dso, dsoMethod: .countback)], dimensions: [.customer],
                                                dates: [d("2026-03-31")])).rows
        #expect(rows.map { $0.keys[0] } == ["C1", "C2", "C3"])
        // C1: AR 59,000; March sales 40,000 (31 days), February 20,000: 19/20 × 28.
        #expect(close(rows[0].values[0].days, 31 + 19.0 / 20.0 * 28))
        // C2: AR 19,876 = March sales: 31 days, then February has no sales.
        #expect(close(rows[1].values[0].days, 31))
        // C3: March's net sales are −10,000: stop at once.
        #expect(close(rows[2].values[0].days, 0))
    }

    @Test func itemsInAnotherCurrency() throws {
        let items = try engine().items(asOf: d("2026-03-31"), filter: .compare(.dimension(.currency), .eq, .string("USD")), currency: .usd)
        #expect(items.ids == ["G5"])
        #expect(items.openReporting == [12_345])
        let euros = try engine().items(asOf: d("2026-03-31"), filter: .compare(.open, .ge, .integer(30_000)), currency: .usd)
        // 400.00 EUR / 0.8 = 500.00 USD; 300.00 EUR → 375.00 USD.
        #expect(euros.ids == ["G1", "G4"])
        #expect(euros.openReporting == [50_000, 37_500])
        #expect(euros.reportingCurrency == .usd)
    }
}

/// Printing an item table.
struct ItemTableTests {
    @Test func printsEveryColumn() throws {
        let items = try GroupingTests().engine().items(asOf: d("2026-03-31"), filter: nil, currency: nil)
        #expect(items.ids == ["G1", "G2", "G3", "G4", "GN", "G5"])
        #expect(items.text(5, "open") == "123.45")
        #expect(items.text(5, "open_reporting") == "98.76")
        #expect(items.text(4, "open") == "-60.00")
        #expect(items.text(0, "due_date") == "2026-04-04")
        #expect(items.text(0, "customer_name") == "Name C1")
        #expect(items.text(0, "nope") == nil)
        #expect(ItemTable.columnNames.allSatisfy { items.text(0, $0) != nil })
        #expect(items.predictedPayDates == nil)
    }
}

/// Items ordered and cut by the engine before rows are laid out (`order by … limit`).
struct OrderedItemsTests {
    @Test func ordersByNumericColumnsAndCutsToTheLimit() throws {
        let e = try GroupingTests().engine(), day = d("2026-03-31")
        let top = try e.items(asOf: day, filter: nil, currency: nil, order: [ItemSortKey(field: .open, descending: true)], limit: 3)
        // G1 400.00, G4 300.00, G2 200.00 − 10.00 paid.
        #expect(top.ids == ["G1", "G4", "G2"])
        #expect(top.openReporting == [40_000, 30_000, 19_000])
        // Days past due at 03-31: G5 −24, G3 −19, G1 −4, GN 6 (due on issue), G2 19, G4 45.
        let byDPD = try e.items(asOf: day, filter: nil, currency: nil, order: [ItemSortKey(field: .dpd, descending: false)])
        #expect(byDPD.ids == ["G5", "G3", "G1", "GN", "G2", "G4"])
        #expect(byDPD.daysPastDue == [-24, -19, -4, 6, 19, 45])
    }

    @Test func textKeysAndTies() throws {
        let e = try GroupingTests().engine(), day = d("2026-03-31")
        let byCustomer = try e.items(asOf: day, filter: nil, currency: nil, order: [ItemSortKey(field: .dimension(.customer), descending: true)],
                                     limit: 2)
        // C3's two items, in document order (ties keep it in either direction).
        #expect(byCustomer.customers == ["C3", "C3"])
        #expect(byCustomer.ids == ["G4", "GN"])
        let all = try e.items(asOf: day, filter: nil, currency: nil)
        let unordered = try e.items(asOf: day, filter: nil, currency: nil, order: [], limit: 2)
        #expect(unordered == all.selecting([0, 1]))
    }
}
