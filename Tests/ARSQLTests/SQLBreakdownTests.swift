import ARSQL
import ARCore
import ARMetrics
import ARQuery
import Foundation
import Testing

/// On random ledgers: every breakdown adds up to its total, to the minor unit (metrics.md,
/// "Conversion": each item is converted on its own, then summed).
struct SQLBreakdownTests {
    static let metrics: [MetricRequest] = [.init(.ar), .init(.current), .init(.overdue), .init(.disputed), .init(.count),
                                           .init(.sales, period: .days(90)), .init(.writeOffs, period: .months(12)), .init(.penalties)]

    /// Column sums of `rows` after the first `keys` columns, as integers.
    func sums(_ rows: [[String?]], keys: Int) -> [Int64] {
        var totals = [Int64](repeating: 0, count: (rows.first?.count ?? keys) - keys)
        for row in rows {
            for (i, value) in row.dropFirst(keys).enumerated() { totals[i] += Int64(value!)! }
        }
        return totals
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func breakdownsAddUpToTheTotal(seed: UInt64) throws {
        let (_, snapshot) = try SQLRandomLedger.make(seed: seed)
        let dates = [Day(iso: "2026-03-31")!, SQLRandomLedger.asOf]
        for date in dates {
            let total = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: Self.metrics, dates: [date]))
            #expect(total.count == 1)
            let values = sums(total, keys: 0)
            #expect(values[0] == values[1] + values[2])   // ar = current + overdue
            for dimension: ARMetrics.Dimension in [.entity, .currency, .segment, .customer, .type, .bucket, .issueMonth] {
                let rows = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: Self.metrics, dimensions: [dimension], dates: [date]))
                #expect(sums(rows, keys: 1) == values, "by \(dimension) at \(date)")
            }
            let aging = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: [.init(.aging)], dates: [date]))
            #expect(sums(aging, keys: 0).reduce(0, +) == values[0])
        }
    }

    @Test func aSeriesEqualsItsDatesOneByOne() throws {
        let (_, snapshot) = try SQLRandomLedger.make(seed: 7)
        let dates = (0..<6).map { SQLRandomLedger.asOf.adding(months: -$0) }.reversed()
        let metrics: [MetricRequest] = [.init(.ar), .init(.dso), .init(.dso, dsoMethod: .countback), .init(.cei), .init(.daysToPay)]
        let series = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: metrics, dimensions: [.region], dates: Array(dates)))
        var oneByOne: [[String?]] = []
        for date in dates {
            let rows = try SQLTestLedger.rows(snapshot, MetricQuery(metrics: metrics, dimensions: [.region], dates: [date]))
            oneByOne += rows.map { [$0[0], date.iso] + $0.dropFirst() }
        }
        #expect(series.sorted { "\($0)" < "\($1)" } == oneByOne.sorted { "\($0)" < "\($1)" })
        #expect(series.count >= 6)
    }
}
