import ARCharts
import Foundation
import ARCore
import ARQuery

/// A pack with every query answered: what the pages will show, before any layout or drawing.
public struct EvaluatedPack: Sendable {
    public var pages: [EvaluatedPage]
    public var parameters: PackParameters
    /// The snapshot that answers the as-of date (`2026-10-31-b4043b0c`).
    public var snapshotID: String
    /// Every snapshot a figure of the pack came from.
    public var snapshotsUsed: [String]
    /// The first KPI board's tiles: the headline figures of the e-mail.
    public var headline: [KPITile]
    /// How long the queries took, in milliseconds.
    public var queryMilliseconds: Double
}

public struct EvaluatedPage: Sendable {
    public var title: String
    /// The page's grid: row heights and column widths as shares.
    public var rowWeights: [Double], columnWeights: [Double]
    public var blocks: [EvaluatedBlock]
    /// How long the page's queries took, in milliseconds.
    public var queryMilliseconds: Double
    /// What a reader must know about the figures (a query's warnings, a figure nothing matched).
    public var notes: [String]
}

public struct EvaluatedBlock: Sendable {
    public enum Content: Sendable {
        case chart(Chart)
        case table(TableData)
        case text(title: String?, paragraphs: [String])
    }

    public var content: Content
    /// Grid cell and span on the page.
    public var row: Int, column: Int, rowSpan: Int, columnSpan: Int
    /// Where the block is written in the pack file.
    public var location: PackLocation
}

/// A table's cells before it is cut into pages.
public struct TableData: Sendable {
    public var title: String?
    public var subtitle: String?
    public var header: [String]
    public var rows: [[String]]
    public var alignments: [ColumnAlignment]
    /// `money in EUR` when the table shows money.
    public var money: String?
    /// The same cells with money in whole units, used when the exact figures do not fit the width.
    public var wholeUnitRows: [[String]]?

    /// The table with money in whole units, saying so in its subtitle.
    func inWholeUnits() -> TableData? {
        guard let wholeUnitRows, let money else { return nil }
        var copy = self
        copy.rows = wholeUnitRows
        copy.wholeUnitRows = nil
        copy.money = money + ", whole units"
        copy.subtitle = subtitle?.replacingOccurrences(of: money, with: money + ", whole units")
        return copy
    }

    /// The table holding `rows` from `range`, its subtitle saying which rows those are.
    func slice(_ range: Range<Int>, continued: Bool) -> Chart {
        var chart = Chart.table(title: continued ? (title ?? "Table") + " (continued)" : title,
                                subtitle: subtitle, header: header, rows: Array(rows[range]), alignments: alignments)
        if range.count < rows.count {
            chart.subtitle = "rows \(range.lowerBound + 1)–\(range.upperBound) of \(rows.count)" + (money.map { " · \($0)" } ?? "")
        }
        return chart
    }
}
